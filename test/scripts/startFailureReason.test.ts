// Why n8n did not start, picked from what n8n 2.40.7 printed (lines as it logs them offline).
import { startFailureReason } from '../../scripts/n8n/n8n';

const OFFLINE_START = [
	'Initializing n8n process',
	'n8n ready on 127.0.0.1, port 5680',
	'Failed to start Python task runner in internal mode. because its virtual environment is missing from this system.',
	'getaddrinfo ENOTFOUND api.n8n.io',
	'Error: getaddrinfo ENOTFOUND api.n8n.io',
	'    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:112:26)',
	'A system task run failed',
];

describe('n8n start failure reason', () => {
	it("shows the task broker's port clash, which n8n logs at info level, and not the offline noise", () => {
		const output = [...OFFLINE_START, "n8n Task Broker's port 5681 is already in use. Do you have another instance of n8n running already?", ''].join('\n');
		expect(startFailureReason(output)).toBe("n8n Task Broker's port 5681 is already in use. Do you have another instance of n8n running already?");
	});

	it('shows the last lines when none says error', () => {
		expect(startFailureReason('Initializing n8n process\nMigrations in progress\n')).toBe('Initializing n8n process\nMigrations in progress');
	});

	it('says so when n8n printed nothing', () => {
		expect(startFailureReason('')).toBe('(n8n printed nothing)');
	});
});
