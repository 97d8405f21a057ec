// Which n8n versions the runner (install, test:e2e, test:queue) is asked for, and where each goes.
import { join } from 'path';

import { cacheDir, N8N_VERSIONS, requestedVersions } from '../../scripts/n8n/install';

describe('n8n version selection', () => {
	const node = ['node', 'run.ts'];

	test('the matrix is 1.123.81 and 2.40.7, oldest first', () => {
		expect(Object.keys(N8N_VERSIONS)).toEqual(['1.123.81', '2.40.7']);
	});

	test('without flag or variable the fallback is used', () => {
		expect(requestedVersions(['2.40.7'], node, {})).toEqual(['2.40.7']);
	});

	test('--n8n-version picks one or several versions and wins over OSVI_N8N_VERSION', () => {
		expect(requestedVersions(['2.40.7'], [...node, '--n8n-version=1.123.81'], { OSVI_N8N_VERSION: '2.40.7' })).toEqual(['1.123.81']);
		expect(requestedVersions([], [...node, '--n8n-version=1.123.81, 2.40.7'], {})).toEqual(['1.123.81', '2.40.7']);
	});

	test('OSVI_N8N_VERSION works like the flag, and "all" means every tested version', () => {
		expect(requestedVersions(['2.40.7'], node, { OSVI_N8N_VERSION: '1.123.81' })).toEqual(['1.123.81']);
		expect(requestedVersions([], [...node, '--n8n-version=all'], {})).toEqual(['1.123.81', '2.40.7']);
	});

	test('a version without an install recipe is refused, naming the tested ones', () => {
		expect(() => requestedVersions([], [...node, '--n8n-version=2.41.3'], {})).toThrow(
			'n8n 2.41.3 is not one of the versions this package is tested on (1.123.81, 2.40.7)',
		);
	});

	test('each version installs into its own folder under N8N_CACHE_DIR', () => {
		const previous = process.env.N8N_CACHE_DIR;
		process.env.N8N_CACHE_DIR = '/somewhere';
		try {
			expect(cacheDir('1.123.81')).toBe(join('/somewhere', 'n8n-1.123.81'));
			expect(cacheDir('2.40.7')).toBe(join('/somewhere', 'n8n-2.40.7'));
		} finally {
			if (previous === undefined) delete process.env.N8N_CACHE_DIR;
			else process.env.N8N_CACHE_DIR = previous;
		}
	});
});
