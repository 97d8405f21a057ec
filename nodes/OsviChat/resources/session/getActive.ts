import { operationFields, plainField } from '../../../shared/fields';
import { agentField, customerIdField, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'session', operation: 'getActive' }, [
	agentField({ in: 'query', required: false }),
	customerIdField({ in: 'query' }),
	simplify,
	plainField({
		displayName:
			'No active session returns no items, so the nodes after this one do not run. To go on anyway, turn on Settings → Always Output Data.',
		name: 'noSessionNotice',
		type: 'notice',
		default: '',
	}),
]);
