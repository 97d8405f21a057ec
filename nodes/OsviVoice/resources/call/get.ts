import { updateDisplayOptions } from 'n8n-workflow';

import { callId } from '../../shared/descriptions';

export const getDescription = updateDisplayOptions({ show: { resource: ['call'], operation: ['get'] } }, [callId]);
