import { operationFields } from '../../../shared/fields';
import { redactionReason, sessionIdIn } from '../../shared/fields';

export const fields = operationFields({ resource: 'redaction', operation: 'redactSession' }, [
	sessionIdIn({ property: 'sessionId' }),
	redactionReason,
]);
