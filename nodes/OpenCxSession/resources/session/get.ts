import type { INodeProperties } from 'n8n-workflow';

import { sessionIdField } from '../../shared/descriptions';

const showOnlyForGet = { show: { resource: ['session'], operation: ['get'] } };

export const sessionGetDescription: INodeProperties[] = [sessionIdField(showOnlyForGet)];
