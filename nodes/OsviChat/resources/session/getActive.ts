import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';
import { agentLocator, customerId, simplify } from '../../shared/descriptions';
import { requireAgentId } from '../../shared/validation';

const properties: INodeProperties[] = [
	{
		...customerId,
		routing: { send: { ...customerId.routing?.send, type: 'query' } },
	},
	{
		...agentLocator,
		required: false,
		description:
			'Only the session with this agent; leave empty to get every active session of the customer, one item per agent',
		routing: {
			send: {
				type: 'query',
				property: 'agent_uuid',
				value: '={{ $value || undefined }}',
				preSend: [requireAgentId('agent', { optional: true })],
			},
		},
	},
	simplify,
];

export const getActiveDescription = updateDisplayOptions(
	{ show: { resource: ['session'], operation: ['getActive'] } },
	properties,
);

/**
 * OSVI answers with one session when an agent is given, otherwise with sessions keyed by agent
 * UUID. Either way each session becomes an item carrying its `agent_uuid`, which the session
 * object itself lacks (it has only the numeric `chat_agent_id`).
 */
export async function splitActiveSessions(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!this.getNodeParameter('simplify', true)) return items;
	const data = ((response.body as IDataObject).data ?? {}) as IDataObject;
	const agent = this.getNodeParameter('agent', '', { extractValue: true }) as string;
	const byAgent = agent ? { [agent]: data } : data;
	return Object.entries(byAgent).map(([agentUuid, session]) => ({
		json: { agent_uuid: agentUuid, ...(session as IDataObject) },
	}));
}
