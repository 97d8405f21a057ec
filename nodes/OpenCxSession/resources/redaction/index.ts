import type { INodeProperties } from 'n8n-workflow';

import { throwOnOpenCxError } from '../../shared/errors';
import { fields as redactMessage } from './redactMessage';
import { fields as redactSession } from './redactSession';

/*
 * open.cx replaces redacted content with [REDACTED] and deletes the files for good (opencx.md §5);
 * there is no way back, so every label says so. A 2xx answer with `success: false` fails the item
 * (throwOnOpenCxError).
 */
export const redactionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['redaction'] } },
		options: [
			{
				name: 'Redact Message',
				value: 'redactMessage',
				action: 'Permanently redact a message',
				description:
					'Permanently replace one message and its attachments with [REDACTED]; this cannot be undone',
				routing: {
					request: { method: 'POST', url: '/redaction/message' },
					send: { preSend: redactMessage.preSend },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Redact Session',
				value: 'redactSession',
				action: 'Permanently redact a session',
				description:
					'Permanently replace every message and attachment of a session with [REDACTED]; this cannot be undone',
				routing: {
					request: { method: 'POST', url: '/redaction/session' },
					send: { preSend: redactSession.preSend },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
		],
		default: 'redactMessage',
	},
	...redactMessage.properties,
	...redactSession.properties,
];
