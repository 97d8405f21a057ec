import type { IDataObject, INodeProperties, PreSendAction } from 'n8n-workflow';

import type { RetrySettings } from './retryPolicy';

/** What the shared request code needs to know about the API a node talks to. */
export interface ApiProfile {
	/** As users know it: "OSVI", "open.cx". */
	name: string;
	/** The limit the API documents, if any; named in the Requests per Minute description. */
	documentedRequestsPerMinute?: number;
}

export interface RequestSettings extends RetrySettings {
	/** Unset: requests start as soon as they can. */
	requestsPerMinute?: number;
}

const REQUEST_SETTINGS = 'retryAndRateLimit';

// Also the collection's defaults below, which the linter wants as literals.
const DEFAULTS = { maxRetries: 3, maxWaitSeconds: 60 };

/**
 * The "Retry and Rate Limit" collection every operation shows. Its routing makes every request go
 * through the node's `requestOperations.pagination` function (paginate: true), where retries and the
 * rate limit live, and its preSend, the node's last, holds each item until all items are checked.
 */
export function requestSettingsProperty(api: ApiProfile, releaseCheckedItem: PreSendAction): INodeProperties {
	return {
		displayName: 'Retry and Rate Limit',
		name: REQUEST_SETTINGS,
		type: 'collection',
		placeholder: 'Add Option',
		// Shown with the defaults the node applies anyway, so they are visible; a saved {} means the same.
		default: { retryOnFailure: true, maxRetries: 3, maxWait: 60 },
		description: `How requests to ${api.name} are repeated after a rate limit or outage, and spaced out`,
		options: [
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 3,
				description: 'How many times one request is repeated before the item fails',
			},
			{
				displayName: 'Max Wait per Retry (Seconds)',
				name: 'maxWait',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 3 },
				default: 60,
				description: `The longest pause before a retry; when ${api.name} asks for a longer one (Retry-After), the item fails instead`,
			},
			{
				displayName: 'Requests per Minute',
				name: 'requestsPerMinute',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: `0 means no limit. ${
					api.documentedRequestsPerMinute
						? `${api.name} allows ${api.documentedRequestsPerMinute} requests per minute. `
						: ''
				}Start at most this many requests per minute in one run of this node, counting every item, page, poll and retry.`,
			},
			{
				displayName: 'Retry on Failure',
				name: 'retryOnFailure',
				type: 'boolean',
				default: true,
				description: `Whether to repeat a request ${api.name} turned away (429, 503), and a read that lost its connection or timed out; sends are never repeated after a timeout or another 5xx`,
			},
		],
		routing: { send: { paginate: true, preSend: [releaseCheckedItem] } },
	};
}

/** The node's settings, with the defaults when the collection is empty. */
export function requestSettingsOf(context: {
	getNodeParameter(name: string, fallback?: unknown): unknown;
}): RequestSettings {
	const raw = (context.getNodeParameter(REQUEST_SETTINGS, {}) ?? {}) as IDataObject;
	const number = (value: unknown, fallback: number) =>
		typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
	const requestsPerMinute = number(raw.requestsPerMinute, 0);
	return {
		enabled: raw.retryOnFailure !== false,
		maxRetries: Math.floor(number(raw.maxRetries, DEFAULTS.maxRetries)),
		maxWaitMs: number(raw.maxWait, DEFAULTS.maxWaitSeconds) * 1000,
		requestsPerMinute: requestsPerMinute > 0 ? requestsPerMinute : undefined,
	};
}
