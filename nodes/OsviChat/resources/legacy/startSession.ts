import { keyValueOrJsonField, operationFields, plainField } from '../../../shared/fields';
import { agentField, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'legacy', operation: 'startSession' }, [
	plainField({
		displayName:
			'OSVI is deprecating this endpoint. Use Session → Create for new workflows (metadata becomes Input Fields).',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	}),
	agentField(),
	keyValueOrJsonField({
		displayName: 'Metadata',
		name: 'metadata',
		property: 'metadata',
		description: 'Data the agent can use during the chat, such as person_name',
		example: '{"first_name": "Alex"}',
	}),
	simplify,
]);
