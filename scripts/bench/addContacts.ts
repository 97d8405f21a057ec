// `npm run bench:contacts`: OSVI Voice → Campaign → Add Contacts against two ways of doing it with
// n8n's own nodes, in the real pinned n8n against the sandbox (20 ms latency per request):
//   ours        Add Contacts (one request per 10,000 items)
//   per contact HTTP Request, one POST /v1/campaigns/{id}/contacts per item
//   aggregate   Aggregate (all items into one list) + HTTP Request (one POST)
// Records requests, the measured nodes' own time, process time and peak RSS; writes the section
// between the Add Contacts markers of BENCHMARKS.md (the rest of the file is left as it is).
//
//   npm run bench:contacts                      10,000 items, 3 runs each
//   npm run bench:contacts -- --items 500 --runs 1 --no-out
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join, resolve } from 'path';

import { sandboxCredentials, CREDENTIAL_IDS } from '../n8n/fixtures';
import { DEFAULT_N8N_VERSION as N8N_VERSION, ensureN8n } from '../n8n/install';
import { N8n, type WorkflowFile } from '../n8n/n8n';
import { installPackage } from '../n8n/package';
import { exitOnSignals, freePort, log } from '../n8n/proc';
import { REPO_ROOT, Sandbox, SANDBOX_SECRETS } from '../n8n/sandbox';
import { executeMeasured } from './execute';
import { packageUnderTest } from './package';
import { prepareSandbox, sandboxStats } from './sandbox';
import { median } from './stats';

type Side = 'ours' | 'perContact' | 'aggregate';
const SIDES: Side[] = ['ours', 'perContact', 'aggregate'];
const LABEL: Record<Side, string> = {
	ours: 'OSVI Voice → Add Contacts',
	perContact: 'HTTP Request, one request per contact',
	aggregate: 'Aggregate + HTTP Request (one request)',
};
const START = '<!-- add-contacts:start -->';
const END = '<!-- add-contacts:end -->';
const CAMPAIGN = 101;

function options(argv: string[]) {
	const value = (flag: string, fallback: number) => {
		const i = argv.indexOf(flag);
		return i === -1 ? fallback : Number(argv[i + 1]);
	};
	return { items: value('--items', 10_000), runs: value('--runs', 3), latencyMs: value('--latency', 20), out: !argv.includes('--no-out') };
}

type Node = WorkflowFile['nodes'][number];
const node = (name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number, extra = {}): Node => ({
	id: `${name.toLowerCase().replace(/\W/g, '-')}-${x}`,
	name,
	type,
	typeVersion,
	position: [x, 0],
	parameters,
	...extra,
});
const credentials = { osviApi: { id: CREDENTIAL_IDS.osvi, name: 'OSVI sandbox' } };

function workflow(side: Side, items: number, osviUrl: string): WorkflowFile {
	const contacts = node(
		'Contacts',
		'n8n-nodes-base.code',
		2,
		{ jsCode: `return Array.from({ length: ${items} }, (_, i) => ({ json: { phone: String(9000000000 + i), person_name: 'Person ' + i, plan: 'Pro' } }));` },
		200,
	);
	const http = (body: string) =>
		node(
			side === 'aggregate' ? 'Send' : 'Measured',
			'n8n-nodes-base.httpRequest',
			4.5,
			{
				method: 'POST',
				url: `${osviUrl}/v1/campaigns/${CAMPAIGN}/contacts`,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'osviApi',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: body,
				options: {},
			},
			600,
			{ credentials },
		);
	const measured: Node[] =
		side === 'ours'
			? [
					node(
						'Measured',
						'n8n-nodes-osvi.osviVoice',
						1,
						{
							resource: 'campaign',
							operation: 'addContacts',
							campaignId: String(CAMPAIGN),
							agent: { __rl: true, mode: 'id', value: SANDBOX_SECRETS.agentUuid },
							contactSource: 'input',
						},
						400,
						{ credentials },
					),
				]
			: side === 'perContact'
				? [http(`={{ JSON.stringify({ agent_uuid: "${SANDBOX_SECRETS.agentUuid}", contacts: [$json] }) }}`)]
				: [
						node('Measured', 'n8n-nodes-base.aggregate', 1, { aggregate: 'aggregateAllItemData', destinationFieldName: 'contacts', options: {} }, 400),
						http(`={{ JSON.stringify({ agent_uuid: "${SANDBOX_SECRETS.agentUuid}", contacts: $json.contacts }) }}`),
					];
	const nodes = [node('Start', 'n8n-nodes-base.manualTrigger', 1, {}, 0), contacts, ...measured];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	const id = `benchAC${side.slice(0, 3)}${items}`.replace(/[^A-Za-z0-9]/g, '').slice(0, 16).padEnd(16, '0');
	return { id, name: `bench: Add Contacts, ${side}, ${items} items`, nodes, connections, active: false, settings: { executionOrder: 'v1' } };
}

interface Run {
	requests: number;
	nodeMs: number;
	processMs: number;
	peakRssMb: number;
	contactsAccepted: number;
}

