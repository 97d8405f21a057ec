// Looks at the `npm start` editor through headless Chromium: signs in, finds both nodes in the node
// panel (also as "open cx" and "chat session"), lists OSVI's actions (legacy last, deprecated), opens
// an OSVI node (Retry and Rate Limit with its defaults, the agent hint per mode, the canvas
// subtitle), runs the escalation example, listens for a test event on the OSVI Trigger example and
// sends one to its Test URL, lists and searches open.cx's Session ID picker, and saves screenshots.
// Not part of CI;
// it needs what the repo does not install:
//
//   apt-get install -y chromium
//   npm install --prefix /tmp/pw playwright-core
//   npm start                                  (in another terminal)
//   PLAYWRIGHT_CORE=/tmp/pw/node_modules/playwright-core node scripts/n8n/editor-check.js
//
// Env: N8N_URL (http://localhost:5678), CHROMIUM (/usr/bin/chromium), SHOTS (/tmp/n8n-editor-shots).
const fs = require('fs');
const os = require('os');
const path = require('path');

const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');
const BASE = process.env.N8N_URL || 'http://localhost:5678';
const SHOTS = process.env.SHOTS || path.join(os.tmpdir(), 'n8n-editor-shots');
const OWNER = { email: 'demo@example.com', password: 'Sandbox-Demo-2026' };

