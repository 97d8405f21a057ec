import {
	updateDisplayOptions,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteSingleFunctions,
	type IHttpRequestOptions,
	type INodeProperties,
	type INodePropertyOptions,
	type PreSendAction,
} from 'n8n-workflow';

import { asText, invalidInput, isBlank, MAX_QUERY_TEXT, parseJsonObject, placeInRequest, shown } from './checks';

// The field factories; nodes/shared/fields/index.ts says how to use them.

/** `path` replaces `{<name>}` in the operation's URL with the URL-encoded value. */
export type Where = 'body' | 'query' | 'path';

/** One field of an operation: its property entries, and how its value reaches the request. */
export interface Field {
	properties: INodeProperties[];
	/** Reads the value once, checks it and puts it in the request; the operation's routing runs it. */
	send?: PreSendAction;
	/** Checks and puts a value already read (an option of a collection, read with its collection). */
	place?: Place;
}

export type Place = (context: IExecuteSingleFunctions, value: unknown, requestOptions: IHttpRequestOptions) => void | Promise<void>;

/** What n8n shows of a field, beyond its name, label and type. */
type Shown = Partial<
	Pick<INodeProperties, 'description' | 'placeholder' | 'hint' | 'typeOptions' | 'default' | 'modes' | 'noDataExpression'>
>;

interface Spec extends Shown {
	name: string;
	displayName: string;
	/** Where the value goes: a dotted path in the body or the query; omitted, it is only checked. */
	property?: string;
	in?: Where;
	/** Extra display conditions within the operation, such as `{ sender: ['agent'] }`; the sender skips a hidden field. */
	shownWhen?: NonNullable<IDisplayOptions['show']>;
}

const uiOf = (spec: Spec): Shown => {
	const { description, placeholder, hint, typeOptions, modes, noDataExpression } = spec;
	const ui: Shown = { description, placeholder, hint, typeOptions, modes, noDataExpression };
	for (const key of Object.keys(ui) as Array<keyof Shown>) if (ui[key] === undefined) delete ui[key];
	return ui;
};

function entry(spec: Spec, type: INodeProperties['type'], defaults: Partial<INodeProperties>): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type,
		...defaults,
		...uiOf(spec),
		...(defaults.typeOptions || spec.typeOptions ? { typeOptions: { ...defaults.typeOptions, ...spec.typeOptions } } : {}),
		...(spec.default !== undefined ? { default: spec.default } : {}),
		...(spec.shownWhen ? { displayOptions: { show: spec.shownWhen } } : {}),
	} as INodeProperties;
}

/** Whether the field's own display conditions hold for this item's node parameters. */
function shownFor(context: IExecuteSingleFunctions, shownWhen: Spec['shownWhen']): boolean {
	if (!shownWhen) return true;
	return Object.entries(shownWhen).every(([key, values]) =>
		(values as unknown[]).includes(context.getNodeParameter(key, undefined)),
	);
}

/** A sender that reads `spec.name` once (extracting a resource locator's value), for `place` to check and send. */
function sender(spec: Spec, place: Place, fallback: unknown = ''): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions) {
		if (!shownFor(this, spec.shownWhen)) return requestOptions;
		await place(this, this.getNodeParameter(spec.name, fallback, { extractValue: true }), requestOptions);
		return requestOptions;
	};
}

/** A field's sender and its value-level part, from one `place`. */
function field(spec: Spec, properties: INodeProperties[], place: Place, fallback: unknown = ''): Field {
	return { properties, send: sender(spec, place, fallback), place };
}

function send(context: IExecuteSingleFunctions, spec: Spec, requestOptions: IHttpRequestOptions, value: unknown) {
	if (spec.in === 'path') {
		requestOptions.url = (requestOptions.url ?? '').replace(`{${spec.name}}`, encodeURIComponent(String(value)));
		return;
	}
	if (!spec.property) return;
	if (spec.in === 'query' && typeof value === 'string' && value.length > MAX_QUERY_TEXT) {
		invalidInput(context, `${spec.displayName} is too long to send (${value.length} characters; at most ${MAX_QUERY_TEXT})`);
	}
	placeInRequest(requestOptions, spec.in ?? 'body', spec.property, value);
}

