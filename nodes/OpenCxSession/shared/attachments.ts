import type { IDataObject, IExecuteSingleFunctions, PreSendAction } from 'n8n-workflow';

import { asText, invalidInput, setInBody } from '../../shared/fields/checks';

interface AttachmentParameter {
	source?: 'binary' | 'url';
	binaryPropertyName?: string;
	url?: string;
	name?: string;
	mimeType?: string;
}

async function fromBinary(context: IExecuteSingleFunctions, attachment: AttachmentParameter): Promise<IDataObject> {
	const property = attachment.binaryPropertyName || 'data';
	const binary = context.helpers.assertBinaryData(property);
	const buffer = await context.helpers.getBinaryDataBuffer(property);
	return {
		name: attachment.name || binary.fileName || 'attachment',
		mime_type: attachment.mimeType || binary.mimeType || 'application/octet-stream',
		base64: buffer.toString('base64'),
	};
}

function fromUrl(context: IExecuteSingleFunctions, attachment: AttachmentParameter, position: number): IDataObject {
	let url: URL | undefined;
	try {
		url = new URL(attachment.url ?? '');
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol)) {
		invalidInput(context, `Attachment ${position} needs an http(s) URL, got "${attachment.url ?? ''}"`);
	}
	if (!attachment.mimeType) invalidInput(context, `Attachment ${position} needs a MIME Type, e.g. application/pdf`);
	const lastSegment = decodeURIComponent(url.pathname.split('/').pop() ?? '');
	return { name: attachment.name || lastSegment || 'attachment', mime_type: attachment.mimeType, url: url.href };
}

/**
 * Builds `message.attachments` from the input item's binary data (sent as base64) or from URLs,
 * and makes sure the message has text or at least one attachment.
 */
export const buildAttachments: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const list = this.getNodeParameter('attachments.attachment', []) as AttachmentParameter[];
	const attachments: IDataObject[] = [];
	for (const [index, attachment] of list.entries()) {
		attachments.push(
			attachment.source === 'url' ? fromUrl(this, attachment, index + 1) : await fromBinary(this, attachment),
		);
	}
	const text = asText(this, this.getNodeParameter('text', ''), 'Text');
	if (text.trim() === '' && attachments.length === 0) {
		invalidInput(this, 'Text must not be empty when the message has no attachments');
	}
	if (attachments.length) setInBody(requestOptions, 'message.attachments', attachments);
	return requestOptions;
};
