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

export const contactDeleted = confirmation((context) => ({
	id: context.getNodeParameter('contactId') as string,
	deleted: true,
}));

export const contactUpdated = confirmation((context) => ({
	id: context.getNodeParameter('contactId') as string,
}));

/** open.cx answers with no body: say which session got which status. */
export const statusUpdated = confirmation((context) => ({
	id: context.getNodeParameter('sessionId') as string,
	status: context.getNodeParameter('status') as string,
}));

function simplifyEvent(item: IDataObject): IDataObject {
	const event = (item.event ?? {}) as IDataObject;
	const sender = (event.sender ?? {}) as IDataObject;
	const content = (event.content ?? {}) as IDataObject;
	return {
		id: item.id ?? null,
		created_at: item.created_at ?? null,
		type: event.type ?? null,
		sender_type: sender.type ?? null,
		sender_name: sender.name ?? null,
		text: content.text ?? null,
		attachments: event.attachments ?? [],
	};
}
/** Runs on each page before the pager reads it, so it keeps the `{ items, next }` envelope. */
export async function simplifyHistoryPage(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (!(this.getNodeParameter('simplify', true) as boolean)) return items;
	return items.map(({ json }) => ({
		json: Array.isArray(json.items)
			? { ...json, items: (json.items as IDataObject[]).map(simplifyEvent) }
			: json,
	}));
}
