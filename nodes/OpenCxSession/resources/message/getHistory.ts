import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/description';
import { sessionIdField } from '../../shared/descriptions';

const showOnlyForGetHistory = { show: { resource: ['message'], operation: ['getHistory'] } };

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
async function simplifyHistoryPage(
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

export const messageGetHistoryDescription: INodeProperties[] = [
	sessionIdField(showOnlyForGetHistory),
	...returnAllAndLimit(showOnlyForGetHistory),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one flat item per event (type, sender, text, attachments) instead of the raw data',
		displayOptions: showOnlyForGetHistory,
		routing: { output: { postReceive: [simplifyHistoryPage] } },
	},
];
