import { jsonOf, newSession, onlyRequest, runOpenCx, useSandbox } from '../helpers';

describe('open.cx Session › Session › Update Status', () => {
	const sandbox = useSandbox();

	test('closing as resolved asks for summary and integration sync, and says what was done', async () => {
		const session = newSession(sandbox.current);
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'updateStatus',
				sessionId: session.id,
				status: 'closed_resolved',
				generateSummaryAndSentiment: true,
				syncToIntegration: true,
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('PATCH');
		expect(request.path).toBe(`/chat/sessions/${session.id}`);
		expect(request.body).toEqual({
			status: 'closed_resolved',
			generate_summary_and_sentiment_on_resolve: true,
			reflect_status_change_for_integration: true,
		});
		expect(jsonOf(items)).toEqual([{ success: true, id: session.id, status: 'closed_resolved' }]);
		expect(session.status).toBe('closed_resolved');
		expect(session.integrationSyncs).toBe(1);
		expect(session.handoff?.summary).toEqual(expect.any(String));
	});

	test('reopening sends only the status: the summary flag does not apply and flags that are off are left out', async () => {
		const session = newSession(sandbox.current);
		session.status = 'closed_unresolved';
		const { items } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'session',
				operation: 'updateStatus',
				sessionId: session.id,
				status: 'open',
				generateSummaryAndSentiment: true,
			},
		});
		expect(onlyRequest(sandbox.current).body).toEqual({ status: 'open' });
		expect(jsonOf(items)).toEqual([{ success: true, id: session.id, status: 'open' }]);
		expect(session.status).toBe('open');
	});
});
