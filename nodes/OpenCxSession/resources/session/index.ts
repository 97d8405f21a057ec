import type { INodeProperties } from 'n8n-workflow';

import { throwOnOpenCxError } from '../../shared/errors';
import { statusUpdated } from '../../shared/output';
import { cursorPagination, pagePagination } from '../../shared/pagination';
import { fields as create } from './create';
import { fields as filter } from './filter';
import { fields as get } from './get';
import { fields as getAll } from './getAll';
import { fields as search } from './search';
import { fields as updateStatus } from './updateStatus';

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a session',
				description: 'Start a chat session, linked to an existing or new contact',
				routing: {
					request: { method: 'POST', url: '/chat/sessions' },
					send: { preSend: create.preSend },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Filter',
				value: 'filter',
				action: 'Filter sessions',
				description: 'Find sessions with structured filters and sorting',
				routing: {
					request: { method: 'POST', url: '/chat/sessions/filter' },
					send: { preSend: filter.preSend },
					operations: { pagination: pagePagination },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a session',
				description: 'Get a session with its status, contact, custom data and handoff summary',
				routing: {
					request: { method: 'GET', url: '/chat/sessions/{sessionId}' },
					send: { preSend: get.preSend },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many sessions',
				description: 'List sessions, newest first, by status, channel, handoff and date',
				routing: {
					request: { method: 'GET', url: '/chat/sessions' },
					send: { preSend: getAll.preSend },
					operations: { pagination: cursorPagination },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search contacts and messages',
				description: 'Full-text search of contacts (name, email, phone) and chat messages',
				routing: {
					request: { method: 'GET', url: '/chat/sessions/search' },
					send: { preSend: search.preSend },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a session',
				description: 'Close a session as resolved or unresolved, or reopen it',
				routing: {
					request: { method: 'PATCH', url: '/chat/sessions/{sessionId}' },
					send: { preSend: updateStatus.preSend },
					output: { postReceive: [throwOnOpenCxError, statusUpdated] },
				},
			},
		],
		default: 'create',
	},
	...create.properties,
	...filter.properties,
	...get.properties,
	...getAll.properties,
	...search.properties,
	...updateStatus.properties,
];
