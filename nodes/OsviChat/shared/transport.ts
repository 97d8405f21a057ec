import type { IDataObject, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';
import { withRetries } from '../../shared/retry';
import { OSVI } from './api';
import { assertOsviSuccess } from './errors';

/**
 * The one hand-written OSVI call, for list searches (operations send theirs through routing).
 * Errors go through the same path as operations, so a wrong token reads the same everywhere, and
 * retries follow the same policy.
 */
export async function osviApiRequest(
	this: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: string,
): Promise<unknown> {
	const credentials = await this.getCredentials<IDataObject>('osviApi');
	const baseUrl = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return await withRetries(this, OSVI, method, async () => {
		const response = await this.helpers.httpRequestWithAuthentication.call(this, 'osviApi', {
			method,
			url: `${baseUrl}${path}`,
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		});
		assertOsviSuccess(this.getNode(), response);
		return response.body;
	});
}
