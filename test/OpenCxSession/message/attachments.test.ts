import { newSession, onlyRequest, runOpenCx, useSandbox } from '../helpers';

const PDF = Buffer.from('%PDF-1.4 invoice 2026-001');

describe('open.cx Session › Message › Send with attachments', () => {
	const sandbox = useSandbox();

	test('a binary input file is sent as base64 with its name and MIME type', async () => {
		const session = newSession(sandbox.current);
		const { error } = await runOpenCx(sandbox.current, {
			items: [
				{
					json: {},
					binary: { invoice: { data: PDF.toString('base64'), mimeType: 'application/pdf', fileName: 'invoice.pdf' } },
				},
			],
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: 'Here is my invoice',
				attachments: { attachment: [{ source: 'binary', binaryPropertyName: 'invoice' }] },
			},
		});
		expect(error).toBeUndefined();
		expect(onlyRequest(sandbox.current).body).toEqual({
			sender: 'contact',
			message: {
				type: 'text',
				text: 'Here is my invoice',
				attachments: [{ name: 'invoice.pdf', mime_type: 'application/pdf', base64: PDF.toString('base64') }],
			},
		});
		expect(session.events[0].event.attachments).toEqual([
			expect.objectContaining({ name: 'invoice.pdf', type: 'application/pdf', size: PDF.length }),
		]);
	});

	test('attachments by URL and binary go together, and a message may be attachments only', async () => {
		const session = newSession(sandbox.current);
		const { error } = await runOpenCx(sandbox.current, {
			items: [{ json: {}, binary: { data: { data: PDF.toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' } } }],
			parameters: {
				resource: 'message',
				operation: 'send',
				sessionId: session.id,
				text: '',
				attachments: {
					attachment: [
						{ source: 'binary', name: 'renamed.pdf', mimeType: 'application/x-pdf' },
						{ source: 'url', url: 'https://files.example.com/photos/broken%20box.jpg', mimeType: 'image/jpeg' },
					],
				},
			},
		});
		expect(error).toBeUndefined();
		expect((onlyRequest(sandbox.current).body as { message: unknown }).message).toEqual({
			type: 'text',
			text: '',
			attachments: [
				{ name: 'renamed.pdf', mime_type: 'application/x-pdf', base64: PDF.toString('base64') },
				{ name: 'broken box.jpg', mime_type: 'image/jpeg', url: 'https://files.example.com/photos/broken%20box.jpg' },
			],
		});
	});
});
