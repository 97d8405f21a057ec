import { operationFields } from '../../../shared/fields';
import { contactId } from '../../shared/fields';

export const fields = operationFields({ resource: 'contact', operation: 'delete' }, [contactId]);
