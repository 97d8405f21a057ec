// n8n >= 2.17 creates (and on every start re-applies) the instance owner from N8N_INSTANCE_OWNER_*
// when N8N_INSTANCE_OWNER_MANAGED_BY_ENV=true, so the editor never shows the owner-setup form.
// The password goes in as a bcrypt hash, made with the bcryptjs n8n itself ships.
import { join } from 'path';

import type { N8nInstall } from './install';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** A local demo login for the sandbox editor; never use these for a reachable n8n. */
export const DEMO_OWNER: Owner = {
	email: 'demo@example.com',
	password: 'Sandbox-Demo-2026',
	firstName: 'Demo',
	lastName: 'Owner',
};

export function ownerEnv(install: N8nInstall, owner: Owner): NodeJS.ProcessEnv {
	const bcrypt = require(join(install.dir, 'n8n', 'node_modules', 'bcryptjs')) as {
		hashSync(password: string, rounds: number): string;
	};
	return {
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: owner.email,
		N8N_INSTANCE_OWNER_FIRST_NAME: owner.firstName,
		N8N_INSTANCE_OWNER_LAST_NAME: owner.lastName,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(owner.password, 10),
	};
}
