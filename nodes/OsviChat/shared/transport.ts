import type { IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import { handWrittenRequest } from '../../shared';
import { OSVI } from './api';
import { assertOsviSuccess } from './errors';

/**
 * The one hand-written OSVI call, for list searches (operations send theirs through routing).
 * Errors go through the same path as operations, so a wrong token reads the same everywhere.
 */
export async function osviApiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
): Promise<unknown> {
	return await handWrittenRequest(this, OSVI, 'osviApi', { method, url: path }, (response) =>
		assertOsviSuccess(this.getNode(), response),
	);
}
