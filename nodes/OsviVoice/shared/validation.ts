import { shown } from '../../shared/fields/checks';
import { COUNTRIES } from './countries';

/*
 * The rules OSVI Voice checks input against before anything is sent, given how to fail, so the
 * routed operations' senders and Add Contacts (which reads its items itself) share them. Each
 * returns the value to send.
 */

export type Fail = (message: string, description?: string) => never;

const COUNTRY_CODES = new Set(COUNTRIES.map(([code]) => code));
/** Spaces, dots, dashes and brackets people type inside phone numbers. */
const SEPARATORS = /[\s().-]/g;

export const checks = {
	/** A UUID (read endpoints) or `call_…` (the docs' Start example): both documented shapes. */
	CALL_ID: /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|call_[A-Za-z0-9_-]+)$/i,
	CAMPAIGN_ID: /^\d+$/,
	MAX_GREETING: 2000,

	/** A national number for `POST /v1/call`: digits only, no country code. */
	nationalPhone(value: string, fail: Fail): string {
		const compact = value.replace(SEPARATORS, '');
		if (compact === '') fail('Phone Number is empty. Enter the number to call, without the country code.');
		if (compact.startsWith('+')) {
			fail(
				`Phone Number "${shown(value)}" includes a country code. Enter the number without it, such as 9876543210, and pick the country in Country Code.`,
			);
		}
		if (!/^\d+$/.test(compact)) fail(`Phone Number "${shown(value)}" may contain only digits, such as 9876543210.`);
		if (compact.length < 4 || compact.length > 15) {
			fail(`Phone Number "${shown(value)}" has ${compact.length} digits; a phone number has 4 to 15.`);
		}
		return compact;
	},

	/** A campaign or DND number: digits with an optional leading +, as OSVI normalises them. */
	anyPhone(value: string, label: string, fail: Fail): string {
		const compact = value.replace(SEPARATORS, '');
		if (compact === '') fail(`${label} is empty. Enter a phone number, such as 9876543210 or +919876543210.`);
		if (!/^\+?\d{4,15}$/.test(compact)) {
			fail(`${label} "${shown(value)}" is not a phone number: use digits with an optional leading +, such as +919876543210.`);
		}
		return compact;
	},

	countryCode(value: string, fail: Fail): string {
		const code = value.trim().toUpperCase();
		if (!COUNTRY_CODES.has(code)) {
			fail(`Country Code "${shown(value)}" is not an ISO 3166-1 alpha-2 country code. Use two letters, such as IN or US.`);
		}
		return code;
	},

	campaignId(value: string, fail: Fail): string {
		const id = value.trim();
		if (!checks.CAMPAIGN_ID.test(id)) {
			fail(`Campaign ID "${shown(value)}" is not a campaign ID. Campaign IDs are whole numbers; copy it from the OSVI dashboard.`);
		}
		return id;
	},

	/** A bare date (read in IST by OSVI) or an ISO-8601 timestamp. */
	date(value: string, label: string, fail: Fail): string {
		const text = value.trim();
		const isDate = /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
		const isTimestamp = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text));
		if (!isDate && !isTimestamp) {
			fail(`${label} "${shown(value)}" is not a date. Use 2026-06-01, or a time such as 2026-06-01T09:30:00+05:30.`);
		}
		return text;
	},

	webhookUrl(value: string, fail: Fail): string {
		const text = value.trim();
		let url: URL | undefined;
		try {
			url = new URL(text);
		} catch {
			url = undefined;
		}
		if (!url || !['http:', 'https:'].includes(url.protocol) || url.hostname === '') {
			fail(`Webhook URL "${shown(value)}" is not an http or https URL, such as https://example.com/osvi-calls.`);
		}
		return text;
	},
};
