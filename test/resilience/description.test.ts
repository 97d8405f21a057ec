// Both nodes send every request through one function, and show the same Retry and Rate Limit options.
import type { INodeProperties, INodeType } from 'n8n-workflow';

import { OpenCxSession } from '../../nodes/OpenCxSession/OpenCxSession.node';
import { OsviChat } from '../../nodes/OsviChat/OsviChat.node';

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

	test('retries are on by default, a few times, with bounded waits; Requests per Minute is unset', () => {
		expect(settings.default).toEqual({});
		expect(option('retryOnFailure')).toMatchObject({ type: 'boolean', default: true });
		expect(option('maxRetries')).toMatchObject({ type: 'number', default: 3, typeOptions: { maxValue: 10 } });
		expect(option('maxWait')).toMatchObject({ type: 'number', default: 60 });
		expect(option('requestsPerMinute')).toMatchObject({ type: 'number', typeOptions: { minValue: 1 } });
	});
});

test('open.cx names its documented limit of 100 requests per minute', () => {
	const { properties } = new OpenCxSession().description;
	const settings = properties[properties.length - 1].options as INodeProperties[];
	expect(settings.find((o) => o.name === 'requestsPerMinute')?.description).toMatch(/^open\.cx allows 100 requests per minute/);
});