async function main(): Promise<number> {
	const opts = options(process.argv.slice(2));
	const userFolder = mkdtempSync(join(tmpdir(), 'n8n-nodes-osvi-bench-contacts-'));
	let sandbox: Sandbox | undefined;
	const tested = await packageUnderTest({ skipBuild: false });
	const cleanup = async () => {
		await sandbox?.stop();
		tested.dispose();
		rmSync(userFolder, { recursive: true, force: true });
	};
	exitOnSignals(cleanup);
	const results = new Map<Side, Run[]>(SIDES.map((s) => [s, []]));
	const failures: string[] = [];
	try {
		const install = await ensureN8n();
		await installPackage(tested.tarball, userFolder);
		sandbox = await Sandbox.start({ osvi: 0, opencx: 0 });
		const n8n = new N8n(install, userFolder, {
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'false',
		});
		const workflows = new Map(SIDES.map((side) => [side, workflow(side, opts.items, sandbox!.osviUrl)]));
		await n8n.importCredentials(sandboxCredentials(sandbox));
		await n8n.importWorkflows([...workflows.values()]);
		for (let run = 0; run <= opts.runs; run++) {
			for (const side of SIDES) {
				await prepareSandbox(sandbox, { latencyMs: opts.latencyMs });
				const execution = await executeMeasured(n8n, workflows.get(side)!.id, { timeoutMs: 15 * 60_000, nodeFlags: [] });
				const stats = await sandboxStats(sandbox);
				const runs = execution.runData as Record<string, Array<{ executionTime?: number; error?: { message?: string }; data?: { main?: Array<Array<{ json: Record<string, unknown> }>> } }>>;
				const measured = ['Measured', 'Send'].map((name) => runs[name]?.[0]).filter(Boolean);
				const error = execution.code !== 0 ? execution.error?.message ?? `exit ${execution.code}` : measured.find((m) => m?.error)?.error?.message;
				if (error) {
					failures.push(`${side}, run ${run}: ${error}`);
					log(`${side}, run ${run}: ${error}`);
					continue;
				}
				const out = measured[measured.length - 1]?.data?.main?.[0] ?? [];
				const accepted = out.reduce((sum, item) => sum + Number((item.json.data as { contacts_accepted?: number } | undefined)?.contacts_accepted ?? item.json.contacts_accepted ?? 0), 0);
				const record: Run = {
					requests: stats.total,
					nodeMs: measured.reduce((sum, m) => sum + (m?.executionTime ?? 0), 0),
					processMs: execution.processMs,
					peakRssMb: execution.peakRssMb,
					contactsAccepted: accepted,
				};
				log(`${side}, run ${run}: ${record.requests} requests, nodes ${Math.round(record.nodeMs)} ms, process ${(record.processMs / 1000).toFixed(1)} s, peak RSS ${Math.round(record.peakRssMb)} MB, ${accepted} accepted`);
				if (run > 0) results.get(side)!.push(record); // run 0 warms the disk cache
			}
		}
	} catch (error) {
		failures.push(`set-up: ${(error as Error).message}`);
		log((error as Error).message);
	} finally {
		await cleanup();
	}

	const rows = SIDES.map((side) => {
		const runs = results.get(side)!;
		const m = (pick: (r: Run) => number) => (runs.length ? median(runs.map(pick)) : NaN);
		return `| ${LABEL[side]} | ${m((r) => r.requests)} | ${Math.round(m((r) => r.nodeMs)).toLocaleString('en')} | ${(m((r) => r.processMs) / 1000).toFixed(1)} | ${Math.round(m((r) => r.peakRssMb))} | ${m((r) => r.contactsAccepted).toLocaleString('en')} |`;
	});
	const section = [
		START,
		`## Campaign → Add Contacts, ${opts.items.toLocaleString('en')} contacts`,
		'',
		`\`npm run bench:contacts\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, n8n ${N8N_VERSION}, ${cpus().length} cores, sandbox latency ${opts.latencyMs} ms per request, ${opts.runs === 1 ? 'one run' : `median of ${opts.runs} runs`} after one warm-up; ${tested.source}. Node time is the measured nodes' own executionTime (Aggregate + HTTP Request: both nodes).`,
		'',
		'| way | requests | node time (ms) | `n8n execute` (s) | peak RSS (MB) | contacts accepted |',
		'|---|---:|---:|---:|---:|---:|',
		...rows,
		'',
		'One request per 10,000 contacts is what OSVI asks for ("split larger imports across multiple requests"). The HTTP Request node per contact makes one upload per contact (each its own `campaign_upload_id`, and OSVI removes duplicates within one request only, as far as its docs say); Aggregate + HTTP Request sends one request, but breaks above 10,000 contacts unless the list is split by hand, and gives no per-item errors.',
		END,
	].join('\n');
	process.stdout.write(`\n${section}\n`);
	if (opts.out && !failures.length) {
		const file = resolve(REPO_ROOT, 'BENCHMARKS.md');
		const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
		const next = current.includes(START)
			? current.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section)
			: `${current.trimEnd()}\n\n${section}\n`;
		writeFileSync(file, next);
		log('wrote the Add Contacts section of BENCHMARKS.md');
	}
	if (failures.length) process.stdout.write(`\n${failures.length} failure(s):\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
	return failures.length ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error: Error) => {
		log(error.stack ?? error.message);
		process.exit(1);
	},
);