export interface TextSpec extends Spec {
	/** The message when the field is empty; makes the field required. */
	required?: string;
	/** Leave the property out of the request when the field is empty (otherwise '' is sent). */
	omitWhenEmpty?: boolean;
	/** A format the text must have when given, such as an email address. */
	format?: { pattern: RegExp; what: string };
}

/** A text field, sent as text: numbers and booleans become text, objects and arrays fail the item. */
export function textField(spec: TextSpec): Field {
	return field(spec, [entry(spec, 'string', { default: '', ...(spec.required ? { required: true } : {}) })], (context, value, requestOptions) => {
		const text = asText(context, value, spec.displayName);
		if (spec.required && text.trim() === '') invalidInput(context, spec.required);
		if (spec.omitWhenEmpty && text === '') return;
		if (spec.format && text !== '' && !spec.format.pattern.test(text)) {
			invalidInput(context, `${spec.displayName} must be ${spec.format.what}, got "${shown(text)}"`);
		}
		send(context, spec, requestOptions, text);
	});
}

/** What an id field says when it is empty or malformed. */
export interface IdMessages {
	empty: string;
	invalid: (shownValue: string) => string;
	emptyDescription?: string;
	invalidDescription?: string;
}

export interface IdSpec extends Spec {
	/** What a well-formed id looks like. */
	pattern: RegExp;
	messages: IdMessages;
	/** Defaults to true; an optional id that is empty is left out. */
	required?: boolean;
	/** `resourceLocator` for a picker (pass its `modes`); the sender reads the locator's value. */
	type?: 'string' | 'resourceLocator';
}

/** An id (a UUID, an `agent_…` id): checked against `pattern` before anything is sent, then sent as text. */
export function idField(spec: IdSpec): Field {
	const required = spec.required ?? true;
	const type = spec.type ?? 'string';
	const defaults = type === 'resourceLocator' ? { default: { mode: 'list', value: '' } } : { default: '' };
	return field(spec, [entry(spec, type, { ...defaults, ...(required ? { required: true } : {}) })], (context, value, requestOptions) => {
		const id = asText(context, value, spec.displayName);
		if (isBlank(id)) {
			if (!required) return;
			invalidInput(context, spec.messages.empty, spec.messages.emptyDescription);
		}
		if (!spec.pattern.test(id)) invalidInput(context, spec.messages.invalid(shown(id)), spec.messages.invalidDescription);
		send(context, spec, requestOptions, id);
	});
}

/** UUIDs of any version, in either case. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NumberSpec extends Spec {
	/** Smallest whole number accepted; defaults to 1. */
	min?: number;
	required?: boolean;
}

/** A whole number of at least `min`. */
export function numberField(spec: NumberSpec): Field {
	const min = spec.min ?? 1;
	const properties = [entry(spec, 'number', { default: min, ...(spec.required ? { required: true } : {}) })];
	return field(
		spec,
		properties,
		(context, value, requestOptions) => {
			if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
				invalidInput(
					context,
					`${spec.displayName} must be a whole number ${min === 1 ? 'above 0' : `of at least ${min}`}, got ${shown(value)}`,
				);
			}
			send(context, spec, requestOptions, value);
		},
		min,
	);
}

export interface BooleanSpec extends Spec {
	/** Send the property only when the toggle is on (APIs that do not know it otherwise). */
	onlyWhenOn?: boolean;
	/** Send `'true'`/`'false'` (a query flag) instead of a JSON boolean. */
	asText?: boolean;
}

/** A toggle; with `property`, sent as is by n8n's routing, or by a sender when only on or as text. */
export function booleanField(spec: BooleanSpec): Field {
	const property = entry(spec, 'boolean', { default: false });
	if (!spec.property) return { properties: [property] };
	if (!spec.onlyWhenOn && !spec.asText) {
		return { properties: [{ ...property, routing: { send: { type: spec.in === 'query' ? 'query' : 'body', property: spec.property } } }] };
	}
	return field(
		spec,
		[property],
		(context, value, requestOptions) => {
			if (spec.onlyWhenOn && value !== true) return;
			send(context, spec, requestOptions, spec.asText ? String(value) : value);
		},
		false,
	);
}

