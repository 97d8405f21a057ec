import { operationFields, plainField } from '../../../shared/fields';
import { agentField, messageField, sessionIdField, simplify } from '../../shared/fields';

export const fields = operationFields({ resource: 'legacy', operation: 'sendMessage' }, [
	plainField({
		displayName:
			'OSVI is deprecating this endpoint. Use Message → Send for new workflows; it needs no session ID.',
		name: 'legacyNotice',
		type: 'notice',
		default: '',
	}),
	agentField(),
	sessionIdField({ property: 'chat_session_id' }),
	messageField('Message is empty. Enter the customer’s message.'),
	simplify,
]);
