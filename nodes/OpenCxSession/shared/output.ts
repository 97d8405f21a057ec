import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, PostReceiveAction } from 'n8n-workflow';

/**
 * open.cx answers PATCH and DELETE with 200 and no body; the item says what was done instead,
 * plus whatever the API did send.
 */
export function confirmation(describe: (context: IExecuteSingleFunctions) => IDataObject): PostReceiveAction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const answer = items[0]?.json;
		const extra = answer && typeof answer === 'object' && !Array.isArray(answer) ? answer : {};
		return [{ json: { success: true, ...describe(this), ...extra } }];
	};
}
