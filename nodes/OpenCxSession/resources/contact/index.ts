import type { INodeProperties } from 'n8n-workflow';

import { throwOnOpenCxError } from '../../shared/errors';
import { contactDeleted, contactUpdated } from '../../shared/output';
import { cursorPagination } from '../../shared/pagination';
import { fields as create } from './create';
import { fields as deleteContact } from './delete';
import { fields as getAll } from './getAll';
import { fields as update } from './update';

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact with name, email, phone and custom data',
				routing: {
					request: { method: 'POST', url: '/contacts' },
					send: { preSend: create.preSend },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact; their conversations stay',
				routing: {
					request: { method: 'DELETE', url: '/contacts/{contactId}' },
					send: { preSend: deleteContact.preSend },
					output: { postReceive: [throwOnOpenCxError, contactDeleted] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts, newest first, optionally by creation or update date',
				routing: {
					request: { method: 'GET', url: '/contacts' },
					send: { preSend: getAll.preSend },
					operations: { pagination: cursorPagination },
					output: { postReceive: [throwOnOpenCxError] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: "Change a contact's name, email, phone or custom data",
				routing: {
					request: { method: 'PATCH', url: '/contacts/{contactId}' },
					send: { preSend: update.preSend },
					output: { postReceive: [throwOnOpenCxError, contactUpdated] },
				},
			},
		],
		default: 'create',
	},
	...create.properties,
	...deleteContact.properties,
	...getAll.properties,
	...update.properties,
];
