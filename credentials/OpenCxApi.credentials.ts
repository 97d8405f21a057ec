import type { Icon, ICredentialDataDecryptedObject, ICredentialTestRequest, ICredentialType, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

export class OpenCxApi implements ICredentialType {
	name = 'openCxApi';

	displayName = 'open.cx API';

	icon: Icon = { light: 'file:../icons/opencx.svg', dark: 'file:../icons/opencx.dark.svg' };

	documentationUrl = 'https://docs.open.cx/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Create one in open.cx under Settings → Access. A key with custom scopes needs chat-sessions and contacts access for every operation.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.open.cx',
			description: 'Change only to reach a proxy or a test server',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional, used only by the open.cx Trigger: the shared secret its header check compares, or the key its HMAC signature check uses',
		},
	];

	/**
	 * Adds the key to every request. A function rather than n8n's generic form, whose
	 * `={{$credentials.apiKey}}` header is an expression n8n evaluates for every request (BENCHMARKS.md).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey)}` } };
	}

	// Listing sessions is read-only and needs only the chat-sessions:read scope the node uses anyway.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/chat/sessions',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'open.cx rejected the API Key. Create a valid one in open.cx under Settings → Access → Create API Key.',
				},
			},
		],
	};
}
