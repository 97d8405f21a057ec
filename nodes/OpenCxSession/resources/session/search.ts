import type { INodeProperties } from 'n8n-workflow';

import { textParameter } from '../../../shared/fields/routedChecks';
import { uuidParameter } from '../../shared/validation';

const showOnlyForSearch = { show: { resource: ['session'], operation: ['search'] } };

export const sessionSearchDescription: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. alice@example.com',
		description: 'A name, email, phone number or keyword; returns matching contacts and messages',
		displayOptions: showOnlyForSearch,
		routing: { send: { type: 'query', property: 'q', preSend: [textParameter('query', 'Query', 'q', { required: 'Query must not be empty' })] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showOnlyForSearch,
		options: [
			{
				displayName: 'Contact ID',
				name: 'contactId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 3c90c3cc-0d44-4b50-8888-8dd25736052a',
				description: "Only search this contact and their sessions' messages",
				routing: { send: { type: 'query', property: 'contact_id', preSend: [uuidParameter('options.contactId', 'Contact ID')] } },
			},
		],
	},
];
