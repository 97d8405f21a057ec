import { operationFields } from '../../../shared/fields';
import { campaignId } from '../../shared/fields';

export const fields = operationFields({ resource: 'campaign', operation: 'getStatus' }, [campaignId]);
