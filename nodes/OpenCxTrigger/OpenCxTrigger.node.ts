import type {
	IDataObject,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { ignore, objectBody, POST_WEBHOOK, refuse, registeredByHand, withoutKeys } from '../webhook/request';
import { ALL_EVENTS, openCxTriggerProperties } from './description';
import { verifyDelivery, type Verification } from './verify';

export class OpenCxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'open.cx Trigger',
		name: 'openCxTrigger',
		icon: { light: 'file:../../icons/opencx.svg', dark: 'file:../../icons/opencx.dark.svg' },
		group: ['trigger'],
		version: 1,
		description: 'Starts the workflow when open.cx sends a conversation event',
		eventTriggerDescription: 'Waiting for open.cx to send an event',
		subtitle: '={{ $parameter["events"].includes("*") ? "All events" : $parameter["events"].join(", ") }}',
		defaults: { name: 'open.cx Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'openCxApi', required: true, displayOptions: { show: { verification: ['header', 'hmac'] } } },
		],
		webhooks: POST_WEBHOOK,
		properties: openCxTriggerProperties,
	};

	webhookMethods = { default: registeredByHand };

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const verification = this.getNodeParameter('verification', 'none') as Verification;
		const refused = await verifyDelivery(this, verification);
		if (refused) return refused;

		const envelope = objectBody(this);
		if (!envelope) return refuse(this, 400, 'Expected a JSON object { event, organization_id, data } as the body');

		const event = typeof envelope.event === 'string' ? envelope.event : '';
		const selected = this.getNodeParameter('events', [ALL_EVENTS]) as string[];
		if (!selected.includes(ALL_EVENTS) && !selected.includes(event)) {
			return ignore(`Not started: event "${event}" is not selected`);
		}

		// Older versions of open.cx's reference type `data` as an array: one item per element.
		const elements = Array.isArray(envelope.data) ? envelope.data : [envelope.data ?? {}];
		if (!elements.length) return ignore('Not started: the event carries no data');

		const options = this.getNodeParameter('options', {}) as { includeHeaders?: boolean; keepEnvelope?: boolean };
		const secretHeaders = verification === 'header' ? [this.getNodeParameter('headerName') as string] : [];
		const extra = options.includeHeaders ? { headers: withoutKeys(this.getHeaderData() as IDataObject, secretHeaders) } : {};
		const { organization_id } = envelope;
		const items = elements.map((data: unknown) => {
			if (options.keepEnvelope) return { event: envelope.event, organization_id, data, ...extra };
			const fields = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as IDataObject) : { data };
			return { event: envelope.event, organization_id, ...fields, ...extra } as IDataObject;
		});
		return { workflowData: [this.helpers.returnJsonArray(items as IDataObject[])] };
	}
}
