import { sleep, type IExecuteSingleFunctions, type IHttpRequestOptions, type INodeExecutionData } from 'n8n-workflow';

import { currentTry } from '../preflight';
import { mayHaveBeenDone } from './retries';

/** The parts of a routed request that say what it sends. */
type Options = Pick<IHttpRequestOptions, 'method' | 'qs' | 'body'> & { url?: string };

/*
 * n8n's node setting Retry On Fail runs the whole node again when it fails: WorkflowExecute's try
 * loop (2 to 5 tries, up to 5 s apart) calls the node again in the same execution and process (a
 * queue-mode worker included) with the same execute data object. Kept here, keyed on that object, is
 * what each item's send did in an earlier try; it is freed with the execution. In a later try:
 *
 * - a send the API answered is not sent again: the item gets its earlier result (or, when a step
 *   after the answer failed, such as waiting for the AI's reply, its earlier error);
 * - a send the API may have acted on (timeout, lost connection, a 5xx it did not call a refusal)
 *   is not sent again either: its earlier error says to check in the API;
 * - a send the API turned down (4xx, 429, 503, a refusal) is sent again.
 *
 * Only sends (POST, PATCH, DELETE) are kept; an item is recognised by its index and its request,
 * so a different request from the same item (an AI Agent's next tool call) is sent.
 */

type Earlier = { request: string } & (
	| { items: INodeExecutionData[] }
	| { error: object; delivered: boolean; description: string | undefined }
);

const earlierSends = new WeakMap<object, Map<number, Earlier>>();

/** Items whose send the API answered with success in the current attempt, by execute data. */
const answeredItems = new WeakMap<object, Set<number>>();

const executeDataOf = (context: IExecuteSingleFunctions) => context.getExecuteData() as object;

const requestOf = (options: Options) =>
	JSON.stringify([options.method ?? 'GET', options.url, options.qs ?? {}, options.body ?? null]);

/** Called by each node's error check once the API answered the item's request with success. */
export function noteAnswered(context: IExecuteSingleFunctions): void {
	const key = executeDataOf(context);
	let answered = answeredItems.get(key);
	if (!answered) answeredItems.set(key, (answered = new Set()));
	answered.add(context.getItemIndex());
}

/** What this item's identical send did in an earlier try of this node run, if anything. */
export function earlierSend(context: IExecuteSingleFunctions, options: Options): Earlier | undefined {
	const earlier = earlierSends.get(executeDataOf(context))?.get(context.getItemIndex());
	return earlier && earlier.request === requestOf(options) ? earlier : undefined;
}

function keep(context: IExecuteSingleFunctions, earlier: Earlier): void {
	const key = executeDataOf(context);
	let sends = earlierSends.get(key);
	if (!sends) earlierSends.set(key, (sends = new Map()));
	sends.set(context.getItemIndex(), earlier);
}

export function startSend(context: IExecuteSingleFunctions): void {
	answeredItems.get(executeDataOf(context))?.delete(context.getItemIndex());
}

export function keepDelivered(context: IExecuteSingleFunctions, options: Options, items: INodeExecutionData[]): void {
	keep(context, { request: requestOf(options), items });
}

/**
 * Keeps a failed send that reached the API, or may have: answered before a later step failed, or
 * given up on without knowing. Says so on the error, and returns whether it was delivered.
 */
export function keepFailure(context: IExecuteSingleFunctions, options: Options, error: unknown, apiName: string): Delivery {
	const delivered = answeredItems.get(executeDataOf(context))?.has(context.getItemIndex()) === true;
	const maybe = !delivered && mayHaveBeenDone(error);
	if ((delivered || maybe) && typeof error === 'object' && error !== null) {
		const described = error as { description?: string | null };
		if (delivered) described.description = [described.description, deliveredSentence(apiName)].filter(Boolean).join(' ');
		keep(context, { request: requestOf(options), error, delivered, description: described.description ?? undefined });
	}
	return delivered ? 'yes' : maybe ? 'maybe' : 'no';
}

const deliveredSentence = (apiName: string) =>
	`${apiName} answered the request, so it was delivered; a later step failed. n8n’s Retry On Fail does not send it again.`;

/** An earlier try's error, as it was then (without that try's summary), for a later try to throw again. */
export function earlierError(earlier: { error: object; description: string | undefined }): object {
	(earlier.error as { description?: string | null }).description = earlier.description;
	return earlier.error;
}

export type Delivery = 'yes' | 'maybe' | 'no';

/*
 * Which items of this try were delivered, for the error that stops the node: RoutingNode throws the
 * first failed item's error only after every item settled, so that error waits for the others and
 * names them.
 */

interface TryOutcomes {
	delivered: Map<number, Delivery>;
	waiting: Array<() => void>;
}

const outcomes = new WeakMap<object, TryOutcomes>();

const SETTLE_IDLE_MS = 5000;

function outcomesOf(run: object): TryOutcomes {
	let tried = outcomes.get(run);
	if (!tried) outcomes.set(run, (tried = { delivered: new Map(), waiting: [] }));
	return tried;
}

/** Records how the item's send ended in this try. */
export function settleSend(context: IExecuteSingleFunctions, delivery: Delivery): void {
	const current = currentTry(context);
	if (!current) return;
	const tried = outcomesOf(current.run);
	tried.delivered.set(context.getItemIndex(), delivery);
	if (tried.delivered.size < current.checkedItems) return;
	for (const resume of tried.waiting.splice(0)) resume();
}

const itemList = (indexes: number[]) =>
	indexes.length === 1
		? `item ${indexes[0]}`
		: `items ${indexes.slice(0, -1).join(', ')} and ${indexes[indexes.length - 1]}`;

/** Once every item of this try settled: which were delivered, or may have been, in words. */
export async function deliverySummary(context: IExecuteSingleFunctions): Promise<string | undefined> {
	const current = currentTry(context);
	if (!current || current.checkedItems < 2) return undefined;
	const tried = outcomesOf(current.run);
	// An item answered without reaching this code never settles here: after SETTLE_IDLE_MS without
	// news, say what is known.
	while (tried.delivered.size < current.checkedItems) {
		const before = tried.delivered.size;
		await Promise.race([new Promise<void>((resume) => tried.waiting.push(resume)), sleep(SETTLE_IDLE_MS)]);
		if (tried.delivered.size === before) break;
	}
	const by = (wanted: Delivery) =>
		[...tried.delivered].filter(([, delivery]) => delivery === wanted).map(([index]) => index).sort((a, b) => a - b);
	const yes = by('yes');
	const maybe = by('maybe');
	const no = by('no');
	const unknown = current.checkedItems - tried.delivered.size;
	const parts = [
		yes.length ? `delivered: ${itemList(yes)}` : 'delivered: none',
		maybe.length ? `may have been delivered: ${itemList(maybe)}` : '',
		no.length ? `not delivered: ${itemList(no)}` : '',
		unknown > 0 ? `${unknown} not known here` : '',
	].filter(Boolean);
	return `Of the ${current.checkedItems} items, ${parts.join('; ')}. n8n’s Retry On Fail sends again only the items not delivered.`;
}
