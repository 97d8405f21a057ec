import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				'API-Token': '={{$credentials.apiToken}}',
			},
		},
	};

	// The cheapest authenticated call OSVI documents; a wrong token answers 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v1/active_agents',
			method: 'GET',
		},
	};
}
