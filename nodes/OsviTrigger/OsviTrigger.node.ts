import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { headerValue, ignore, objectBody, POST_WEBHOOK, refuse, registeredByHand, sameSecret, withoutKeys } from '../webhook/request';
import { DEFAULT_SECRET_HEADER, osviTriggerProperties } from './description';

interface Filters {
	agents?: string;
	callStatus?: string[];
	callType?: string[];
}

export class OsviTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OSVI Trigger',
		name: 'osviTrigger',
		icon: { light: 'file:../../icons/osvi.svg', dark: 'file:../../icons/osvi.dark.svg' },
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow when OSVI sends a call\'s post-call analysis',
		eventTriggerDescription: 'Waiting for OSVI to send a call',
		subtitle: 'Call analysed',
		defaults: { name: 'OSVI Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'osviApi', required: false }],
		webhooks: POST_WEBHOOK,
		properties: osviTriggerProperties,
	};

	webhookMethods = { default: registeredByHand };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as { includeHeaders?: boolean; headerName?: string };
		const secretHeader = options.headerName?.trim() || DEFAULT_SECRET_HEADER;

		const secret = await webhookSecret(this);
		if (secret !== undefined) {
			const query = this.getQueryData() as IDataObject;
			const received = headerValue(this, secretHeader) ?? (typeof query.secret === 'string' ? query.secret : undefined);
			if (received === undefined) return refuse(this, 401, `Missing secret: send it in the ${secretHeader} header or as ?secret=`);
			if (!sameSecret(received, secret)) return refuse(this, 401, 'Wrong secret');
		}

		const call = objectBody(this);
		if (!call) return refuse(this, 400, 'Expected a JSON object as the body');

		const skipped = filteredOut(call, this.getNodeParameter('filters', {}) as Filters);
		if (skipped) return ignore(`Not started: ${skipped}`);

		const item = options.includeHeaders
			? {
					...call,
					headers: withoutKeys(this.getHeaderData() as IDataObject, [secretHeader]),
					query: withoutKeys(this.getQueryData() as IDataObject, ['secret']),
				}
			: call;
		return { workflowData: [this.helpers.returnJsonArray(item)] };
	}
}

/** The credential's Webhook Secret; the credential is optional, and so is its secret. */
async function webhookSecret(context: IWebhookFunctions): Promise<string | undefined> {
	if (!context.getNode().credentials?.osviApi) return undefined;
	const { webhookSecret: secret } = await context.getCredentials<{ webhookSecret?: string }>('osviApi');
	return typeof secret === 'string' && secret !== '' ? secret : undefined;
}

/** Why the call does not match the filters, or undefined when it does. */
function filteredOut(call: IDataObject, filters: Filters): string | undefined {
	const listed = (values: string[] | undefined, field: string) =>
		!values?.length || values.includes(String(call[field] ?? ''));
	if (!listed(filters.callStatus, 'call_status')) return `call_status ${String(call.call_status)} is not selected`;
	if (!listed(filters.callType, 'call_type')) return `call_type ${String(call.call_type)} is not selected`;
	const agents = (filters.agents ?? '')
		.split(',')
		.map((agent) => agent.trim())
		.filter(Boolean);
	if (agents.length && !agents.some((agent) => agent === call.agent_uuid || agent === call.agent_name)) {
		return 'the agent is not selected';
	}
	return undefined;
}
