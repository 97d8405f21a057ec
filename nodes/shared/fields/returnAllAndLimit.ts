import type {
	IDisplayOptions,
	IExecuteSingleFunctions,
	INodeExecutionData,
	INodeProperties,
	INodeRequestOutput,
} from 'n8n-workflow';

import { booleanField, numberField, type Field } from './factories';

/** Return All and Limit of a "Get Many" operation; a paging operation reads both in its pager. */
export const returnAllAndLimitFields: Field[] = [
	booleanField({
		displayName: 'Return All',
		name: 'returnAll',
		description: 'Whether to return all results or only up to a given limit',
	}),
	numberField({
		displayName: 'Limit',
		name: 'limit',
		default: 50,
		typeOptions: { minValue: 1 },
		description: 'Max number of results to return',
		shownWhen: { returnAll: [false] },
	}),
];

/** For a list the API sends whole: the first Limit items, unless Return All is on (a postReceive step). */
export async function keepLimit(this: IExecuteSingleFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('returnAll', false)) return items;
	return items.slice(0, this.getNodeParameter('limit', 50) as number);
}

/**
 * Return All and Limit as property entries with their own routing (the first version of the
 * factories' API); prefer `returnAllAndLimitFields` with `keepLimit`.
 */
export function returnAllAndLimit(displayOptions: IDisplayOptions, limitOutput?: INodeRequestOutput): INodeProperties[] {
	const [returnAll, limit] = returnAllAndLimitFields;
	return [
		{ ...returnAll.properties[0], displayOptions },
		{
			...limit.properties[0],
			displayOptions: { ...displayOptions, show: { ...displayOptions.show, returnAll: [false] } },
			routing: { send: { preSend: [limit.send!] }, ...(limitOutput ? { output: limitOutput } : {}) },
		},
	];
}
