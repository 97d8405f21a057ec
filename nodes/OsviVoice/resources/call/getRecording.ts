import { updateDisplayOptions } from 'n8n-workflow';

import { callId } from '../../shared/descriptions';

export const getRecordingDescription = updateDisplayOptions(
	{ show: { resource: ['call'], operation: ['getRecording'] } },
	[
		callId,
		{
			displayName: 'Download',
			name: 'download',
			type: 'boolean',
			default: false,
			description:
				'Whether to download the audio into a binary property; the link OSVI returns expires after 15 minutes',
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the output binary field to put the recording in',
			displayOptions: { show: { download: [true] } },
		},
	],
);
