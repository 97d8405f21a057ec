import type { INodeProperties } from 'n8n-workflow';

import { everyPreSendRecorded, releaseCheckedItem } from './preflight';
import { requestSettingsProperty, type ApiProfile } from './requestSettings';

/**
 * A node's properties, ready for the shared request handling: every preSend step records its
 * item's outcome, and the Retry and Rate Limit collection comes last, so its preSend, which
 * releases checked items, runs after every other.
 */
export function withRetryAndRateLimit(api: ApiProfile, properties: INodeProperties[]): INodeProperties[] {
	return [...everyPreSendRecorded(properties), requestSettingsProperty(api, releaseCheckedItem)];
}
