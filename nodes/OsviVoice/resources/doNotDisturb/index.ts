import type { INodeProperties } from 'n8n-workflow';

import { routedRequest } from '../../../shared';
import { OSVI } from '../../../OsviChat/shared/api';
import { throwOnOsviError } from '../../../OsviChat/shared/errors';
import { dataOnly, pages } from '../../shared/output';
import { fields as add } from './add';
import { fields as getAll } from './getAll';
import { fields as remove } from './remove';

export const doNotDisturbDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['doNotDisturb'] } },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a number to the do not disturb list',
				description: 'Stop an agent from ever calling a number, also in running campaigns',
				routing: {
					request: { method: 'POST', url: '/v1/dnd_numbers' },
					send: { preSend: add.preSend },
					output: { postReceive: [throwOnOsviError, dataOnly] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many numbers on the do not disturb list',
				description: 'List the numbers an agent never calls',
				routing: {
					request: { method: 'GET', url: '/v1/dnd_numbers' },
					send: { preSend: getAll.preSend },
					operations: { pagination: routedRequest(OSVI, pages) },
					output: { postReceive: [throwOnOsviError] },
				},
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a number from the do not disturb list',
				description: 'Let an agent call a number again',
				routing: {
					request: { method: 'DELETE', url: '/v1/dnd_numbers' },
					send: { preSend: remove.preSend },
					output: { postReceive: [throwOnOsviError] },
				},
			},
		],
		default: 'add',
	},
	...add.properties,
	...getAll.properties,
	...remove.properties,
];
