import { operationFields } from '../../../shared/fields';
import { messageId, redactionReason } from '../../shared/fields';

export const fields = operationFields({ resource: 'redaction', operation: 'redactMessage' }, [messageId, redactionReason]);
