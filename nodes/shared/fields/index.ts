/*
 * Field factories: each field is written once, as one spec, and the factory builds both what n8n
 * shows (one property entry per parameter name) and how the value reaches the request, with its
 * check. Usage, in an operation file:
 *
 *   const content = textField({
 *     name: 'content', displayName: 'Content', property: 'content', in: 'body',
 *     required: 'Content is empty. Enter the customer’s message.', description: 'The customer’s message text',
 *   });
 *   export const fields = operationFields({ resource: 'message', operation: 'send' }, [agent, content, simplify]);
 *
 * and in the resource's index, the operation option runs the fields' senders:
 *
 *   routing: { request: { method: 'POST', url: '/v1/chat/inbound' }, send: { preSend: fields.preSend }, output: … }
 *   …fields.properties
 *
 * Why the senders sit on the operation option and not on each field: RoutingNode reads every field
 * that has `routing` once in its main pass and once more in its base-URL check, and each read of an
 * expression is an evaluation in n8n's expression sandbox. A field without `routing`, sent by a
 * preSend step that reads it once, costs one evaluation less per item. Fields whose value needs no
 * check (options, plain booleans) keep n8n's own `routing.send`.
 *
 * `property` is a dotted path in the body or query (`message.text`); without `property` a field is
 * only checked (its value goes into the URL through the operation's `request.url`). The same spec
 * with another `property` or `in` is the same property entry: the node's properties keep one entry
 * per name (see oneEntryPerName), unless what n8n shows differs (a field one operation makes optional).
 */

import { plainField } from './factories';

export * from './factories';
export { oneEntryPerName } from './oneEntryPerName';
export { keepLimit, returnAllAndLimit, returnAllAndLimitFields } from './returnAllAndLimit';

/** What n8n's Retry On Fail does to a send, shown on the operations that send a customer's message. */
export const retryOnFailNotice = plainField({
	displayName:
		'With Settings → Retry On Fail, a message already delivered is not sent again in that execution. Retrying a failed execution from the Executions list starts a new execution, which sends every message again.',
	name: 'retryOnFailNotice',
	type: 'notice',
	default: '',
});
