import {
	NodeApiError,
	type DeclarativeRestApiSettings,
	type IDataObject,
	type IExecutePaginationFunctions,
	type IExecuteSingleFunctions,
	type IN8nHttpFullResponse,
	type INodeExecutionData,
	type JsonObject,
} from 'n8n-workflow';

import { rememberResponse } from '../../shared/request/failedResponse';
import { withRetries } from '../../shared/request/retries';
import type { SendRouted } from '../../shared/request/routedRequest';
import { OSVI } from '../../OsviChat/shared/api';

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

function unexpected(context: IExecuteSingleFunctions, what: string, body: unknown): NodeApiError {
	return new NodeApiError(context.getNode(), { body: JSON.stringify(body ?? null).slice(0, 500) } as JsonObject, {
		message: `OSVI answered with an unexpected body: ${what}. Check the Base URL in the OSVI API credential.`,
	});
}

/** The item is OSVI's `data`, not the `{success, data}` envelope. */
export async function dataOnly(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	if (!isObject(body.data)) throw unexpected(this, 'expected { data: {…} }', body);
	return [{ json: body.data }];
}

/** The transcript as one item, or with One Item per Turn each turn as OSVI sent it. */
export async function transcriptItems(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = (response.body as IDataObject).data;
	if (!isObject(data) || !Array.isArray(data.transcript)) throw unexpected(this, 'expected { data: { transcript: [] } }', response.body);
	if (!this.getNodeParameter('splitTurns', false)) return [{ json: data }];
	// The turn schema is not documented: turns pass through untouched, whatever their fields.
	return data.transcript.map((turn) => ({ json: isObject(turn) ? turn : { value: turn as string } }));
}

/** With Download on, fetches the recording from its presigned link, without the API token. */
export async function downloadRecording(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = (response.body as IDataObject).data;
	if (!isObject(data) || typeof data.recording_url !== 'string') {
		throw unexpected(this, 'expected { data: { recording_url } }', response.body);
	}
	if (!this.getNodeParameter('download', false)) return [{ json: data }];
	const url = data.recording_url;
	const file = await withRetries(this, OSVI, 'GET', async () => {
		// A plain request: the link is signed, and the API token must not travel to the storage host.
		const answer = (await this.helpers.httpRequest({
			method: 'GET',
			url,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		})) as IN8nHttpFullResponse;
		if (answer.statusCode >= 400) throw recordingError(this, answer);
		return answer;
	});
	const name = (new URL(url).pathname.split('/').pop() || 'recording').replace(/[^\w.-]/g, '_');
	const mimeType = String(file.headers?.['content-type'] ?? '').split(';')[0] || undefined;
	const binaryName = this.getNodeParameter('binaryPropertyName', 'data') as string;
	const binary = await this.helpers.prepareBinaryData(Buffer.from(file.body as ArrayBuffer), name, mimeType);
	return [{ json: data, binary: { [binaryName]: binary } }];
}

function recordingError(context: IExecuteSingleFunctions, answer: IN8nHttpFullResponse): NodeApiError {
	const text = Buffer.from((answer.body as ArrayBuffer) ?? []).toString('utf8');
	const reason = /<Message>([^<]*)<\/Message>/.exec(text)?.[1] ?? '';
	const error = new NodeApiError(context.getNode(), { body: text.slice(0, 500) } as JsonObject, {
		httpCode: String(answer.statusCode),
		message: `The recording download failed (${answer.statusCode}${reason ? `: ${reason}` : ''}). Recording links expire after 15 minutes: run Get Recording again to get a fresh one.`,
	});
	return rememberResponse(error, answer);
}

/**
 * Page lists (`GET /v1/calls`, `GET /v1/dnd_numbers`): `page` and `per_page` (at most 100), answered
 * with `{ data: [], meta: { current_page, total_pages } }`. Stops at the Limit, the last page, a short
 * page, or a page number OSVI does not move past.
 */
export async function pages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	send: SendRouted,
): Promise<INodeExecutionData[]> {
	const wanted = this.getNodeParameter('returnAll', false) ? Infinity : (this.getNodeParameter('limit', 50) as number);
	const perPage = Math.min(wanted, 100);
	const results: INodeExecutionData[] = [];
	for (let page = 1; ; page++) {
		const [answer] = await send({ ...requestData, options: { ...requestData.options, qs: { ...requestData.options.qs, page, per_page: perPage } } });
		const body = answer?.json;
		if (!isObject(body) || !Array.isArray(body.data)) throw unexpected(this, 'expected { data: [], meta }', body);
		for (const json of body.data) {
			if (results.length >= wanted) break;
			results.push({ json: json as IDataObject });
		}
		const meta = isObject(body.meta) ? body.meta : {};
		const current = Number(meta.current_page ?? page);
		const total = Number(meta.total_pages ?? page);
		if (results.length >= wanted || body.data.length < perPage || current >= total || current < page) return results;
	}
}
