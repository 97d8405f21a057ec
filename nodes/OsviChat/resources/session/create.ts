import { keyValueOrJsonField, operationFields, textListField } from '../../../shared/fields';
import { agentField, customerIdField, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'create' }, [
	agentField(),
	customerIdField(),
	keyValueOrJsonField({
		displayName: 'Input Fields',
		name: 'inputFields',
		property: 'input_fields',
		description: 'Customer data the agent can use during the chat, such as first_name or account tier',
		example: '{"first_name": "Alex"}',
	}),
	textListField({
		displayName: 'Initial Context',
		name: 'initialContext',
		property: 'context',
		addButtonText: 'Add Context Entry',
		description: 'Free-text notes the agent should know at the start of the chat',
		hint: 'OSVI keeps only the latest 5 entries; add more later with Inject Context',
	}),
	simplify,
]);
