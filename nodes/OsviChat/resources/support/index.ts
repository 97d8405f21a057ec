import type { INodeProperties } from 'n8n-workflow';
import { sessionPath } from '../../shared/descriptions';
import { throwOnOsviError } from '../../shared/errors';
import { unwrapData } from '../../shared/output';
import { endDescription } from './end';
import { sendMessageDescription } from './sendMessage';
import { takeoverDescription } from './takeover';
import { tellDescription } from './tell';
import { whisperDescription } from './whisper';

/** Every operator action is one call to the session's support rail, told apart by `command`. */
const support = (command?: 'takeover' | 'tell' | 'whisper' | 'end') => ({
	request: {
		method: 'POST' as const,
		url: sessionPath('support'),
		body: command ? { command } : {},
	},
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
				routing: support('end'),
			},
			{
				name: 'Send Operator Message',
				value: 'sendMessage',
				action: 'Send an operator message to the customer',
				description: 'Send a human operator’s message straight to the customer; works only after Take Over',
				routing: support(),
			},
			{
				name: 'Take Over',
				value: 'takeover',
				action: 'Take over a session as an operator',
				description:
					'Put a human operator in charge of the session; the agent stops replying to the customer until Hand Back to AI',
				routing: support('takeover'),
			},
			{
				name: 'Tell',
				value: 'tell',
				action: 'Tell the agent what to say',
				description:
					'Give the agent operator guidance and have it reply to the customer now; returns the agent’s reply',
				routing: support('tell'),
			},
			{
				name: 'Whisper',
				value: 'whisper',
				action: 'Whisper guidance to the agent',
				description:
					'Give the agent private guidance for its next reply; the customer never sees it',
				routing: support('whisper'),
			},
		],
		default: 'takeover',
	},
	...takeoverDescription,
	...tellDescription,
	...whisperDescription,
	...endDescription,
	...sendMessageDescription,
];
