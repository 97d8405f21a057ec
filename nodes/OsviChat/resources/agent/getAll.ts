import { operationFields, returnAllAndLimitFields } from '../../../shared/fields';

// OSVI has no paging here: the operation's keepLimit trims the one response.
export const fields = operationFields({ resource: 'agent', operation: 'getAll' }, returnAllAndLimitFields);
