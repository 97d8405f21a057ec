import { operationFields, retryOnFailNotice } from '../../../shared/fields';
import { agentField, content, customerIdField, sessionIdField, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'message', operation: 'send' }, [
	agentField(),
	customerIdField(),
	content,
	sessionIdField({ property: 'session_id', required: false }),
	simplify,
	retryOnFailNotice,
]);
