import type { INodeProperties } from 'n8n-workflow';

import { SESSION_STATUS_OPTIONS, sessionIdField } from '../../shared/descriptions';
import { confirmation } from '../../shared/output';

const showOnlyForUpdateStatus = { show: { resource: ['session'], operation: ['updateStatus'] } };

// Both flags default to off in open.cx; older API versions know only `status`, so send them only when on.
const ONLY_WHEN_ON = '={{ $value === true ? true : undefined }}';

/** open.cx answers with no body: say which session got which status. */
export const statusUpdated = confirmation((context) => ({
	id: context.getNodeParameter('sessionId') as string,
	status: context.getNodeParameter('status') as string,
}));

export const sessionUpdateStatusDescription: INodeProperties[] = [
	sessionIdField(showOnlyForUpdateStatus),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: SESSION_STATUS_OPTIONS,
		required: true,
		default: 'closed_resolved',
		description: 'Close the session as resolved or unresolved, or reopen it',
		displayOptions: showOnlyForUpdateStatus,
		routing: { send: { type: 'body', property: 'status' } },
	},
	{
		displayName: 'Generate Summary and Sentiment',
		name: 'generateSummaryAndSentiment',
		type: 'boolean',
		default: false,
		description: 'Whether open.cx should analyse the closed session and write a summary and sentiment',
		displayOptions: {
			show: { ...showOnlyForUpdateStatus.show, status: ['closed_resolved', 'closed_unresolved'] },
		},
		routing: { send: { type: 'body', property: 'generate_summary_and_sentiment_on_resolve', value: ONLY_WHEN_ON } },
	},
	{
		displayName: 'Sync to Integration',
		name: 'syncToIntegration',
		type: 'boolean',
		default: false,
		description: 'Whether to push the status change to the connected helpdesk, such as Zendesk or Salesforce',
		displayOptions: showOnlyForUpdateStatus,
		routing: { send: { type: 'body', property: 'reflect_status_change_for_integration', value: ONLY_WHEN_ON } },
	},
];
