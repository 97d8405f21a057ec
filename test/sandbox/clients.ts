// axios clients for the sandbox's own tests: never throw on a status, so tests assert on it.
import axios, { AxiosInstance } from 'axios';
import { DEMO, Sandbox } from './index';

export function osviClient(sandbox: Sandbox, token: string | null = DEMO.osviToken): AxiosInstance {
	return axios.create({
		baseURL: sandbox.osviUrl,
		headers: token === null ? {} : { 'API-Token': token },
		validateStatus: () => true,
	});
}

export function openCxClient(sandbox: Sandbox, key: string | null = DEMO.opencxKey): AxiosInstance {
	return axios.create({
		baseURL: sandbox.opencxUrl,
		headers: key === null ? {} : { Authorization: `Bearer ${key}` },
		validateStatus: () => true,
	});
}
