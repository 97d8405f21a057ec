// Both nodes send every request through one function, and show the same Retry and Rate Limit options.
import { readFileSync } from 'fs';
import { join } from 'path';
import type { INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { OpenCxSession } from '../../nodes/OpenCxSession/OpenCxSession.node';
import { OsviChat } from '../../nodes/OsviChat/OsviChat.node';
import { requestSettingsOf } from '../../nodes/shared/request/settings';
import { subtitleFor } from '../harness';

const nodes: Array<[string, INodeType]> = [
	['OSVI Chat', new OsviChat()],
	['open.cx Session', new OpenCxSession()],
];

describe.each(nodes)('%s', (_, node) => {
	const { properties, requestOperations } = node.description;
	const settings = properties[properties.length - 1];
	const option = (name: string) => (settings.options as INodeProperties[]).find((o) => o.name === name);

	test('routes every request through one function: a node-wide pagination function, paginate on for every operation', () => {
		expect(typeof requestOperations?.pagination).toBe('function');
		expect(settings.routing?.send?.paginate).toBe(true);
		expect(settings.displayOptions).toBeUndefined();
	});

	test('the Retry and Rate Limit options come last, so their step runs after every other preSend', () => {
		expect(settings).toMatchObject({ name: 'retryAndRateLimit', displayName: 'Retry and Rate Limit', type: 'collection' });
		expect(settings.routing?.send?.preSend).toHaveLength(1);
		expect(properties.filter((p) => p.name === 'requestOptions')).toEqual([]);
	});

	test('retries are on by default, a few times, with bounded waits, shown in the editor; Requests per Minute is 0, no limit', () => {
		// The collection's default shows the options the node applies anyway (before, it showed "No properties").
		expect(settings.default).toEqual({ retryOnFailure: true, maxRetries: 3, maxWait: 60 });
		expect(option('retryOnFailure')).toMatchObject({ type: 'boolean', default: true });
		expect(option('maxRetries')).toMatchObject({ type: 'number', default: 3, typeOptions: { maxValue: 10 } });
		expect(option('maxWait')).toMatchObject({ type: 'number', default: 60 });
		expect(option('requestsPerMinute')).toMatchObject({ type: 'number', default: 0, typeOptions: { minValue: 0 } });
		expect(option('requestsPerMinute')?.description).toMatch(/^0 means no limit\. /);
	});

	test('saved workflows keep their meaning: an empty collection is the defaults, Requests per Minute 0 or unset is no limit', () => {
		const settingsOf = (saved: unknown) => requestSettingsOf({ getNodeParameter: () => saved });
		const defaults = { enabled: true, maxRetries: 3, maxWaitMs: 60_000, requestsPerMinute: undefined };
		expect(settingsOf({})).toEqual(defaults);
		expect(settingsOf({ retryOnFailure: true, maxRetries: 3, maxWait: 60 })).toEqual(defaults);
		expect(settingsOf({ requestsPerMinute: 0 })).toEqual(defaults);
		expect(settingsOf({ requestsPerMinute: 60 })).toEqual({ ...defaults, requestsPerMinute: 60 });
	});
});

test('open.cx names its documented limit of 100 requests per minute', () => {
	const { properties } = new OpenCxSession().description;
	const settings = properties[properties.length - 1].options as INodeProperties[];
	expect(settings.find((o) => o.name === 'requestsPerMinute')?.description).toMatch(/^0 means no limit\. open\.cx allows 100 requests per minute/);
});

describe('the node panel and the canvas', () => {
	const codexOf = (file: string) =>
		JSON.parse(readFileSync(join(__dirname, '../../nodes', file), 'utf8')) as { alias: string[] };

	test('searching "open cx" or "chat session" finds the nodes (codex aliases)', () => {
		expect(codexOf('OpenCxSession/OpenCxSession.node.json').alias).toEqual(expect.arrayContaining(['open cx', 'chat session']));
		expect(codexOf('OsviChat/OsviChat.node.json').alias).toEqual(expect.arrayContaining(['chat session']));
	});

	test.each(nodes)('%s names every operation in words on the canvas', (_, node) => {
		const operations = node.description.properties
			.filter((p) => p.name === 'operation')
			.flatMap((p) => (p.options as Array<{ value: string }>).map((o) => ({ resource: p.displayOptions?.show?.resource?.[0], operation: o.value })));
		for (const parameters of operations) {
			expect(subtitleFor(node, parameters as INodeParameters)).toMatch(/^[A-Z][a-z]+( [a-zA-Z]+)*( \(deprecated\))?$/);
		}
		expect(subtitleFor(node, { resource: 'message', operation: 'send' })).toBe('Send message');
	});
});
