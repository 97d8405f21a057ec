import type { IDataObject, IExecuteSingleFunctions, PreSendAction } from 'n8n-workflow';

import type { Field } from '../../shared/fields';
import { invalidInput, setInBody } from '../../shared/fields/checks';

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
 * and makes sure the message has text (already in the body, from Text) or at least one attachment.
 */
const buildAttachments: PreSendAction = async function (this: IExecuteSingleFunctions, requestOptions) {
	const list = this.getNodeParameter('attachments.attachment', []) as AttachmentParameter[];
	const attachments: IDataObject[] = [];
	for (const [index, attachment] of list.entries()) {
		attachments.push(
			attachment.source === 'url' ? fromUrl(this, attachment, index + 1) : await fromBinary(this, attachment),
		);
	}
	const message = ((requestOptions.body as IDataObject | undefined)?.message ?? {}) as IDataObject;
	const text = typeof message.text === 'string' ? message.text : '';
	if (text.trim() === '' && attachments.length === 0) {
		invalidInput(this, 'Text must not be empty when the message has no attachments');
	}
	if (attachments.length) setInBody(requestOptions, 'message.attachments', attachments);
	return requestOptions;
};

/** Message → Send's Attachments: the files, and the sender that builds them. */
export const attachments: Field = {
	properties: [
		{
			displayName: 'Attachments',
			name: 'attachments',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Attachment',
			default: {},
			description: 'Files to send with the message, from the input binary data or by URL',
			options: [
				{
					displayName: 'Attachment',
					name: 'attachment',
					values: [
						{
							displayName: 'File Name',
							name: 'name',
							type: 'string',
							default: '',
							description: "Name shown for the file; defaults to the binary file's name or the URL's last part",
						},
						{
							displayName: 'Input Binary Field',
							name: 'binaryPropertyName',
							type: 'string',
							default: 'data',
							description: 'Name of the binary field on the input item that holds the file',
							displayOptions: { show: { source: ['binary'] } },
						},
						{
							displayName: 'MIME Type',
							name: 'mimeType',
							type: 'string',
							default: '',
							placeholder: 'e.g. application/pdf',
							description: "Type of the file; defaults to the binary data's type, and is required for a URL",
						},
						{
							displayName: 'Source',
							name: 'source',
							type: 'options',
							options: [
								{ name: 'Binary Data', value: 'binary', description: 'A file on the input item, sent as base64' },
								{ name: 'URL', value: 'url', description: 'A file open.cx downloads from a public URL' },
							],
							default: 'binary',
						},
						{
							displayName: 'URL',
							name: 'url',
							type: 'string',
							default: '',
							placeholder: 'e.g. https://example.com/invoice.pdf',
							displayOptions: { show: { source: ['url'] } },
						},
					],
				},
			],
		},
	],
	send: buildAttachments,
};