export interface OptionsSpec extends Spec {
	options: INodePropertyOptions[];
	required?: boolean;
}

/** A choice from fixed values; with `property`, sent as is by n8n's routing. */
export function optionsField(spec: OptionsSpec): Field {
	const property = entry(spec, 'options', { options: spec.options, ...(spec.required ? { required: true } : {}) });
	if (!spec.property) return { properties: [property] };
	return { properties: [{ ...property, routing: { send: { type: spec.in === 'query' ? 'query' : 'body', property: spec.property } } }] };
}

export interface TextListSpec extends Spec {
	/** The "Add" button's text. */
	addButtonText: string;
}

/** A list of texts (one input per entry); an empty entry fails the item, an empty list is left out. */
export function textListField(spec: TextListSpec): Field {
	const property = entry(spec, 'string', {
		default: [],
		typeOptions: { multipleValues: true, multipleValueButtonText: spec.addButtonText },
	});
	return field(
		spec,
		[property],
		(context, value, requestOptions) => {
			const list = Array.isArray(value) ? value : [];
			const blank = list.findIndex(isBlank);
			if (blank !== -1) invalidInput(context, `${spec.displayName} entry ${blank + 1} is empty. Remove it or enter text.`);
			if (list.length) send(context, spec, requestOptions, list);
		},
		[],
	);
}

/** An optional date and time, sent as ISO 8601 (n8n's picker gives local times without an offset). */
export function dateField(spec: Spec): Field {
	return field(spec, [entry(spec, 'dateTime', { default: '' })], (context, value, requestOptions) => {
		if (value === '' || value === null || value === undefined) return;
		const time = Date.parse(String(value));
		if (Number.isNaN(time)) {
			invalidInput(context, `${spec.displayName} must be a date such as 2026-01-31T00:00:00Z, got "${shown(value)}"`);
		}
		send(context, spec, requestOptions, new Date(time).toISOString());
	});
}

export interface JsonSpec extends Spec {
	/** Words the problem with what was typed: not JSON at all, or JSON that is not an object. */
	messages: { notJson: (detail: string) => string; notObject: (got: string) => string };
	/** More checks on the parsed object (flat values, say); throws with invalidInput. */
	check?: (context: IExecuteSingleFunctions, object: IDataObject) => void;
}

/** A JSON object typed as text or given by an expression; empty (or {}) sends nothing. */
export function jsonField(spec: JsonSpec): Field {
	return field(spec, [entry(spec, 'json', { default: '{}' })], (context, value, requestOptions) => {
		const parsed = parseJsonObject(value);
		if ('problem' in parsed) {
			invalidInput(context, parsed.problem === 'notJson' ? spec.messages.notJson(parsed.detail) : spec.messages.notObject(parsed.got));
		}
		const object = parsed.object;
		if (!object || !Object.keys(object).length) return;
		spec.check?.(context, object);
		send(context, spec, requestOptions, object);
	});
}

export interface CollectionSpec extends Spec {
	/** The collection's options; each is sent when the user added it. */
	options: Field[];
	placeholder: string;
	/** Fail with "Add at least one field under <displayName>" when nothing is filled in. */
	requireOne?: boolean;
}

const filled = (value: unknown) => {
	if (typeof value === 'string') return !['', '{}'].includes(value.replace(/\s/g, ''));
	if (value && typeof value === 'object') return Object.keys(value).length > 0;
	return value !== undefined && value !== null;
};

/** n8n's "Add Option" collection, read once with all its options; each option added is checked and sent. */
export function collectionField(spec: CollectionSpec): Field {
	// An option is there only once the user adds it: n8n would call a `required` one missing everywhere else.
	const options = spec.options.flatMap((option) => option.properties).map(({ required, ...option }) => option);
	return field(
		spec,
		[entry(spec, 'collection', { default: {}, options })],
		async (context, value, requestOptions) => {
			const values = (value ?? {}) as IDataObject;
			if (spec.requireOne && !Object.values(values).some(filled)) {
				invalidInput(context, `Add at least one field under ${spec.displayName}`);
			}
			for (const option of spec.options) {
				const name = option.properties[0].name;
				if (name in values) await option.place?.(context, values[name], requestOptions);
			}
		},
		{},
	);
}

