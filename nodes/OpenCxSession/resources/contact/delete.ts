import type { INodeProperties } from 'n8n-workflow';

import { contactIdField } from '../../shared/descriptions';
import { confirmation } from '../../shared/output';

const showOnlyForDelete = { show: { resource: ['contact'], operation: ['delete'] } };

export const contactDeleted = confirmation((context) => ({
	id: context.getNodeParameter('contactId') as string,
	deleted: true,
}));

export const contactDeleteDescription: INodeProperties[] = [contactIdField(showOnlyForDelete)];
