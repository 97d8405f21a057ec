import type { INodeProperties } from 'n8n-workflow';

import { contactDetailOptions } from '../../shared/descriptions';

const showOnlyForCreate = { show: { resource: ['contact'], operation: ['create'] } };

export const contactCreateDescription: INodeProperties[] = [
	{
		displayName: 'Contact Details',
		name: 'contact',
		type: 'collection',
		placeholder: 'Add Detail',
		default: {},
		description: 'At least one of these is needed',
		displayOptions: showOnlyForCreate,
		options: contactDetailOptions({ collection: 'contact', phoneKey: 'phone' }),
	},
];
