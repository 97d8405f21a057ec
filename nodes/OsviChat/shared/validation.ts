import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, PreSendAction } from 'n8n-workflow';

import { asText, invalidInput, setInBody, shown } from '../../shared/input';

/*
 * preSend steps: they run per item before its request, so bad input fails that item with a
 * NodeOperationError naming the field, and nothing is sent. The agent locator's regex only
 * guards the editor; expressions and AI-filled values are checked here.
 */

export const AGENT_ID_REGEX = '^agent_[A-Za-z0-9_-]+$';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function parameter(context: IExecuteSingleFunctions, name: string): unknown {
	return context.getNodeParameter(name, '', { extractValue: true });
}

const isBlank = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

/** Fails unless the agent is an `agent_…` ID; with `optional`, an empty agent passes. */
export function requireAgentId(name: string, { optional = false } = {}): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = asText(this, parameter(this, name), 'Agent');
		if (optional && isBlank(value)) return requestOptions;
		if (isBlank(value)) invalidInput(this, 'Agent is empty. Pick an agent from the list or enter its ID.');
		if (!new RegExp(AGENT_ID_REGEX).test(value)) {
			invalidInput(
				this,
				`Agent "${shown(value)}" is not an OSVI agent ID. Agent IDs look like agent_IsZ3Q6Sf_60Eh26XQMGbz-R_og.`,
				'Find the ID on the agent’s page in the OSVI dashboard.',
			);
		}
		return requestOptions;
	};
}

/** Fails unless the session ID is a UUID; with `optional`, an empty ID passes. */
export function requireSessionId(name: string, { optional = false } = {}): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const value = asText(this, parameter(this, name), 'Session ID');
		if (optional && isBlank(value)) return requestOptions;
		if (isBlank(value)) invalidInput(this, 'Session ID is empty. Use the ID from Session → Create or Get Active.');
		if (!UUID.test(value)) {
			invalidInput(this, `Session ID "${shown(value)}" is not a UUID. Use the ID from Session → Create or Get Active.`);
		}
		return requestOptions;
	};
}

/** Fails on an empty entry in a list of texts, naming its position. */
export function requireTextEntries(name: string, label: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const entries = parameter(this, name);
		const list = Array.isArray(entries) ? entries : [];
		const blank = list.findIndex(isBlank);
		if (blank !== -1) invalidInput(this, `${label} entry ${blank + 1} is empty. Remove it or enter text.`);
		return requestOptions;
	};
}

/** The JSON object typed into a field: an object, or a string holding one. */
function parseJsonObject(context: IExecuteSingleFunctions, value: unknown, label: string): IDataObject {
	let parsed = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return {};
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			invalidInput(context, `${label} is not valid JSON.`, (error as Error).message);
		}
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
		invalidInput(context, `${label} must be a JSON object, like {"first_name": "Alex"}.`);
	}
	return parsed as IDataObject;
}

/**
 * Sends the object a user gave as key-value pairs or as JSON (see `keyValueOrJson`) under
 * `bodyProperty`, leaving it out when empty. Invalid JSON fails the item here.
 */
export function sendKeyValueOrJson(name: string, label: string, bodyProperty: string): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		let value: IDataObject;
		if (this.getNodeParameter(`${name}Mode`, 'keypair') === 'json') {
			value = parseJsonObject(this, this.getNodeParameter(`${name}Json`, '{}'), label);
		} else {
			const pairs = this.getNodeParameter(`${name}.field`, []) as Array<{ key: string; value: string }>;
			const unnamed = pairs.findIndex((p) => isBlank(p.key));
			if (unnamed !== -1) invalidInput(this, `${label} field ${unnamed + 1} has no name. Enter a name or remove it.`);
			value = Object.fromEntries(pairs.map((p) => [p.key, p.value]));
		}
		if (Object.keys(value).length) setInBody(requestOptions, bodyProperty, value);
		return requestOptions;
	};
}
