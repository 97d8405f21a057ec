import { BEARER, jsonOf, onlyRequest, runOpenCx, UUID, useSandbox } from '../helpers';

describe('open.cx Session › Contact › Create', () => {
	const sandbox = useSandbox();

	test('create sends the contact under `contact`, with `phone` as open.cx names it on input', async () => {
		const { items, error } = await runOpenCx(sandbox.current, {
			parameters: {
				resource: 'contact',
				operation: 'create',
				contact: { name: 'Ivy Lam', email: 'ivy@example.com', phone: '+15550001111', customData: '{"tier":"gold"}' },
			},
		});
		expect(error).toBeUndefined();
		const request = onlyRequest(sandbox.current);
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/contacts');
		expect(request.headers.authorization).toBe(BEARER);
		expect(request.body).toEqual({
			contact: { name: 'Ivy Lam', email: 'ivy@example.com', phone: '+15550001111', custom_data: { tier: 'gold' } },
		});
		expect(jsonOf(items)).toEqual([{ id: expect.stringMatching(UUID) }]);
		expect(sandbox.current.opencx.contacts.get(items[0].json.id as string)).toMatchObject({
			name: 'Ivy Lam',
			phone_number: '+15550001111',
			custom_data: { tier: 'gold' },
		});
	});
});
