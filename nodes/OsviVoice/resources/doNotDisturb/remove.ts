import { updateDisplayOptions } from 'n8n-workflow';

import { agent } from '../../shared/descriptions';
import { dndPhone } from './getAll';

// OSVI reads both from the query string, not a body.
export const removeDescription = updateDisplayOptions({ show: { resource: ['doNotDisturb'], operation: ['remove'] } }, [
	agent('query'),
	dndPhone('query'),
]);