async function main() {
	fs.mkdirSync(SHOTS, { recursive: true });
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
			'--disable-component-update', '--disable-sync'],
		viewport: { width: 1440, height: 900 },
	});
	const page = context.pages()[0];
	const problems = [];
	const shot = async (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
	const panel = () => page.locator('[data-test-id="node-creator"]');
	const panelText = async () => (await panel().innerText().catch(() => '')).replace(/\n+/g, ' | ');
	const search = () => page.locator('[data-test-id="node-creator-search-bar"] input, input[placeholder*="Search"]').first();
	// The node panel: the canvas's "+" button (the "n" shortcut needs the canvas focused).
	const openPanel = async () => {
		await page.locator('[data-test-id="node-creator-plus-button"]').first().click({ timeout: 5000 }).catch(async () => {
			await page.mouse.click(700, 200);
			await page.keyboard.press('n');
		});
		await page.waitForTimeout(1000);
	};
	try {
		await page.goto(`${BASE}/home/workflows`, { waitUntil: 'networkidle', timeout: 60_000 });
		await page.fill('input[name="emailOrLdapLoginId"]', OWNER.email);
		await page.fill('input[name="password"]', OWNER.password);
		await page.keyboard.press('Enter');
		await page.waitForURL(/home\/workflows|assistant/, { timeout: 30_000 });
		await page.waitForTimeout(2000);
		await shot('01-signed-in');

		// A workflow with a trigger: the panel then offers action nodes.
		await page.goto(`${BASE}/workflow/exOsviEscalation`, { waitUntil: 'networkidle', timeout: 60_000 });
		await page.waitForTimeout(2000);
		await page.getByText('Got it').click({ timeout: 2000 }).catch(() => {});
		await shot('02-escalation-example');
		await openPanel();
		await search().fill('OSVI');
		await page.waitForTimeout(1200);
		await shot('03-panel-search-osvi');
		if (!(await panelText()).includes('OSVI Chat')) {
			problems.push('the main node panel search does not find "OSVI Chat" (n8n lists nodes in codex category "AI" only under AI)');
		}
		// Node panel search aliases (codex): both phrases find the nodes.
		for (const [query, name] of [['open cx', 'open.cx Session'], ['chat session', 'OSVI Chat'], ['chat session', 'open.cx Session']]) {
			await search().fill(query);
			await page.waitForTimeout(1200);
			await shot(`03-panel-search-${query.replace(' ', '-')}`);
			if (!(await panelText()).includes(name)) problems.push(`the node panel search "${query}" does not find ${name}`);
		}
		// OSVI Chat's actions: the legacy ones listed last and marked deprecated.
		await search().fill('OSVI');
		await page.waitForTimeout(1200);
		await panel().getByText('OSVI Chat', { exact: true }).first().click().catch(() => {});
		await page.waitForTimeout(1500);
		await shot('03-osvi-actions');
		const actions = await panelText();
		const deprecated = actions.indexOf('(deprecated)');
		if (deprecated === -1) problems.push('the OSVI Chat actions are not marked "(deprecated)"');
		else if (actions.indexOf('Take over a session', deprecated) !== -1 || actions.indexOf('Send a customer message', deprecated) !== -1) {
			problems.push('legacy actions are not listed last');
		}
		await page.keyboard.press('Escape');
		await page.waitForTimeout(500);
		await openPanel();
		await search().fill('');
		await panel().getByText('AI', { exact: true }).first().click();
		await page.waitForTimeout(1000);
		for (const [query, names] of [['OSVI', ['OSVI Chat', 'OSVI Chat Tool']], ['open.cx', ['open.cx Session', 'open.cx Session Tool']]]) {
			await search().fill(query);
			await page.waitForTimeout(1200);
			await shot(`04-ai-panel-${query}`);
			const text = await panelText();
			for (const name of names) if (!text.includes(name)) problems.push(`AI panel search "${query}" does not list ${name}`);
		}
		await page.keyboard.press('Escape');

		await page.goto(`${BASE}/workflow/exOsviEscalation`, { waitUntil: 'networkidle', timeout: 60_000 });
		await page.waitForTimeout(2000);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Send to Agent' }).first().dblclick();
		await page.waitForTimeout(2000);
		await shot('05-osvi-node-parameters');
		const ndv = await page.locator('[data-test-id="ndv"]').innerText().catch(() => '');
		for (const label of ['Credential', 'Agent', 'Customer ID', 'Content']) if (!ndv.includes(label)) problems.push(`node panel lacks "${label}"`);
		// Retry and Rate Limit shows its defaults instead of "No properties".
		const settings = page.locator('[data-test-id="parameter-input-retryAndRateLimit"], [data-test-id="collection-parameter"]').last();
		await settings.scrollIntoViewIfNeeded().catch(() => {});
		await page.waitForTimeout(500);
		await shot('05b-retry-and-rate-limit-defaults');
		const withSettings = await page.locator('[data-test-id="ndv"]').innerText().catch(() => '');
		for (const label of ['Retry on Failure', 'Max Retries', 'Max Wait per Retry']) {
			if (!withSettings.includes(label)) problems.push(`Retry and Rate Limit does not show "${label}"`);
		}
		if (withSettings.includes('No properties')) problems.push('a collection still shows "No properties"');
		// The agent hint belongs to From List only; By ID shows its own.
		const listHint = 'The list shows what OSVI reports as active agents';
		// Each mode shows its own hint: switch to the other mode (n8n autosaves, so either may be first).
		const idHint = 'The ID on the agent’s page';
		const modeHint = (text) => (text.includes(listHint) ? 'list' : text.includes(idHint) ? 'id' : 'none');
		const firstMode = modeHint(withSettings);
		if (firstMode === 'none') problems.push('the agent shows no hint');
		const locator = page.locator('[data-test-id="resource-locator-agent"]');
		await locator.scrollIntoViewIfNeeded().catch(() => {});
		await locator.locator('[data-test-id="rlc-mode-selector"], .el-select').first().click({ timeout: 5000 }).catch(() => {});
		await page.waitForTimeout(500);
		const other = firstMode === 'id' ? 'From list' : 'By ID';
		await page.getByText(other, { exact: true }).last().click({ timeout: 5000 }).catch(() => problems.push(`could not switch the agent to ${other}`));
		await page.waitForTimeout(800);
		const switched = await page.locator('[data-test-id="ndv"]').innerText().catch(() => '');
		const secondMode = modeHint(switched);
		if (secondMode === firstMode || secondMode === 'none') problems.push(`after switching to ${other}, the agent hint is ${secondMode === 'none' ? 'gone' : 'the same'}`);
		if (switched.includes(listHint) && switched.includes(idHint)) problems.push('both agent hints show at once');
		await shot(`05c-agent-hint-${secondMode}`);
		// Leave the field (a click on the Parameters tab), then close the node.
		await page.getByText('Parameters', { exact: true }).first().click({ timeout: 3000 }).catch(() => {});
		await page.keyboard.press('Escape');
		await page.waitForTimeout(800);
		// Canvas subtitles in words.
		const canvas = await page.locator('[data-test-id="canvas-node"]').allInnerTexts().catch(() => []);
		for (const subtitle of ['Send message', 'Take over']) {
			if (!canvas.join(' | ').includes(subtitle)) problems.push(`no canvas node shows the subtitle "${subtitle}" (${canvas.join(' | ').replace(/\n/g, ' ')})`);
		}
		await shot('05d-canvas-subtitles');
		await page.getByText('Execute workflow', { exact: true }).last().click({ force: true });
		await page.waitForTimeout(6000);
		await shot('06-escalation-executed');
		if (!(await page.getByText('Workflow executed successfully').count())) {
			const items = await page.getByText('1 item').count();
			if (items < 5) problems.push(`the escalation example did not run through (${items} connections show "1 item")`);
		}

		// A trigger's "Listen for test event": a delivery to the Test URL shows up in its panel.
		await page.goto(`${BASE}/workflow/exOsviCallTable`, { waitUntil: 'networkidle', timeout: 60_000 });
		await page.waitForTimeout(2000);
		await page.locator('[data-test-id="canvas-node"]', { hasText: 'Call Analysed' }).first().dblclick();
		await page.waitForTimeout(2000);
		await shot('08-osvi-trigger-panel');
		const trigger = await page.locator('[data-test-id="ndv"]').innerText().catch(() => '');
		for (const label of ['Dashboard', 'One call', 'Call Status', 'Credential']) {
			if (!trigger.includes(label)) problems.push(`OSVI Trigger panel lacks "${label}"`);
		}
		// n8n 2.40 labels the button "Execute step"; the panel then listens for a test event.
		await page.locator('[data-test-id="node-execute-button"]').first().click();
		await page.waitForTimeout(2000);
		await shot('09-osvi-trigger-listening');
		const listening = await page.locator('[data-test-id="ndv"]').innerText().catch(() => '');
		if (!/listening/i.test(listening)) problems.push('the OSVI Trigger panel does not say it is listening for a test event');
		const callLogId = '7d3e5f10-2a4b-4c6d-8e9f-0a1b2c3d4e5f';
		const delivered = await fetch(`${BASE}/webhook-test/0f4d6c1e-2b7a-4e59-8c3d-7a1b2c3d4e51/webhook`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'X-OSVI-Secret': 'sandbox-osvi-webhook-secret' },
			body: JSON.stringify({ call_log_id: callLogId, phone_number: '+919876543210', agent_name: 'agent_DemoSupport_01', call_status: 'picked', call_type: 'outbound', call_summary: 'Editor check call.' }),
		});
		if (delivered.status !== 200) problems.push(`the Test URL answered ${delivered.status}: ${await delivered.text()}`);
		await page.waitForTimeout(4000);
		await shot('10-osvi-trigger-test-event');
		const received = await page.locator('[data-test-id="ndv"]').innerText().catch(() => '');
		if (!received.includes(callLogId)) problems.push('the test event did not show in the OSVI Trigger panel');
		await page.keyboard.press('Escape');

		await page.goto(`${BASE}/workflow/exAiAgentTools01`, { waitUntil: 'networkidle', timeout: 60_000 });
		await page.waitForTimeout(2000);
		await shot('07-ai-agent-example');

		await checkOpenCxPickers(page, shot, problems);
	} catch (error) {
		problems.push(`stopped: ${error.message.split('\n')[0]}`);
		await shot('99-error').catch(() => {});
	} finally {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
	console.log(`screenshots in ${SHOTS}`);
	for (const problem of problems) console.log(`  ✗ ${problem}`);
	console.log(problems.length ? `${problems.length} problem(s)` : 'editor check passed');
	process.exit(problems.length ? 1 : 0);
}

