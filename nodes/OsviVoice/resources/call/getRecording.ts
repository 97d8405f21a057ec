import { booleanField, operationFields, plainField } from '../../../shared/fields';
import { callId } from '../../shared/fields';

export const fields = operationFields({ resource: 'call', operation: 'getRecording' }, [
	callId,
	booleanField({
		displayName: 'Download',
		name: 'download',
		description: 'Whether to download the audio into a binary property; the link OSVI returns expires after 15 minutes',
	}),
	plainField({
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the output binary field to put the recording in',
		displayOptions: { show: { download: [true] } },
	}),
]);
