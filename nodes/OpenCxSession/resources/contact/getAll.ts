import type { INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/fields';
import { dateRangeFilters } from '../../shared/descriptions';

const showOnlyForGetAll = { show: { resource: ['contact'], operation: ['getAll'] } };

export const contactGetAllDescription: INodeProperties[] = [
	...returnAllAndLimit(showOnlyForGetAll),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showOnlyForGetAll,
		options: dateRangeFilters('filters'),
	},
];
