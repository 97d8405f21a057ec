import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { agent } from '../../shared/descriptions';
import { dndPhone } from './getAll';

const properties: INodeProperties[] = [
	agent('body'),
	dndPhone('body'),
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		default: '',
		description: 'A note for your own records, such as "asked not to be called"',
		routing: { send: { type: 'body', property: 'reason', value: '={{ $value === "" ? undefined : $value }}' } },
	},
];

export const addDescription = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['add'] } }, properties);
