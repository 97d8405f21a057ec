import { operationFields } from '../../../shared/fields';
import { agentField, customerIdField, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'getActive' }, [
	customerIdField({ in: 'query' }),
	agentField({ in: 'query', required: false }),
	simplify,
]);
