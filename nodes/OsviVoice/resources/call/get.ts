import { operationFields } from '../../../shared/fields';
import { callId } from '../../shared/fields';

export const fields = operationFields({ resource: 'call', operation: 'get' }, [callId]);
