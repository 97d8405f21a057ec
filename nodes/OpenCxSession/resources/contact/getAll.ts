import { collectionField, operationFields, returnAllAndLimitFields } from '../../../shared/fields';
import { dateRangeFilters } from '../../shared/fields';

export const fields = operationFields({ resource: 'contact', operation: 'getAll' }, [
	...returnAllAndLimitFields,
	collectionField({ displayName: 'Filters', name: 'filters', placeholder: 'Add Filter', options: dateRangeFilters }),
]);
