// One sandbox per test file, reset before each test.
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox';

/** Starts a sandbox for the file and resets it before each test; read `.current` inside tests. */
export function useSandbox(options: SandboxOptions = {}): { current: Sandbox } {
	const ref = {} as { current: Sandbox };
	beforeAll(async () => {
		ref.current = await startSandbox(options);
	});
	beforeEach(() => ref.current.reset());
	afterAll(async () => await ref.current.close());
	return ref;
}
