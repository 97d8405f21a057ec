import { operationFields } from '../../../shared/fields';
import { sessionId } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'get' }, [sessionId]);
