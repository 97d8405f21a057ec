// The package as n8n sees it: node types registered (with their AI-tool variants), and every
// imported workflow made only of node types and versions this n8n knows, with parameters that
// pass n8n's own parameter validation (what the editor shows as node issues).
import assert from 'node:assert/strict';
import { NodeHelpers, type INode, type INodeTypeDescription } from 'n8n-workflow';

import type { WorkflowFile } from '../../../scripts/n8n/n8n';
import { PACKAGE_NAME } from '../../../scripts/n8n/package';
import type { E2eContext } from '../context';
import type { E2eTest } from '../run';

export const NODE_TYPES = {
	osviChat: `${PACKAGE_NAME}.osviChat`,
	osviChatTool: `${PACKAGE_NAME}.osviChatTool`,
	openCxSession: `${PACKAGE_NAME}.openCxSession`,
	openCxSessionTool: `${PACKAGE_NAME}.openCxSessionTool`,
	osviVoice: `${PACKAGE_NAME}.osviVoice`,
	osviVoiceTool: `${PACKAGE_NAME}.osviVoiceTool`,
};

function versions(description: INodeTypeDescription): number[] {
	return Array.isArray(description.version) ? description.version : [description.version];
}

/** The parameter issues n8n's editor would flag on `node`, as readable lines. */
function parameterIssues(node: INode, description: INodeTypeDescription): string[] {
	const parameters = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, node, description);
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, { ...node, parameters: parameters ?? {} }, description);
	return Object.entries(issues?.parameters ?? {}).map(([name, messages]) => `${node.name}.${name}: ${messages.join('; ')}`);
}

export function loadChecks(ctx: E2eContext, workflows: WorkflowFile[]): E2eTest[] {
	let exported: INodeTypeDescription[] = [];
	const byName = () => {
		const map = new Map<string, INodeTypeDescription[]>();
		for (const d of exported) map.set(d.name, [...(map.get(d.name) ?? []), d]);
		return map;
	};
	return [
		{
			name: 'export:nodes lists OSVI Chat, open.cx Session and their AI-tool variants',
			run: async () => {
				exported = (await ctx.n8n.exportNodes()) as unknown as INodeTypeDescription[];
				const names = byName();
				for (const type of Object.values(NODE_TYPES)) {
					assert.ok(names.has(type), `${type} not among ${exported.length} exported node types`);
				}
				const osvi = names.get(NODE_TYPES.osviChat)![0];
				const opencx = names.get(NODE_TYPES.openCxSession)![0];
				assert.equal(osvi.displayName, 'OSVI Chat');
				assert.deepEqual(osvi.credentials?.map((c) => c.name), ['osviApi']);
				assert.deepEqual(opencx.credentials?.map((c) => c.name), ['openCxApi']);
				for (const tool of [NODE_TYPES.osviChatTool, NODE_TYPES.openCxSessionTool, NODE_TYPES.osviVoiceTool]) {
					const description = names.get(tool)![0];
					assert.deepEqual(description.outputs, ['ai_tool'], `${tool} outputs`);
					assert.ok(
						description.properties.some((p) => p.name === 'toolDescription'),
						`${tool} has no Description field for the agent`,
					);
				}
			},
		},
		{
			// Seen in Chromium with n8n 2.40.7: a node whose codex categories include "AI" is left out of
			// the node panel's main search ("What happens next?") and shows only under AI Nodes.
			name: "the node panel's main search can find OSVI Chat and open.cx Session (codex category not \"AI\")",
			run: async () => {
				if (!exported.length) exported = (await ctx.n8n.exportNodes()) as unknown as INodeTypeDescription[];
				const names = byName();
				for (const type of [NODE_TYPES.osviChat, NODE_TYPES.openCxSession, NODE_TYPES.osviVoice]) {
					const codex = (names.get(type)?.[0] as { codex?: { categories?: string[] } } | undefined)?.codex;
					assert.ok(codex?.categories?.length, `${type} has no codex categories`);
					assert.ok(!codex.categories.includes('AI'), `${type} codex categories ${JSON.stringify(codex.categories)}`);
				}
			},
		},
		{
			name: 'every imported workflow uses known node types and versions, with no parameter issues',
			run: async () => {
				if (!exported.length) exported = (await ctx.n8n.exportNodes()) as unknown as INodeTypeDescription[];
				const names = byName();
				const problems: string[] = [];
				for (const workflow of workflows) {
					for (const node of workflow.nodes as unknown as INode[]) {
						const candidates = names.get(node.type);
						const description = candidates?.find((d) => versions(d).includes(node.typeVersion));
						if (!candidates) problems.push(`${workflow.name}: "${node.name}" has unknown type ${node.type}`);
						else if (!description) {
							problems.push(
								`${workflow.name}: "${node.name}" ${node.type} has no version ${node.typeVersion} (${candidates.flatMap(versions).join(', ')})`,
							);
						} else {
							problems.push(...parameterIssues(node, description).map((issue) => `${workflow.name}: ${issue}`));
						}
					}
				}
				assert.deepEqual(problems, []);
			},
		},
		{
			name: 'example "AI Agent": OSVI Chat Tool and open.cx Session Tool are wired into the agent as tools, next to a chat model',
			run: async () => {
				if (!exported.length) exported = (await ctx.n8n.exportNodes()) as unknown as INodeTypeDescription[];
				const names = byName();
				const workflow = workflows.find((w) => w.id === 'exAiAgentTools01');
				assert.ok(workflow, 'examples/ai-agent-tools.json not imported');
				const agent = workflow.nodes.find((n) => n.type === '@n8n/n8n-nodes-langchain.agent');
				assert.ok(agent, 'no AI Agent node');
				const connections = workflow.connections as Record<string, Record<string, Array<Array<{ node: string }>>>>;
				const into = (type: string) =>
					Object.entries(connections)
						.filter(([, outputs]) => outputs[type]?.some((targets) => targets.some((t) => t.node === agent.name)))
						.map(([source]) => workflow.nodes.find((n) => n.name === source)!.type);
				assert.deepEqual(into('ai_tool').sort(), [NODE_TYPES.openCxSessionTool, NODE_TYPES.osviChatTool]);
				assert.equal(into('ai_languageModel').length, 1);
				for (const type of into('ai_tool')) assert.deepEqual(names.get(type)?.[0].outputs, ['ai_tool']);
			},
		},
	];
}
