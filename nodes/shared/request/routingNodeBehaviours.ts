/*
 * What this package relies on in n8n-core's RoutingNode, which runs declarative nodes. No n8n
 * release promises any of it. Each entry has a test in test/resilience/routingNode.test.ts that
 * fails with the entry's name when an n8n release changes it.
 *
 * Checked against: n8n-core 2.40.3 (the tests), n8n 2.40.7 (end-to-end run; its RoutingNode is the
 * same file as 2.40.3's), n8n 1.123.81 (its RoutingNode source: the same behaviours, without the
 * base-URL pass, which only costs time).
 */
export const ROUTING_NODE_BEHAVIOURS = {
	/** preflight/: every item's preSend steps start before any item's request is sent. */
	preSendLoop:
		'RoutingNode starts every item’s preSend steps in one loop over the items and awaits the requests only afterwards',
	/** preflight/: the Retry and Rate Limit step, last property, is the last preSend step. */
	preSendOrder: 'RoutingNode runs preSend steps in the order of the node’s properties, an operation option’s with its operation',
	/** fields/: senders sit on the operation option. */
	operationOptionRouting: 'RoutingNode applies the routing (request, preSend, postReceive) of the selected operation option',
	/** preflight/: the item count, with Execute Once. */
	executeOnceFirstItem:
		'With Execute Once, RoutingNode gets only the first item while the execute data still holds them all',
	/** preflight/: earlier batches are in flight when a later one starts. */
	batchingSleepsInLoop:
		'With Batching’s interval, RoutingNode sleeps between batches inside its loop, before awaiting any request',
	/** request/: retries and the rate limit live in the pagination function. */
	paginationFunction:
		'With paginate on, RoutingNode hands each item’s request to a pagination function, whose makeRoutingRequest sends it and runs the postReceive steps',
	/** errors: the APIs' own messages. */
	ignoreHttpStatusErrors:
		'With requestDefaults.ignoreHttpStatusErrors, a failed response reaches the postReceive steps with its status',
	/** fields/: options and toggles sent by n8n's own routing. */
	onlyShownAndAddedRouting:
		'RoutingNode applies the routing of a property only when it is shown, and of a collection option only when it was added',
} as const;

export type RoutingNodeBehaviour = keyof typeof ROUTING_NODE_BEHAVIOURS;
