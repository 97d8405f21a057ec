import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

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
