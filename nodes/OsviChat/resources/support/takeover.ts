import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { textParameter } from '../../../shared/input';
import { operatorMessage, sessionId, simplify } from '../../shared/descriptions';

const properties: INodeProperties[] = [
	sessionId,
	{
		...operatorMessage,
		required: false,
		description: 'Optional note to record with the takeover',
		routing: {
			send: {
				type: 'body',
				property: 'message',
				value: '={{ $value || undefined }}',
				preSend: [textParameter('message', 'Message', 'message')],
			},
		},
	},
	simplify,
];

export const takeoverDescription = updateDisplayOptions(
	{ show: { resource: ['support'], operation: ['takeover'] } },
	properties,
);
