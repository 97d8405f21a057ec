// The rule sets n8n's package scanner applies: eslint-plugin-n8n-nodes-base (community,
// credentials, nodes) and @n8n/eslint-plugin-community-nodes (recommended).
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const base = { 'n8n-nodes-base': n8nNodesBase };
const rulesOf = (name) => n8nNodesBase.configs[name].rules;

export default [
	{ ignores: ['dist/**', 'node_modules/**', '.tmp/**', '*.js', '*.mjs'] },
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
	// Tests and development scripts: a light set of mistakes that no type check catches.
	{
		files: ['test/**/*.ts', 'scripts/**/*.ts'],
		languageOptions: { parser: tsParser, parserOptions: { sourceType: 'module' } },
	},
	{
		files: ['test/**/*.js', 'scripts/**/*.js'],
		languageOptions: { sourceType: 'commonjs', ecmaVersion: 2022 },
	},
	{
		files: ['test/**/*.{ts,js}', 'scripts/**/*.{ts,js}'],
		rules: {
			'no-debugger': 'error',
			'no-dupe-keys': 'error',
			'no-duplicate-case': 'error',
			'no-self-compare': 'error',
			'no-unreachable': 'error',
			'no-unsafe-finally': 'error',
			'no-var': 'error',
			'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
			eqeqeq: ['error', 'smart'],
			// A focused or skipped test passes CI while leaving the rest unrun.
			'no-restricted-properties': [
				'error',
				...['describe', 'test', 'it'].flatMap((object) => [
					{ object, property: 'only', message: 'A focused test leaves the others unrun.' },
					{ object, property: 'skip', message: 'A skipped test is not run; delete it or fix it.' },
				]),
			],
		},
	},
];

// package.json is linted as a JS expression so the community rules can read its AST.
function jsonParser(code) {
	return tsParser.parseForESLint(`(${code})`, { range: true, loc: true, comment: true, tokens: true });
}
