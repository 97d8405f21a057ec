import { operationFields, plainField, returnAllAndLimit, textField } from '../../../shared/fields';
import { agent } from '../../shared/fields';

// Paged by the operation's pager (shared/output.ts), which reads Return All and Limit.
export const fields = operationFields({ resource: 'doNotDisturb', operation: 'getAll' }, [
	agent('query'),
	...returnAllAndLimit({}).map(plainField),
	textField({
		displayName: 'Search',
		name: 'search',
		property: 'search',
		in: 'query',
		omitWhenEmpty: true,
		placeholder: '98765',
		description: 'Only numbers containing these digits',
	}),
]);
