import { booleanField, collectionField, operationFields, optionsField, returnAllAndLimitFields } from '../../../shared/fields';
import { CHANNEL_OPTIONS, dateRangeFilters, SESSION_STATUS_OPTIONS } from '../../shared/fields';

const [createdAfter, createdBefore, updatedAfter, updatedBefore] = dateRangeFilters;

export const fields = operationFields({ resource: 'session', operation: 'getAll' }, [
	...returnAllAndLimitFields,
	collectionField({
		displayName: 'Filters',
		name: 'filters',
		placeholder: 'Add Filter',
		options: [
			optionsField({
				displayName: 'Channel',
				name: 'channel',
				options: CHANNEL_OPTIONS,
				default: 'web',
				description: 'Only sessions on this channel',
				property: 'channel_type',
				in: 'query',
			}),
			createdAfter,
			createdBefore,
			booleanField({
				displayName: 'Handed Off',
				name: 'handedOff',
				default: true,
				description: 'Whether to list only sessions handed off to a human (on) or only those still with the AI (off)',
				property: 'handed_off',
				in: 'query',
				asText: true,
			}),
			optionsField({
				displayName: 'Status',
				name: 'status',
				options: SESSION_STATUS_OPTIONS,
				default: 'open',
				description: 'Only sessions in this status',
				property: 'status',
				in: 'query',
			}),
			updatedAfter,
			updatedBefore,
		],
	}),
]);