export interface KeyValueOrJsonSpec extends Spec {
	property: string;
	description: string;
	/** A small example object for the error message, such as {"first_name": "Alex"}. */
	example: string;
}

/**
 * An object the user gives either as key-value pairs or as JSON: three entries (`<name>Mode`,
 * `<name>`, `<name>Json`), sent under `property` unless empty. Invalid JSON fails the item.
 */
export function keyValueOrJsonField(spec: KeyValueOrJsonSpec): Field {
	const { name, displayName, description } = spec;
	const mode = `${name}Mode`;
	const label = displayName;
	return {
		properties: [
			{
				displayName: `Specify ${displayName}`,
				name: mode,
				type: 'options',
				default: 'keypair',
				options: [
					{ name: 'Using Fields Below', value: 'keypair' },
					{ name: 'Using JSON', value: 'json' },
				],
			},
			{
				displayName,
				name,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Field',
				description,
				displayOptions: { show: { [mode]: ['keypair'] } },
				options: [
					{
						displayName: 'Field',
						name: 'field',
						values: [
							{ displayName: 'Name', name: 'key', type: 'string', default: '', placeholder: 'first_name' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '', placeholder: 'Alex' },
						],
					},
				],
			},
			{
				displayName: `${displayName} (JSON)`,
				name: `${name}Json`,
				type: 'json',
				default: '{}',
				description: `${description}, as a JSON object`,
				displayOptions: { show: { [mode]: ['json'] } },
			},
		],
		async send(this: IExecuteSingleFunctions, requestOptions) {
			let value: IDataObject;
			if (this.getNodeParameter(mode, 'keypair') === 'json') {
				const parsed = parseJsonObject(this.getNodeParameter(`${name}Json`, '{}'));
				if ('problem' in parsed) {
					if (parsed.problem === 'notJson') invalidInput(this, `${label} is not valid JSON.`, parsed.detail);
					invalidInput(this, `${label} must be a JSON object, like ${spec.example}.`);
				}
				value = parsed.object ?? {};
			} else {
				const pairs = this.getNodeParameter(`${name}.field`, []) as Array<{ key: string; value: string }>;
				const unnamed = pairs.findIndex((p) => isBlank(p.key));
				if (unnamed !== -1) invalidInput(this, `${label} field ${unnamed + 1} has no name. Enter a name or remove it.`);
				value = Object.fromEntries(pairs.map((p) => [p.key, p.value]));
			}
			if (Object.keys(value).length) send(this, spec, requestOptions, value);
			return requestOptions;
		},
	};
}

export interface CustomSpec extends Spec {
	type: INodeProperties['type'];
	required?: boolean;
}

/** A field with a check of its own (a format one API wants): `place` checks the value read once and puts it in the request. */
export function customField(spec: CustomSpec, place: Place): Field {
	return field(spec, [entry(spec, spec.type, { default: '', ...(spec.required ? { required: true } : {}) })], place);
}

/** A field shown as it is, read by the node's own code (Simplify, a notice): no sender. */
export function plainField(property: INodeProperties): Field {
	return { properties: [property] };
}

/** The fields of one operation, as its file exports them. */
export interface OperationFields {
	/** Shown only for this operation (updateDisplayOptions). */
	properties: INodeProperties[];
	/** The fields' senders, in order, for the operation option's `routing.send.preSend`. */
	preSend: PreSendAction[];
}

export function operationFields(show: { resource: string; operation: string }, fields: Field[]): OperationFields {
	return {
		properties: updateDisplayOptions(
			{ show: { resource: [show.resource], operation: [show.operation] } },
			fields.flatMap((field) => field.properties),
		),
		preSend: fields.flatMap((field) => (field.send ? [field.send] : [])),
	};
}

