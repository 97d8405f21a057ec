// The rule sets n8n's package scanner applies: eslint-plugin-n8n-nodes-base (community,
// credentials, nodes) and @n8n/eslint-plugin-community-nodes (recommended).
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const base = { 'n8n-nodes-base': n8nNodesBase };
const rulesOf = (name) => n8nNodesBase.configs[name].rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', '*.js', '*.mjs'] },
	{
		files: ['package.json'],
		languageOptions: { parser: { parseForESLint: jsonParser } },
		plugins: base,
		rules: rulesOf('community'),
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: base,
		rules: {
			...rulesOf('credentials'),
			// Wants a camelCase slug of n8n's own docs; community credentials must link a real URL
			// (cred-class-field-documentation-url-not-http-url and the scanner's rule both say so).
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: base,
		rules: {
			...rulesOf('nodes'),
			// These predate NodeConnectionTypes and demand the string 'main', which the scanner's
			// node-connection-type-literal rule forbids; the scanner's rule wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{ ...communityNodes.configs.recommended, files: ['package.json', 'credentials/**/*.ts', 'nodes/**/*.ts'] },
];

// package.json is linted as a JS expression so the community rules can read its AST.
function jsonParser(code) {
	return tsParser.parseForESLint(`(${code})`, { range: true, loc: true, comment: true, tokens: true });
}
