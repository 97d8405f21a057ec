// open.cx webhook envelopes { event, organization_id, data } as its reference documents them
// (docs.open.cx/api-reference/webhooks/types, ../shared/api/opencx.md §6), with example values.

export const ORGANIZATION_ID = 'org_7c1f2a';

export const handoffToHuman = {
	event: 'conversation.handoff_to_human',
	organization_id: ORGANIZATION_ID,
	data: {
		conversation_id: 'c0a80164-2f3e-4b8a-9d1e-6f7a8b9c0d1e',
		timestamp: '2026-11-29T18:02:11.000Z',
		customer_id: 'cus_48213',
		reason: 'ai_decided_to_handoff_the_conversation',
		summary: 'The customer wants a refund for a damaged kettle and asked for a person.',
		contact_reason: 'refund',
		user_sentiment: 'negative',
		was_handedoff_to_third_party: false,
		third_party_name: null,
		language: 'en',
		message_count: 6,
	},
};

export const conversationClosed = {
	event: 'conversation.closed',
	organization_id: ORGANIZATION_ID,
	data: {
		conversation_id: 'c0a80164-2f3e-4b8a-9d1e-6f7a8b9c0d1e',
		timestamp: '2026-11-29T18:20:45.000Z',
		contact_id: 'cus_48213',
		human_resolution_status: 'resolved',
		ai_resolution_status: null,
		ai_billing_tier: null,
		closed_by: { id: 42, type: 'human', email: 'sam@example.com' },
		is_from_third_party: false,
		third_party_name: null,
		summary: 'Refund issued.',
		contact_reason: 'refund',
	},
};

export const conversationStarted = {
	event: 'conversation.started',
	organization_id: ORGANIZATION_ID,
	data: {
		conversation_id: 'd1b2c3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
		assignee: { type: 'AI', name: 'Kettle Co. assistant' },
		contact: { id: 'cus_50017', name: 'Jordan Lee', enriched_data: { email: 'jordan.lee@example.com' } },
		channel: 'web',
		first_message: 'Hi, where is my order?',
		timestamp: '2026-11-29T18:30:00.000Z',
	},
};

/** Older drafts of the reference type `data` as an array. */
export const closedBatch = {
	event: 'conversation.closed',
	organization_id: ORGANIZATION_ID,
	data: [
		{ conversation_id: 'e1000000-0000-4000-8000-000000000001', timestamp: '2026-11-29T19:00:00.000Z', resolution_status: 'resolved' },
		{ conversation_id: 'e1000000-0000-4000-8000-000000000002', timestamp: '2026-11-29T19:00:05.000Z', resolution_status: 'not_resolved' },
	],
};
