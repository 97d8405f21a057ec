import { booleanField, operationFields, optionsField } from '../../../shared/fields';
import { SESSION_STATUS_OPTIONS, sessionId } from '../../shared/fields';

// Both flags default to off in open.cx; older API versions know only `status`, so they are sent only when on.
export const fields = operationFields({ resource: 'session', operation: 'updateStatus' }, [
	sessionId,
	optionsField({
		displayName: 'Status',
		name: 'status',
		options: SESSION_STATUS_OPTIONS,
		required: true,
		default: 'closed_resolved',
		description: 'Close the session as resolved or unresolved, or reopen it',
		property: 'status',
	}),
	booleanField({
		displayName: 'Generate Summary and Sentiment',
		name: 'generateSummaryAndSentiment',
		description: 'Whether open.cx should analyse the closed session and write a summary and sentiment',
		property: 'generate_summary_and_sentiment_on_resolve',
		onlyWhenOn: true,
		shownWhen: { status: ['closed_resolved', 'closed_unresolved'] },
	}),
	booleanField({
		displayName: 'Sync to Integration',
		name: 'syncToIntegration',
		description: 'Whether to push the status change to the connected helpdesk, such as Zendesk or Salesforce',
		property: 'reflect_status_change_for_integration',
		onlyWhenOn: true,
	}),
]);
