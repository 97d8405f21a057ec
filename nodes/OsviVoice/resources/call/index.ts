import type { INodeProperties } from 'n8n-workflow';

import { routedRequest } from '../../../shared';
import { OSVI } from '../../../OsviChat/shared/api';
import { throwOnOsviError } from '../../../OsviChat/shared/errors';
import { callPath, COST_WARNING } from '../../shared/fields';
import { dataOnly, downloadRecording, pages, transcriptItems } from '../../shared/output';
import { fields as get } from './get';
import { fields as getAll } from './getAll';
import { fields as getRecording } from './getRecording';
import { fields as getTranscript } from './getTranscript';
import { fields as start } from './start';

export const callDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a call',
				description: 'Get one call’s status and, once analysed, its summary, extracted data and analysis',
				routing: {
					request: { method: 'GET', url: callPath() },
					send: { preSend: get.preSend },
					output: { postReceive: [throwOnOsviError, dataOnly] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many calls',
				description: 'List the account’s calls, most recent first, with filters',
				routing: {
					request: { method: 'GET', url: '/v1/calls' },
					send: { preSend: getAll.preSend },
					operations: { pagination: routedRequest(OSVI, pages) },
					output: { postReceive: [throwOnOsviError] },
				},
			},
			{
				name: 'Get Recording',
				value: 'getRecording',
				action: 'Get the recording of a call',
				description: 'Get a 15-minute link to the call’s audio, or download the audio',
				routing: {
					request: { method: 'GET', url: callPath('/recording') },
					send: { preSend: getRecording.preSend },
					output: { postReceive: [throwOnOsviError, downloadRecording] },
				},
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				action: 'Get the transcript of a call',
				description: 'Get what was said in a call, turn by turn (empty when nobody answered)',
				routing: {
					request: { method: 'GET', url: callPath('/transcript') },
					send: { preSend: getTranscript.preSend },
					output: { postReceive: [throwOnOsviError, transcriptItems] },
				},
			},
			{
				name: 'Start',
				value: 'start',
				action: 'Start a phone call',
				description: `Have an agent call a phone number. ${COST_WARNING}. Never sent twice for one item, even when a try fails midway`,
				routing: {
					request: { method: 'POST', url: '/v1/call' },
					send: { preSend: start.preSend },
					output: { postReceive: [throwOnOsviError, dataOnly] },
				},
			},
		],
		default: 'start',
	},
	...start.properties,
	...get.properties,
	...getAll.properties,
	...getTranscript.properties,
	...getRecording.properties,
];
