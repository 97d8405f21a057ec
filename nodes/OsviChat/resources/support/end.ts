import { operationFields } from '../../../shared/fields';
import { sessionId, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'support', operation: 'end' }, [sessionId, simplify]);
