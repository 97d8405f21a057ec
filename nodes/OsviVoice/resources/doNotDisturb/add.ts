import { operationFields, textField } from '../../../shared/fields';
import { agent, dndPhone } from '../../shared/fields';

export const fields = operationFields({ resource: 'doNotDisturb', operation: 'add' }, [
	agent('body'),
	dndPhone('body'),
	textField({
		displayName: 'Reason',
		name: 'reason',
		property: 'reason',
		omitWhenEmpty: true,
		description: 'A note for your own records, such as "asked not to be called"',
	}),
]);
