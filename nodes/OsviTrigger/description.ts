import type { INodeProperties } from 'n8n-workflow';

export const DEFAULT_SECRET_HEADER = 'X-OSVI-Secret';

export const osviTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'Connect OSVI in one of two ways. Dashboard: Agent → Post-Call Analysis → Integrations → add one with this node\'s Production URL, method POST, body Auto, and a header X-OSVI-Secret holding your Webhook Secret (OSVI sends it only for answered calls with Post-Call Analysis on). One call: in OSVI Voice → Start Call, set Webhook URL to the Production URL followed by ?secret= and your secret. Put the same secret in the OSVI API credential\'s Webhook Secret: without one, anyone who knows the URL can start this workflow.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Deliveries that do not match answer 200 and start nothing',
		options: [
			{
				displayName: 'Agents',
				name: 'agents',
				type: 'string',
				default: '',
				placeholder: 'e.g. agent_DemoSupport_01, Support Line',
				description:
					'Comma-separated agent IDs or names; a delivery matches when its agent_uuid or agent_name is one of them',
			},
			{
				displayName: 'Call Status',
				name: 'callStatus',
				type: 'multiOptions',
				options: [
					{ name: 'Busy', value: 'busy' },
					{ name: 'Failed', value: 'failed' },
					{ name: 'Not Picked', value: 'not_picked' },
					{ name: 'Picked', value: 'picked' },
					{ name: 'Voicemail', value: 'voicemail' },
				],
				default: [],
				description: 'Only calls whose call_status is one of these',
			},
			{
				displayName: 'Call Type',
				name: 'callType',
				type: 'multiOptions',
				options: [
					{ name: 'Inbound', value: 'inbound' },
					{ name: 'Outbound', value: 'outbound' },
				],
				default: [],
				description:
					'Only calls whose call_type is one of these. The per-call Webhook URL payload has no call_type, so it never matches.',
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Headers and Query',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the request headers and query parameters to the output (as headers and query), without the one carrying the secret',
			},
			{
				displayName: 'Secret Header Name',
				name: 'headerName',
				type: 'string',
				default: DEFAULT_SECRET_HEADER,
				description:
					'The header the dashboard integration sends the Webhook Secret in; a ?secret= query parameter is accepted too',
			},
		],
	},
];
