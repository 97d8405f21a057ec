import { operationFields, plainField } from '../../../shared/fields';
import { agentField, sessionId, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'legacy', operation: 'closeSession' }, [
	plainField({
		displayName: 'OSVI is deprecating this endpoint. Use Session → Close for new workflows.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	}),
	agentField(),
	sessionId,
	simplify,
]);
