// OSVI's two documented post-call webhook bodies (docs.osvi.ai/api-reference/endpoint/webhook,
// ../shared/api/osvi.md §7.3), with example values.

/** Dashboard integration, body "Auto": one flat object; a section without data is left out. */
export const analysedCall = {
	call_log_id: '3f0c7a52-8e1b-4b5a-9c6d-2e7f1a0b9c84',
	phone_number: '+919876543210',
	// OSVI's own example puts the agent's id in agent_name; this shape has no agent_uuid.
	agent_name: 'agent_DemoSupport_01',
	call_status: 'picked',
	call_type: 'outbound',
	call_summary: 'The customer confirmed the delivery slot for Friday and asked for an SMS reminder.',
	data_capture: { email: 'priya@example.com', confirmed: true, delivery_date: '2026-12-04' },
	structured_output: { sentiment: 'positive', callback_required: false },
	call_trigger_data: { phone_number: '9876543210', person_name: 'Priya', crm_id: 'crm_1042', campaign: 'December deliveries' },
};

/** A call's own Webhook URL (Start Call → webhook_url): the older shape, transcript as one string. */
export const finishedCall = {
	agent_name: 'Delivery Desk',
	agent_uuid: 'agent_DemoSupport_01',
	phone_number: '+919812345678',
	call_log_id: '9b2d4e61-7a3c-4f85-b1e0-5c6d7e8f9a01',
	chat: 'Agent: Hello, this is Delivery Desk calling about your order.\nUser: Yes, Friday works.',
	call_status: 'not_picked',
	executionMode: 'prod',
};
