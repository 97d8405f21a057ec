import type { INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description';
import { agent } from '../../shared/descriptions';
import { sendDndPhone } from '../../shared/validation';

export const dndPhone = (where: 'body' | 'query'): INodeProperties => ({
	displayName: 'Phone Number',
	name: 'phone',
	type: 'string',
	default: '',
	required: true,
	placeholder: '9876543210',
	description: 'The number; OSVI stores it in international form, such as +919876543210',
	routing: { send: { preSend: [sendDndPhone(where)] } },
});

const showOnlyForGetAll = { show: { resource: ['doNotDisturb'], operation: ['getAll'] } };

export const getAllDescription: INodeProperties[] = [
	...updateDisplayOptions(showOnlyForGetAll, [agent('query')]),
	...returnAllAndLimit(showOnlyForGetAll),
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: '98765',
		description: 'Only numbers containing these digits',
		displayOptions: showOnlyForGetAll,
		routing: { send: { type: 'query', property: 'search', value: '={{ $value === "" ? undefined : $value }}' } },
	},
];
