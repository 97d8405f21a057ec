// What the canvas shows for OSVI Voice: a readable subtitle for every operation.
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { subtitleFor } from '../harness';
import { osviVoice } from './helpers';

const operations = osviVoice.description.properties
	.filter((p) => p.name === 'operation')
	.flatMap((p: INodeProperties) =>
		(p.options as INodePropertyOptions[]).map((option) => ({
			resource: String(p.displayOptions?.show?.resource?.[0]),
			operation: String(option.value),
		})),
	);

describe('OSVI Voice description', () => {
	test('the canvas subtitle names every operation in words, never its internal values', () => {
		expect(operations).toHaveLength(10);
		for (const parameters of operations) {
			const subtitle = subtitleFor(osviVoice, parameters);
			expect(subtitle).toMatch(/^[A-Z][a-z]+( [a-zA-Z]+)*$/);
		}
		expect(subtitleFor(osviVoice, { resource: 'call', operation: 'start' })).toBe('Start call');
		expect(subtitleFor(osviVoice, { resource: 'campaign', operation: 'addContacts' })).toBe('Add contacts to campaign');
	});
});
