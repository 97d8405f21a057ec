import type { INodeProperties } from 'n8n-workflow';

import { throwOnApiError } from '../../shared/errors';
import { cursorPagination } from '../../shared/pagination';
import { contactDetailsRequired } from '../../shared/validation';
import { contactCreateDescription } from './create';
import { contactDeleteDescription, contactDeleted } from './delete';
import { contactGetAllDescription } from './getAll';
import { contactUpdateDescription, contactUpdated } from './update';

const showOnlyForContacts = { show: { resource: ['contact'] } };
const contactUrl = '=/contacts/{{encodeURIComponent($parameter.contactId)}}';

export const contactDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: showOnlyForContacts,
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description: 'Create a contact with name, email, phone and custom data',
				routing: {
					request: { method: 'POST', url: '/contacts' },
					send: { preSend: [contactDetailsRequired('contact', 'Contact Details')] },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description: 'Delete a contact; their conversations stay',
				routing: {
					request: { method: 'DELETE', url: contactUrl },
					output: { postReceive: [throwOnApiError, contactDeleted] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many contacts',
				description: 'List contacts, newest first, optionally by creation or update date',
				routing: {
					request: { method: 'GET', url: '/contacts' },
					operations: { pagination: cursorPagination },
					output: { postReceive: [throwOnApiError] },
				},
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description: "Change a contact's name, email, phone or custom data",
				routing: {
					request: { method: 'PATCH', url: contactUrl },
					send: { preSend: [contactDetailsRequired('updateFields', 'Update Fields')] },
					output: { postReceive: [throwOnApiError, contactUpdated] },
				},
			},
		],
		default: 'create',
	},
	...contactCreateDescription,
	...contactDeleteDescription,
	...contactGetAllDescription,
	...contactUpdateDescription,
];
