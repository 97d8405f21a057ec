import { operationFields } from '../../../shared/fields';
import { agent, dndPhone } from '../../shared/fields';

// OSVI reads both from the query string, not a body.
export const fields = operationFields({ resource: 'doNotDisturb', operation: 'remove' }, [agent('query'), dndPhone('query')]);