/**
 * open.cx Session's Session ID picker in the node panel: From List shows the sandbox's sessions,
 * and typing searches them. Works on a workflow it saves through the editor's own REST API.
 */
async function checkOpenCxPickers(page, shot, problems) {
	const saved = await page.evaluate(async () => {
		const response = await fetch('/rest/workflows', {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': localStorage.getItem('n8n-browserId') ?? '' },
			body: JSON.stringify({
				name: `editor check: open.cx pickers ${Date.now()}`,
				active: false,
				settings: { executionOrder: 'v1' },
				connections: { Start: { main: [[{ node: 'Pick Session', type: 'main', index: 0 }]] } },
				nodes: [
					{ id: 'c1d3a1e0-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					{
						id: 'c1d3a1e0-0000-4000-8000-000000000002',
						name: 'Pick Session',
						type: 'n8n-nodes-osvi.openCxSession',
						typeVersion: 1,
						position: [220, 0],
						parameters: { resource: 'message', operation: 'getHistory', sessionId: { __rl: true, mode: 'list', value: '' } },
						credentials: { openCxApi: { id: 'openCxSandboxCr1', name: 'open.cx sandbox' } },
					},
				],
			}),
		});
		return { status: response.status, body: await response.json().catch(() => null) };
	});
	const id = saved.body?.data?.id;
	if (!id) {
		problems.push(`could not save the picker workflow (${saved.status})`);
		return;
	}
	await page.goto(`${BASE}/workflow/${id}`, { waitUntil: 'networkidle', timeout: 60_000 });
	await page.waitForTimeout(2000);
	await page.locator('[data-test-id="canvas-node"]', { hasText: 'Pick Session' }).first().dblclick();
	await page.waitForTimeout(1500);
	const picker = page.locator('[data-test-id="resource-locator-sessionId"]');
	if (!(await picker.count())) {
		problems.push('the open.cx node panel shows no Session ID picker');
		await shot('11-opencx-picker-missing');
		return;
	}
	// The first input is the mode selector (From list / By ID); the last one opens the list.
	await picker.locator('input').last().click();
	await page.waitForTimeout(3000);
	const items = async () => (await page.locator('[data-test-id="rlc-item"]').allInnerTexts()).map((t) => t.trim());
	const listed = await items();
	await shot('11-opencx-session-picker');
	if (!listed.some((name) => /^#\d+ · /.test(name))) problems.push(`the Session ID picker lists no sessions (got ${JSON.stringify(listed.slice(0, 3))})`);
	await page.locator('[data-test-id="rlc-search"] input, [data-test-id="rlc-search"]').first().fill('password');
	await page.waitForTimeout(2500);
	const found = await items();
	await shot('12-opencx-session-picker-search');
	if (!found.length || !found.every((name) => /password/i.test(name))) {
		problems.push(`searching the Session ID picker for "password" gave ${JSON.stringify(found.slice(0, 3))}`);
	}
	await page.keyboard.press('Escape');
}

main();
