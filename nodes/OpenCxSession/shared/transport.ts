import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { handWrittenRequest } from '../../shared';
import { OPEN_CX } from './api';
import { assertOpenCxSuccess } from './errors';

/**
 * The one hand-written open.cx call, for work routing cannot express (polling history while
 * waiting for the AI's reply), with the same error path as the routed requests.
 */
export async function openCxRequest(
	this: IExecuteSingleFunctions,
	options: Pick<IHttpRequestOptions, 'method' | 'url' | 'qs' | 'body'>,
): Promise<IDataObject> {
	const body = await handWrittenRequest(this, OPEN_CX, 'openCxApi', options, (response) =>
		assertOpenCxSuccess(this, response),
	);
	return (body ?? {}) as IDataObject;
}
