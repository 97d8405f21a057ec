// What n8n and AI agents read from the node description, and the routing rules every operation keeps.
import { NodeConnectionTypes, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import { throwOnOsviError } from '../../nodes/OsviChat/shared/errors';
import { activeSessions } from '../../nodes/OsviChat/shared/output';
import { subtitleFor } from '../harness';
import { osviChat } from './helpers';

const { description } = osviChat;

/** Every operation option, with the resource it belongs to. */
const operations = description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p: INodeProperties) =>
		(p.options as INodePropertyOptions[]).map((option) => ({
			resource: String(p.displayOptions?.show?.resource?.[0]),
			option,
		})),
	);
const byValue = (resource: string, value: string) =>
	operations.find((o) => o.resource === resource && o.option.value === value)!.option;

describe('OSVI Chat description', () => {
	test('is the osviChat node on the osviApi credential, usable as an AI tool', () => {
		expect(description).toMatchObject({
			name: 'osviChat',
			displayName: 'OSVI Chat',
			usableAsTool: true,
			icon: { light: 'file:../../icons/osvi.svg', dark: 'file:../../icons/osvi.dark.svg' },
			credentials: [{ name: 'osviApi', required: true }],
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
		});
		expect(description.requestDefaults).toMatchObject({ ignoreHttpStatusErrors: true });
	});

	test('the canvas subtitle names the operation in words, for every operation', () => {
		for (const { resource, option } of operations) {
			const subtitle = subtitleFor(osviChat, { resource, operation: option.value as string });
			expect(subtitle).toMatch(/^[A-Z][a-z]+( [a-zA-Z]+)*( \(deprecated\))?$/);
		}
		expect(subtitleFor(osviChat, { resource: 'message', operation: 'send' })).toBe('Send message');
		expect(subtitleFor(osviChat, { resource: 'support', operation: 'takeover' })).toBe('Take over');
		expect(subtitleFor(osviChat, { resource: 'legacy', operation: 'startSession' })).toBe('Start legacy session (deprecated)');
	});

	test('the node panel lists Legacy last, its resource and actions marked deprecated; every resource is described', () => {
		const resource = description.properties.find((p) => p.name === 'resource')!;
		const options = resource.options as INodePropertyOptions[];
		expect(options.map((o) => o.name)).toEqual(['Agent', 'Message', 'Session', 'Support', 'Legacy (Deprecated)']);
		options.forEach((o) => expect(o.description).toEqual(expect.any(String)));
		operations
			.filter((o) => o.resource === 'legacy')
			.forEach((o) => expect(o.option.action).toMatch(/\(deprecated\)$/));
	});

	test('offers every OSVI chat operation, legacy ones included', () => {
		expect(operations.map((o) => `${o.resource}.${o.option.value}`).sort()).toEqual([
			'agent.getAll',
			'legacy.closeSession',
			'legacy.sendMessage',
			'legacy.startSession',
			'message.send',
			'session.close',
			'session.create',
			'session.getActive',
			'session.injectContext',
			'support.end',
			'support.sendMessage',
			'support.takeover',
			'support.tell',
			'support.whisper',
		]);
	});

	test.each(operations.map((o) => [`${o.resource} → ${o.option.name}`, o.option] as const))(
		'%s has an action, a description, and sends its response through the one error path first',
		(_, option) => {
			expect(option.action).toEqual(expect.any(String));
			expect(option.description).toEqual(expect.any(String));
			// Get Active has its own check, which reads a 404 as "no active session" (output.ts).
			expect(option.routing?.output?.postReceive?.[0]).toBe(option.value === 'getActive' ? activeSessions : throwOnOsviError);
		},
	);

	test('URL-encodes the session ID wherever it goes into a path', () => {
		const urls = operations
			.map((o) => String(o.option.routing?.request?.url))
			.filter((url) => url.includes('$parameter'));

		expect(urls).toHaveLength(8);
		for (const url of urls) {
			expect(url.match(/\$parameter\.\w+/g)).toEqual(['$parameter.sessionId']);
			expect(url).toContain('{{encodeURIComponent($parameter.sessionId)}}');
		}
	});

	test('operations with lasting side effects say so', () => {
		expect(byValue('session', 'close').description).toMatch(/permanently/);
		expect(byValue('session', 'create').description).toMatch(/closes the customer’s active session/);
		expect(byValue('support', 'takeover').description).toMatch(/stops replying/);
		expect(byValue('support', 'tell').description).toMatch(/reply to the customer now/);
	});

	test('each legacy operation names the v1 operation that replaces it', () => {
		expect(byValue('legacy', 'startSession').description).toMatch(/Session → Create/);
		expect(byValue('legacy', 'sendMessage').description).toMatch(/Message → Send/);
		expect(byValue('legacy', 'closeSession').description).toMatch(/Session → Close/);
	});
});
