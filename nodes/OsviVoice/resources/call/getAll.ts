import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/fields';
import { asText, invalidInput, placeInRequest, shown } from '../../../shared/fields/checks';
import { AGENT_ID_REGEX } from '../../../OsviChat/shared/fields';
import { checks } from '../../shared/validation';

const CALL_STATUSES = [
	{ name: 'Busy', value: 'busy' },
	{ name: 'Failed', value: 'failed' },
	{ name: 'In Progress', value: 'in_progress' },
	{ name: 'Not Picked', value: 'not_picked' },
	{ name: 'Picked', value: 'picked' },
	{ name: 'Voicemail', value: 'voicemail' },
];

const DATE_HINT = 'A date (2026-06-01) or a time without a time zone is read in India time (IST)';

const filters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Agent ID',
			name: 'agent',
			type: 'string',
			default: '',
			placeholder: 'agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og',
			description: 'Only this agent’s calls',
		},
		{
			displayName: 'Call Type',
			name: 'callType',
			type: 'options',
			options: [
				{ name: 'Inbound', value: 'inbound' },
				{ name: 'Outbound', value: 'outbound' },
			],
			default: 'outbound',
		},
		{
			displayName: 'Campaign ID',
			name: 'campaignId',
			type: 'number',
			default: 0,
			description: 'Only calls of this campaign',
		},
		{
			displayName: 'Campaign Upload ID',
			name: 'campaignUploadId',
			type: 'number',
			default: 0,
			description: 'Only calls from one contact upload (the campaign_upload_id of Campaign → Add Contacts)',
		},
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'string',
			default: '',
			placeholder: '2026-06-30',
			description: `Only calls picked up on or before this date or time. ${DATE_HINT}.`,
		},
		{
			displayName: 'Phone Number Contains',
			name: 'phoneNumber',
			type: 'string',
			default: '',
			placeholder: '98765',
			description: 'Only calls whose other party’s number contains this',
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'string',
			default: '',
			placeholder: '2026-06-01',
			description: `Only calls picked up on or after this date or time. ${DATE_HINT}.`,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: CALL_STATUSES,
			default: [],
			description: 'Only calls in one of these statuses',
		},
	],
};

/** Reads Filters once, checks each filter that is set and puts it in the query as OSVI names it. */
async function sendFilters(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
	const set = this.getNodeParameter('filters', {}) as IDataObject;
	const fail = (message: string) => invalidInput(this, message);
	const query = (name: string, value: unknown) => placeInRequest(requestOptions, 'query', name, value);
	const wholeNumber = (value: unknown, label: string) => {
		if (!checks.CAMPAIGN_ID.test(String(value).trim())) fail(`${label} must be a whole number, got ${shown(value)}.`);
		return String(value).trim();
	};
	if (set.agent !== undefined) {
		const agent = asText(this, set.agent, 'Agent ID').trim();
		if (!new RegExp(AGENT_ID_REGEX).test(agent)) fail(`Agent "${shown(agent)}" is not an OSVI agent ID. Agent IDs look like agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og.`);
		query('agent_uuid', agent);
	}
	if (set.callType !== undefined) query('call_type', set.callType);
	if (set.campaignId !== undefined) query('campaign_id', wholeNumber(set.campaignId, 'Campaign ID'));
	if (set.campaignUploadId !== undefined) query('campaign_upload_id', wholeNumber(set.campaignUploadId, 'Campaign Upload ID'));
	if (set.startDate !== undefined) query('start_date', checks.date(asText(this, set.startDate, 'Start Date'), 'Start Date', fail));
	if (set.endDate !== undefined) query('end_date', checks.date(asText(this, set.endDate, 'End Date'), 'End Date', fail));
	if (set.phoneNumber !== undefined && asText(this, set.phoneNumber, 'Phone Number Contains') !== '') {
		query('phone_number', String(set.phoneNumber));
	}
	// OSVI takes one status or a comma-separated list.
	if (Array.isArray(set.status) && set.status.length) query('status', set.status.join(','));
	return requestOptions;
}

const show = { show: { resource: ['call'], operation: ['getAll'] } };

// Paged by the operation's pager (shared/output.ts), which reads Return All and Limit.
export const fields = {
	properties: updateDisplayOptions(show, [...returnAllAndLimit({}), filters]),
	preSend: [sendFilters],
};
