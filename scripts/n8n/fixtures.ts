// What every n8n we start gets: credentials pointing at the sandbox, and workflows from JSON files.
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type { CredentialFile, WorkflowFile } from './n8n';
import { REPO_ROOT, SANDBOX_SECRETS } from './sandbox';

/** Fixed ids: the workflow files in examples/ and test/e2e/workflows/ refer to them. */
export const CREDENTIAL_IDS = { osvi: 'osviSandboxCred1', opencx: 'openCxSandboxCr1' };

export const EXAMPLES_DIR = join(REPO_ROOT, 'examples');

/** The sandbox credentials' Webhook Secrets: the trigger examples and e2e deliveries use them. */
export const WEBHOOK_SECRETS = { osvi: 'sandbox-osvi-webhook-secret', opencx: 'sandbox-opencx-webhook-secret' };

export function sandboxCredentials(urls: { osviUrl: string; opencxUrl: string }): CredentialFile[] {
	return [
		{
			id: CREDENTIAL_IDS.osvi,
			name: 'OSVI sandbox',
			type: 'osviApi',
			data: { apiToken: SANDBOX_SECRETS.osviToken, baseUrl: urls.osviUrl, webhookSecret: WEBHOOK_SECRETS.osvi },
		},
		{
			id: CREDENTIAL_IDS.opencx,
			name: 'open.cx sandbox',
			type: 'openCxApi',
			data: { apiKey: SANDBOX_SECRETS.openCxKey, baseUrl: urls.opencxUrl, webhookSecret: WEBHOOK_SECRETS.opencx },
		},
	];
}

/** Every *.json workflow in `dir`, keyed by file name. */
export function loadWorkflows(dir: string): Map<string, WorkflowFile> {
	const workflows = new Map<string, WorkflowFile>();
	for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
		const workflow = JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkflowFile;
		if (!workflow.id) throw new Error(`${join(dir, file)} has no fixed "id"`);
		workflows.set(file, workflow);
	}
	return workflows;
}
