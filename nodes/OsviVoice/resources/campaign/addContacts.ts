import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type INodeProperties,
	type IPairedItemData,
} from 'n8n-workflow';

import { handWrittenRequest } from '../../../shared';
import { operationFields, plainField } from '../../../shared/fields';
import type { RequestContext } from '../../../shared/request/retries';
import { OSVI } from '../../../OsviChat/shared/api';
import { assertOsviSuccess } from '../../../OsviChat/shared/errors';
import { AGENT_ID_REGEX } from '../../../OsviChat/shared/fields';
import { agent, campaignId, COST_WARNING } from '../../shared/fields';
import { checks } from '../../shared/validation';

/** OSVI takes at most 10,000 contacts per request. */
export const CONTACTS_PER_REQUEST = 10_000;

// Read by the custom operation below, not by routing: the fields carry no senders of their own.
const properties: INodeProperties[] = [
	{
		displayName: `With Enqueue on, the agent starts calling at once. ${COST_WARNING}.`,
		name: 'costNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Contacts From',
		name: 'contactSource',
		type: 'options',
		options: [
			{ name: 'Fields Below', value: 'fields', description: 'Map each input item to a phone, a name and variables' },
			{
				name: 'Input Items As They Are',
				value: 'input',
				description: 'Each input item is one contact: phone, person_name, and any other field as a prompt variable',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Phone Number',
		name: 'phone',
		type: 'string',
		default: '={{ $json.phone }}',
		required: true,
		description: 'The contact’s number; OSVI accepts Indian formats such as 9876543210 or +919876543210',
		displayOptions: { show: { contactSource: ['fields'] } },
	},
	{
		displayName: 'Person Name',
		name: 'personName',
		type: 'string',
		default: '={{ $json.person_name }}',
		description: 'The contact’s name, given to the agent',
		displayOptions: { show: { contactSource: ['fields'] } },
	},
	{
		displayName: 'Prompt Variables',
		name: 'variables',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Variable',
		description: 'More facts about the contact the agent can use in its prompt, such as plan or due date',
		displayOptions: { show: { contactSource: ['fields'] } },
		options: [
			{
				displayName: 'Variable',
				name: 'variable',
				values: [
					{ displayName: 'Name', name: 'key', type: 'string', default: '', placeholder: 'plan' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Pro' },
				],
			},
		],
	},
	{
		displayName: 'Enqueue',
		name: 'enqueue',
		type: 'boolean',
		default: false,
		description:
			'Whether to release the contacts to the agent’s calling queue at once (the agent needs an active outbound trunk); off, they wait in the campaign',
	},
];

export const fields = operationFields({ resource: 'campaign', operation: 'addContacts' }, [
	plainField(properties[0]),
	campaignId,
	agent('body'),
	...properties.slice(1).map(plainField),
]);

interface Contact {
	index: number;
	/** Items with the same target go into one request. */
	target: string;
	campaignId: string;
	agentUuid: string;
	enqueue: boolean;
	contact: IDataObject;
}

/** One item's contact, checked; throws a NodeOperationError naming the field and the item. */
function contactOf(context: IExecuteFunctions, index: number): Contact {
	const fail = (message: string): never => {
		throw new NodeOperationError(context.getNode(), message, { itemIndex: index });
	};
	const text = (name: string, label: string, options = {}) => {
		const value = context.getNodeParameter(name, index, '', options) as unknown;
		if (typeof value === 'object' && value !== null) fail(`${label} must be text, got ${JSON.stringify(value).slice(0, 80)}`);
		return value === undefined || value === null ? '' : String(value);
	};
	const campaign = checks.campaignId(text('campaignId', 'Campaign ID'), fail);
	const agentUuid = text('agent', 'Agent', { extractValue: true }).trim();
	if (!new RegExp(AGENT_ID_REGEX).test(agentUuid)) {
		fail(`Agent "${agentUuid.slice(0, 80)}" is not an OSVI agent ID. Agent IDs look like agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og.`);
	}
	const enqueue = context.getNodeParameter('enqueue', index, false) === true;

	let contact: IDataObject;
	if (context.getNodeParameter('contactSource', index, 'fields') === 'input') {
		const json = context.getInputData()[index].json;
		const phone = json.phone;
		if (typeof phone !== 'string' && typeof phone !== 'number') fail('The input item has no phone field. Add one, or use Contacts From → Fields Below.');
		contact = { ...json, phone: checks.anyPhone(String(phone), 'phone', fail) };
	} else {
		contact = { phone: checks.anyPhone(text('phone', 'Phone Number'), 'Phone Number', fail) };
		const name = text('personName', 'Person Name').trim();
		if (name) contact.person_name = name;
		const variables = context.getNodeParameter('variables.variable', index, []) as Array<{ key: string; value: string }>;
		variables.forEach(({ key, value }, position) => {
			if (String(key ?? '').trim() === '') fail(`Prompt Variable ${position + 1} has no name. Enter a name or remove it.`);
			contact[key.trim()] = value;
		});
	}
	return { index, target: `${campaign}\n${agentUuid}\n${enqueue}`, campaignId: campaign, agentUuid, enqueue, contact };
}

/** Consecutive contacts for the same campaign, agent and Enqueue, at most 10,000 each. */
function chunksOf(contacts: Contact[]): Contact[][] {
	const chunks: Contact[][] = [];
	for (const contact of contacts) {
		const last = chunks[chunks.length - 1];
		if (last && last.length < CONTACTS_PER_REQUEST && last[0].target === contact.target) last.push(contact);
		else chunks.push([contact]);
	}
	return chunks;
}

const range = (chunk: Contact[]) => `items ${chunk[0].index}–${chunk[chunk.length - 1].index}`;

/** The shared request code reads parameters without an item index, as routed operations do. */
function requestContext(context: IExecuteFunctions, itemIndex: number): RequestContext {
	return {
		getNode: () => context.getNode(),
		getExecutionId: () => context.getExecutionId(),
		getExecutionCancelSignal: () => context.getExecutionCancelSignal(),
		getNodeParameter: (name: string, fallback?: unknown) => context.getNodeParameter(name, itemIndex, fallback),
		getCredentials: async (type: string) => await context.getCredentials(type, itemIndex),
		helpers: context.helpers,
	} as unknown as RequestContext;
}

/**
 * Campaign → Add Contacts: one request per up to 10,000 input items, which routing cannot do (it
 * sends one request per item), so this one operation runs as a custom operation of the otherwise
 * declarative node. Every item is checked before the first request; requests go one after another
 * through the same retries and rate limit as routed ones. One output item per request.
 */
export async function addContacts(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	const contacts: Contact[] = [];
	for (let index = 0; index < items.length; index++) {
		try {
			contacts.push(contactOf(this, index));
		} catch (error) {
			if (!this.continueOnFail()) {
				const failure = error as NodeOperationError;
				if (items.length > 1) {
					failure.message = `${failure.message} [item ${index}]`;
					failure.description = `None of the ${items.length} items was sent: every item is checked before any is sent.`;
				}
				throw failure;
			}
			output.push({ json: { error: (error as Error).message }, error: error as NodeOperationError, pairedItem: { item: index } });
		}
	}

	const sent: string[] = [];
	for (const chunk of chunksOf(contacts)) {
		const [{ campaignId, agentUuid, enqueue, index: first }] = chunk;
		const pairedItem: IPairedItemData[] = chunk.map((c) => ({ item: c.index }));
		const where = { first_item: first, last_item: chunk[chunk.length - 1].index };
		try {
			const body = (await handWrittenRequest(
				requestContext(this, first),
				OSVI,
				'osviApi',
				{
					method: 'POST',
					url: `/v1/campaigns/${encodeURIComponent(campaignId)}/contacts`,
					body: { agent_uuid: agentUuid, contacts: chunk.map((c) => c.contact), enqueue },
				},
				(response: IN8nHttpFullResponse) => assertOsviSuccess(this.getNode(), response),
			)) as IDataObject;
			const data = (body.data ?? {}) as IDataObject;
			const dndSkipped = Array.isArray(data.dnd_skipped) ? data.dnd_skipped.length : 0;
			output.push({ json: { ...data, dnd_skipped_count: dndSkipped, ...where }, pairedItem });
			sent.push(`${range(chunk)} (upload ${String(data.campaign_upload_id)})`);
		} catch (error) {
			const failure = error as NodeOperationError;
			failure.message = `${failure.message} [${range(chunk)}]`;
			if (!this.continueOnFail()) {
				if (sent.length) {
					failure.description = [failure.description, `Already added before this failure: ${sent.join(', ')}.`]
						.filter(Boolean)
						.join(' ');
				}
				throw failure;
			}
			output.push({ json: { error: failure.message, ...where }, error: failure, pairedItem });
		}
	}
	return [output];
}
