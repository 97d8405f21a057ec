import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import { withRetries } from '../../shared/retry';
import { OPEN_CX } from './api';
import { openCxApiError } from './errors';

/**
 * The one hand-written open.cx call, for work routing cannot express (polling history while
 * waiting for the AI's reply). Same credential, base URL, error path and retries as the routed
 * requests.
 */
export async function openCxRequest(
	this: IExecuteSingleFunctions,
	options: Pick<IHttpRequestOptions, 'method' | 'url' | 'qs' | 'body'>,
): Promise<IDataObject> {
	const credentials = await this.getCredentials('openCxApi');
	return await withRetries(this, OPEN_CX, options.method ?? 'GET', async () => {
		const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'openCxApi', {
			...options,
			baseURL: String(credentials.baseUrl).replace(/\/+$/, ''),
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
		if (response.statusCode >= 400) throw openCxApiError(this, response);
		return (response.body ?? {}) as IDataObject;
	});
}
