import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IDataObject,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

import { OpenCxApi } from '../../credentials/OpenCxApi.credentials';
import { OsviApi } from '../../credentials/OsviApi.credentials';

/** The package's real credential classes, by credential type name. */
export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[new OsviApi(), new OpenCxApi()].map((type) => [type.name, type]),
);

export type CredentialStore = Record<string, ICredentialDataDecryptedObject>;

/** Fills in the defaults a user would get in the UI for fields they did not set. */
export function withDefaults(typeName: string, data: ICredentialDataDecryptedObject) {
	const type = credentialTypes[typeName];
	if (!type) throw new Error(`Unknown credential type ${typeName}`);
	const defaults = Object.fromEntries(type.properties.map((p) => [p.name, p.default]));
	return { ...defaults, ...data } as ICredentialDataDecryptedObject;
}

/**
 * Stands in for n8n's CredentialsHelper (packages/cli) with an in-memory store. Like the real one it
 * applies a credential's generic `authenticate` by resolving its `={{$credentials.x}}` expressions,
 * so tests see exactly the auth headers n8n would send.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly store: CredentialStore) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (!authenticate) return options;
		if (typeof authenticate === 'function') return await authenticate(credentials, options);

		const resolve = (value: unknown) => {
			if (typeof value !== 'string' || !value.startsWith('=')) return value;
			if (!workflow || !node) throw new Error('Cannot resolve credential expression without a workflow');
			return workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
		};
		for (const target of ['headers', 'qs', 'body'] as const) {
			const entries = authenticate.properties[target];
			if (!entries) continue;
			const resolved = Object.fromEntries(
				Object.entries(entries).map(([key, value]) => [key, resolve(value)]),
			);
			(options as unknown as IDataObject)[target] = { ...((options[target] as object) ?? {}), ...resolved };
		}
		return options;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject> {
		return credentials;
	}

	async runPreAuthentication(
		_helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject> {
		return credentials;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by the harness');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.store[type];
		if (!data) throw new Error(`The harness has no credentials of type ${type}`);
		return withDefaults(type, data);
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return credentialTypes[type]?.properties ?? [];
	}
}
