import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import type { ApiProfile } from './settings';
import { withRetries, type RequestContext } from './retries';

/**
 * A request routing cannot send (a list search, a poll), with the node's credential and Base URL
 * and the same retries as routed requests. `assertSuccess` throws the API's own error for a failed
 * response, as the operations' first postReceive step does.
 */
export async function handWrittenRequest(
	context: RequestContext,
	api: ApiProfile,
	credentialType: string,
	options: Pick<IHttpRequestOptions, 'method' | 'url' | 'qs' | 'body'>,
	assertSuccess: (response: IN8nHttpFullResponse) => void,
): Promise<unknown> {
	const credentials = await context.getCredentials<IDataObject>(credentialType);
	const baseURL = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return await withRetries(context, api, options.method ?? 'GET', async () => {
		const response = (await context.helpers.httpRequestWithAuthentication.call(context, credentialType, {
			...options,
			baseURL,
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		})) as IN8nHttpFullResponse;
		assertSuccess(response);
		return response.body;
	});
}
