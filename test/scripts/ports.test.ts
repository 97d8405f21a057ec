// How `npm start` chooses its ports (scripts/n8n/ports.ts), against real listeners on loopback.
import { createServer, type AddressInfo, type Server } from 'net';

import { choosePorts, portIsFree } from '../../scripts/n8n/ports';

const servers: Server[] = [];

/** Another program listening on all addresses, as another n8n would. */
async function holdPort(port = 0): Promise<number> {
	const server = createServer();
	servers.push(server);
	await new Promise<void>((resolve) => server.listen(port, resolve));
	return (server.address() as AddressInfo).port;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const settings = (editor: number, broker: number) => ({
	editor: { what: 'n8n editor', flag: '--port', env: 'N8N_PORT', fallback: editor },
	broker: { what: 'n8n task broker', flag: '--broker-port', env: 'N8N_RUNNERS_BROKER_PORT', fallback: broker },
});

describe('npm start ports', () => {
	it('a port another program listens on is not free, on either loopback address', async () => {
		const port = await holdPort();
		expect(await portIsFree(port)).toBe(false);
	});

	it('free defaults are used as they are', async () => {
		const editor = await holdPort();
		const broker = await holdPort();
		await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
		const chosen = await choosePorts(settings(editor, broker), [], {});
		expect(chosen).toEqual({ editor: { port: editor, source: 'default' }, broker: { port: broker, source: 'default' } });
	});

	it('taken defaults (another n8n on both ports) move to free ports above them, never onto each other', async () => {
		const editor = await holdPort();
		const broker = await holdPort();
		const chosen = await choosePorts(settings(editor, broker), [], {});
		expect(chosen.editor.source).toBe(`${editor} is in use`);
		expect(chosen.broker.source).toBe(`${broker} is in use`);
		expect(chosen.editor.port).toBeGreaterThan(editor);
		expect(chosen.broker.port).toBeGreaterThan(broker);
		expect(chosen.editor.port).not.toBe(chosen.broker.port);
		expect([editor, broker]).not.toContain(chosen.editor.port);
		expect(await portIsFree(chosen.editor.port)).toBe(true);
		expect(await portIsFree(chosen.broker.port)).toBe(true);
	});

	it('a flag wins over the variable, the variable over the default', async () => {
		const a = await holdPort();
		const b = await holdPort();
		await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
		const chosen = await choosePorts(settings(1, 2), [`--broker-port=${b}`], { N8N_PORT: String(a), N8N_RUNNERS_BROKER_PORT: '1' });
		expect(chosen).toEqual({ editor: { port: a, source: 'N8N_PORT' }, broker: { port: b, source: '--broker-port' } });
	});

	it('a requested port that is taken is refused, naming the flag or variable, before anything starts', async () => {
		const taken = await holdPort();
		await expect(choosePorts(settings(1, 2), [], { N8N_RUNNERS_BROKER_PORT: String(taken) })).rejects.toThrow(
			`port ${taken} for the n8n task broker (N8N_RUNNERS_BROKER_PORT) is already in use: choose another, or leave N8N_RUNNERS_BROKER_PORT out`,
		);
	});

	it('a requested port that is not a port number is refused', async () => {
		await expect(choosePorts(settings(1, 2), ['--port', 'abc'], {})).rejects.toThrow('--port must be a port number (1–65535), got "abc"');
	});
});
