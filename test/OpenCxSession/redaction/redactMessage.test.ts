import { errorsOf, jsonOf, newSession, onlyRequest, openCxRequests, runOpenCx, useSandbox } from '../helpers';

const sandbox = useSandbox();

function twoMessages() {
	const s = newSession(sandbox.current);
	const contact = { type: 'contact', name: 'Ada' };
	const first = sandbox.current.opencx.addEvent(s, 'message', contact, 'my card is 4111');
	const second = sandbox.current.opencx.addEvent(s, 'message', contact, 'thanks');
	return { first, second };
}

describe('open.cx Session › Redaction › Redact Message', () => {
	test('sends the message id and reason, redacts only that message, and outputs the answer', async () => {
		const { first, second } = twoMessages();
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactMessage', messageId: first.id, reason: 'Card number' },
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect([request.method, request.path]).toEqual(['POST', '/redaction/message']);
		expect(request.body).toEqual({ messageId: first.id, reason: 'Card number' });
		expect(jsonOf(items)).toEqual([
			{ success: true, message: 'Message successfully redacted', itemId: first.id, redactionType: 'message', affectedCount: 1 },
		]);
		expect([first.event.content.text, second.event.content.text]).toEqual(['[REDACTED]', 'thanks']);
	});

	test('a message already redacted: open.cx answers 2xx with success false, and the item fails', async () => {
		const { first } = twoMessages();
		sandbox.current.opencx.redactMessage(first);
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactMessage', messageId: first.id },
		});
		expect(error?.message).toBe('open.cx answered 201 but reported a failure: Message is already redacted');
	});

	test('an unknown message fails with the 404', async () => {
		const { error } = await runOpenCx(sandbox.current, {
			parameters: { resource: 'redaction', operation: 'redactMessage', messageId: '3c90c3cc-0d44-4b50-8888-8dd25736052a' },
		});
		expect(error?.message).toBe('The open.cx message was not found (404): Message not found');
	});

	test('missing or malformed message ids fail before any request, naming the field', async () => {
		const { items } = await runOpenCx(sandbox.current, {
			continueOnFail: true,
			items: [{ json: { id: '' } }, { json: { id: 'msg_1' } }, { json: { id: { id: 'x' } } }],
			parameters: { resource: 'redaction', operation: 'redactMessage', messageId: '={{ $json.id }}' },
		});
		expect(errorsOf(items)).toEqual([
			'Message ID must be a UUID, got ""',
			'Message ID must be a UUID, got "msg_1"',
			'Message ID must be text, got an object: {"id":"x"}',
		]);
		expect(openCxRequests(sandbox.current)).toEqual([]);
	});
});
