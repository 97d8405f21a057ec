import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { osviApiRequest } from '../shared/transport';

/** Agents for the picker, from `/v1/active_agents`: a bare array whose ID field is `agent_id`. */
export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const agents = (await osviApiRequest.call(this, 'GET', '/v1/active_agents')) as IDataObject[];
	const needle = filter?.trim().toLowerCase() ?? '';
	const results = agents
		.map((agent) => ({ name: String(agent.name ?? agent.agent_id), value: String(agent.agent_id) }))
		.filter(
			(agent) =>
				!needle || agent.name.toLowerCase().includes(needle) || agent.value.toLowerCase().includes(needle),
		);
	return { results };
}
