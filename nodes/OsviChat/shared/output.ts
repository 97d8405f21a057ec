import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { assertOsviSuccess, isNoActiveSession } from './errors';

/** With Simplify on (the default), the item is OSVI's `data` instead of the `{success, data}` envelope. */
export async function unwrapData(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = response.body as IDataObject;
	if (!this.getNodeParameter('simplify', true) || body.data === undefined) return items;
	return [{ json: body.data as IDataObject }];
}

/** One item per element of a bare JSON array (any postReceive step turns n8n's own split off). */
export async function itemPerElement(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return Array.isArray(response.body) ? response.body.map((json) => ({ json: json as IDataObject })) : items;
}

/**
 * Get Active's only postReceive step. OSVI answers with one session when an agent is given,
 * otherwise with sessions keyed by agent UUID. Each session becomes an item carrying its
 * `agent_uuid`, which the session object itself lacks (it has only the numeric `chat_agent_id`).
 * No active session is no items, with or without an agent, Simplify on or off.
 */
export async function activeSessions(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (isNoActiveSession(response)) return [];
	assertOsviSuccess(this.getNode(), response);
	const data = ((response.body as IDataObject).data ?? {}) as IDataObject;
	const agent = this.getNodeParameter('agent', '', { extractValue: true }) as string;
	const byAgent = agent ? { [agent]: data } : data;
	if (Object.keys(byAgent).length === 0) return [];
	if (!this.getNodeParameter('simplify', true)) return items;
	return Object.entries(byAgent).map(([agentUuid, session]) => ({
		json: { agent_uuid: agentUuid, ...(session as IDataObject) },
	}));
}
