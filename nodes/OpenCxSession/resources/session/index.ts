import type { INodeProperties } from 'n8n-workflow';

import { throwOnApiError } from '../../shared/errors';
import { cursorPagination, pagePagination } from '../../shared/pagination';
import { sessionCreateDescription } from './create';
import { sessionFilterDescription } from './filter';
import { sessionGetDescription } from './get';
import { sessionGetAllDescription } from './getAll';
import { sessionSearchDescription } from './search';
import { sessionUpdateStatusDescription, statusUpdated } from './updateStatus';

const showOnlyForSessions = { show: { resource: ['session'] } };

export const sessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showOnlyForSessions,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a session',
				description: 'Start a chat session, linked to an existing or new contact',
				routing: {
					request: { method: 'POST', url: '/chat/sessions' },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Filter',
				value: 'filter',
				action: 'Filter sessions',
				description: 'Find sessions with structured filters and sorting',
				routing: {
					request: { method: 'POST', url: '/chat/sessions/filter' },
					operations: { pagination: pagePagination },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a session',
				description: 'Get a session with its status, contact, custom data and handoff summary',
				routing: {
					request: { method: 'GET', url: '=/chat/sessions/{{encodeURIComponent($parameter.sessionId)}}' },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many sessions',
				description: 'List sessions, newest first, by status, channel, handoff and date',
				routing: {
					request: { method: 'GET', url: '/chat/sessions' },
					operations: { pagination: cursorPagination },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Search',
				value: 'search',
				action: 'Search contacts and messages',
				description: 'Full-text search of contacts (name, email, phone) and chat messages',
				routing: {
					request: { method: 'GET', url: '/chat/sessions/search' },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				action: 'Update the status of a session',
				description: 'Close a session as resolved or unresolved, or reopen it',
				routing: {
					request: {
						method: 'PATCH',
						url: '=/chat/sessions/{{encodeURIComponent($parameter.sessionId)}}',
					},
					output: { postReceive: [throwOnApiError, statusUpdated] },
				},
			},
		],
		default: 'create',
	},
	...sessionCreateDescription,
	...sessionFilterDescription,
	...sessionGetDescription,
	...sessionGetAllDescription,
	...sessionSearchDescription,
	...sessionUpdateStatusDescription,
];
