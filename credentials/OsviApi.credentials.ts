import {
	ApplicationError,
	type Icon,
	type ICredentialDataDecryptedObject,
	type ICredentialTestRequest,
	type ICredentialType,
	type IHttpRequestOptions,
	type INodeProperties,
} from 'n8n-workflow';

const TOKEN_LENGTH = 16;

export class OsviApi implements ICredentialType {
	name = 'osviApi';

	displayName = 'OSVI API';

	icon: Icon = { light: 'file:../icons/osvi.svg', dark: 'file:../icons/osvi.dark.svg' };

	documentationUrl = 'https://docs.osvi.ai/api-reference/introduction';

	properties: INodeProperties[] = [
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The 16-character token from the OSVI dashboard under Settings → API',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.osvi.ai',
			description: 'Change only to reach a proxy or a test server',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional, used only by the OSVI Trigger: deliveries must carry it in the X-OSVI-Secret header (or as ?secret=). Pick any long random string and enter the same in OSVI.',
		},
	];

	/**
	 * Adds the token to every request. A function rather than n8n's generic form, whose
	 * `={{$credentials.apiToken}}` header is an expression n8n evaluates for every request (BENCHMARKS.md).
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const token = String(credentials.apiToken ?? '');
		// OSVI tokens are 16 characters: a shorter or longer one is a copy mistake, so say so before
		// sending it (naming its length only, never the token).
		if (token.length !== TOKEN_LENGTH) {
			throw new ApplicationError(
				`The API Token in the OSVI API credential has ${token.length} characters; OSVI tokens have ${TOKEN_LENGTH}. Copy it again from the OSVI dashboard under Settings → API.`,
			);
		}
		return { ...requestOptions, headers: { ...requestOptions.headers, 'API-Token': token } };
	}

	// The cheapest authenticated call OSVI documents; a wrong token answers 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/active_agents',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'OSVI rejected the API Token. Copy a valid one (16 characters) from the OSVI dashboard under Settings → API.',
				},
			},
		],
	};
}
