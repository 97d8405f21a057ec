import type { INodeProperties } from 'n8n-workflow';
import { sessionPath } from '../../shared/fields';
import { throwOnOsviError } from '../../shared/errors';
import { unwrapData } from '../../shared/output';
import type { OperationFields } from '../../../shared/fields';
import { fields as end } from './end';
import { fields as sendMessage } from './sendMessage';
import { fields as takeover } from './takeover';
import { fields as tell } from './tell';
import { fields as whisper } from './whisper';

/** Every operator action is one call to the session's support rail, told apart by `command`. */
const support = (fields: OperationFields, command?: 'takeover' | 'tell' | 'whisper' | 'end') => ({
	request: {
		method: 'POST' as const,
		url: sessionPath('support'),
		body: command ? { command } : {},
	},
	send: { preSend: fields.preSend },
	output: { postReceive: [throwOnOsviError, unwrapData] },
});

export const supportDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['support'] } },
		options: [
			{
				name: 'Hand Back to AI',
				value: 'end',
				action: 'Hand a session back to the AI agent',
				description: 'End the operator takeover so the agent answers the customer again',
				routing: support(end, 'end'),
			},
			{
				name: 'Send Operator Message',
				value: 'sendMessage',
				action: 'Send an operator message to the customer',
				description: 'Send a human operator’s message straight to the customer; works only after Take Over',
				routing: support(sendMessage),
			},
			{
				name: 'Take Over',
				value: 'takeover',
				action: 'Take over a session as an operator',
				description:
					'Put a human operator in charge of the session; the agent stops replying to the customer until Hand Back to AI',
				routing: support(takeover, 'takeover'),
			},
			{
				name: 'Tell',
				value: 'tell',
				action: 'Tell the agent what to say',
				description:
					'Give the agent operator guidance and have it reply to the customer now; returns the agent’s reply',
				routing: support(tell, 'tell'),
			},
			{
				name: 'Whisper',
				value: 'whisper',
				action: 'Whisper guidance to the agent',
				description:
					'Give the agent private guidance for its next reply; the customer never sees it',
				routing: support(whisper, 'whisper'),
			},
		],
		default: 'takeover',
	},
	...takeover.properties,
	...tell.properties,
	...whisper.properties,
	...end.properties,
	...sendMessage.properties,
];
