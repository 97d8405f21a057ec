import type { INodeProperties } from 'n8n-workflow';

import { oneEntryPerName } from './fields';
import { everyPreSendRecordingItsOutcome, releaseCheckedItem } from './preflight';
import { requestSettingsProperty, type ApiProfile } from './request/settings';

/*
 * What both nodes share, as one request pipeline. For each item, RoutingNode (n8n-core) builds the
 * request from the operation's `routing` and then:
 *
 *   fields/      1. each field's sender reads its value once, checks it, puts it in the request
 *                   (a failed check fails the item before anything is sent)
 *   preflight/   2. every preSend step records its item's outcome; the last one (Retry and Rate
 *                   Limit's) holds each item until every item is checked: one invalid item, and
 *                   none is sent
 *   request/     3. `paginate` (on for every operation) hands the request to routedRequest, which
 *                   waits its turn (rate limit), sends it with makeRoutingRequest, and repeats it
 *                   as the retry policy allows; an operation that pages passes its pager
 *                4. the operation's postReceive steps: first the node's throwOn<Api>Error, which
 *                   turns a failed response into the API's own error (remembered for the retry
 *                   policy), then its output steps
 *
 * request/transport.ts sends what routing cannot (list searches, polls) through the same retries.
 * The RoutingNode behaviours this relies on are listed in request/routingNodeBehaviours.ts.
 */

export type { ApiProfile } from './request/settings';
export { routedRequest } from './request/routedRequest';
export { handWrittenRequest } from './request/transport';

/**
 * A node's properties, ready for the pipeline: one entry per parameter name, every preSend step
 * recording its item's outcome, and the Retry and Rate Limit collection last, so its preSend, which
 * releases checked items, runs after every other.
 */
export function withRetryAndRateLimit(api: ApiProfile, properties: INodeProperties[]): INodeProperties[] {
	return [...everyPreSendRecordingItsOutcome(oneEntryPerName(properties)), requestSettingsProperty(api, releaseCheckedItem)];
}

/**
 * The canvas subtitle: a readable name for each `resource:operation` ("Send message"), falling back
 * to the operation's value. Computed in the editor, never at run time.
 */
export function subtitleOf(names: Record<string, string>): string {
	return `={{ ${JSON.stringify(names)}[$parameter["resource"] + ":" + $parameter["operation"]] ?? $parameter["operation"] }}`;
}
