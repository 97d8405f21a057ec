import { operationFields } from '../../../shared/fields';
import { operatorMessage, sessionId, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'support', operation: 'tell' }, [sessionId, operatorMessage, simplify]);
