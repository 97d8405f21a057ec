import { operationFields } from '../../../shared/fields';
import { sessionId, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'close' }, [sessionId, simplify]);
