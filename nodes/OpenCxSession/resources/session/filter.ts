import { operationFields, optionsField, returnAllAndLimitFields } from '../../../shared/fields';
import { jsonObjectField } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'filter' }, [
	...returnAllAndLimitFields,
	jsonObjectField({
		displayName: 'Filters',
		name: 'filters',
		property: 'filters',
		description:
			'Criteria as a JSON object, passed to open.cx as is, e.g. {"status": ["open"], "channels": ["web"]}',
		example: '{"status": ["open"]}',
	}),
	optionsField({
		displayName: 'Sort By',
		name: 'sortBy',
		options: [
			{ name: 'Created At', value: 'created_at' },
			{ name: 'Last Message At', value: 'last_message_at' },
		],
		default: 'last_message_at',
		description: 'Which time to order the sessions by',
		property: 'sort_by',
	}),
	optionsField({
		displayName: 'Sort Order',
		name: 'sortOrder',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
		default: 'desc',
		description: 'Oldest first (ascending) or newest first (descending)',
		property: 'sort_order',
	}),
]);
