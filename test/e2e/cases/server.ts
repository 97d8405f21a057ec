import type { N8nInstall } from '../../../scripts/n8n/install';
import type { E2eContext } from '../context';
import type { E2eTest } from '../run';

export function serverChecks(_ctx: E2eContext, _install: N8nInstall): E2eTest[] {
	return [];
}
