import type { INodeProperties } from 'n8n-workflow';

import { contactDetailOptions, contactIdField } from '../../shared/descriptions';
import { confirmation } from '../../shared/output';

const showOnlyForUpdate = { show: { resource: ['contact'], operation: ['update'] } };

export const contactUpdated = confirmation((context) => ({
	id: context.getNodeParameter('contactId') as string,
}));

export const contactUpdateDescription: INodeProperties[] = [
	contactIdField(showOnlyForUpdate),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showOnlyForUpdate,
		options: contactDetailOptions({ collection: 'updateFields', phoneKey: 'phone' }),
	},
];
