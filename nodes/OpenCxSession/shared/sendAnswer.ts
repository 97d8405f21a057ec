import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { readSendResponse, sendTimeOf, waitForAiReply } from './aiReply';

/**
 * Reads the AI's reply and the handed-off flag from whichever response shape open.cx used, and with
 * Wait for AI Reply polls the history when the answer is only an ack. With Simplify (the default)
 * the item is `{messageId, aiReply, handedOff, aiReplyTimedOut}`; without, open.cx's whole answer
 * with those fields added.
 */
export async function sendAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const body = items[0]?.json;
	const outcome = readSendResponse(this, body);
	const sender = this.getNodeParameter('sender', 'contact') as string;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const waiting = sender === 'contact' && options.waitForAiReply === true;
	const result: IDataObject = { ...outcome, ...(waiting ? { aiReplyTimedOut: false } : {}), ...body };

	if (waiting && outcome.aiReply === null && outcome.handedOff !== true) {
		const sent = {
			id: outcome.messageId,
			sentAt: sendTimeOf(this),
			text: String(this.getNodeParameter('text', '') ?? ''),
		};
		const wait = await waitForAiReply(
			this,
			this.getNodeParameter('sessionId', '', { extractValue: true }) as string,
			sent,
			Number(options.replyTimeout ?? 30) * 1000,
			Number(options.pollInterval ?? 1000),
		);
		result.aiReply = wait.aiReply;
		result.handedOff = wait.handedOff ?? outcome.handedOff;
		result.aiReplyTimedOut = wait.timedOut;
	}
	if (!this.getNodeParameter('simplify', true)) return [{ json: result }];
	const { messageId, aiReply, handedOff, aiReplyTimedOut = false } = result;
	return [{ json: { messageId, aiReply, handedOff, aiReplyTimedOut } }];
}
