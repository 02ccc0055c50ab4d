import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Kysely's statement builders: where a query starts (`db.selectFrom(…)`, `trx.with(…)`). */
const QUERY_BUILDER =
	'/^(selectFrom|selectNoFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|with|withRecursive)$/';

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Database and secrets must never reach client code (house style, boundaries).
		files: ['src/lib/components/**', 'src/lib/charts/**', 'src/lib/domain/**', 'src/**/*.svelte'],
		rules: {
			'no-restricted-imports': [
				'error',
				{ patterns: [{ group: ['$lib/server/*', '**/server/**'], message: 'server-only module' }] }
			]
		}
	},
	{
		// All SQL lives in src/lib/server/queries (house style, "Where SQL lives"): services hold
		// the transaction and call query functions with it; routes call query functions.
		files: [
			'src/lib/server/services/**/*.ts',
			'src/lib/server/budget-import/**/*.ts',
			'src/routes/**/*.ts'
		],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: [
						{
							name: 'kysely',
							importNames: ['sql'],
							message: 'SQL belongs in src/lib/server/queries/.'
						}
					]
				}
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: `MemberExpression[property.name=${QUERY_BUILDER}]`,
					message: 'SQL belongs in src/lib/server/queries/: call a query function.'
				},
				{
					selector: `MemberExpression[property.value=${QUERY_BUILDER}]`,
					message: 'SQL belongs in src/lib/server/queries/: call a query function.'
				},
				{
					selector: "TaggedTemplateExpression[tag.name='sql']",
					message: 'SQL belongs in src/lib/server/queries/: call a query function.'
				},
				{
					selector: "MemberExpression[object.name='sql']",
					message: 'SQL belongs in src/lib/server/queries/: call a query function.'
				}
			]
		}
	},
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			// The bench's output, with the extraction child it bundles for plain Node.
			'bench-results/',
			'src/lib/paraglide/',
			// Built by scripts/build-charts.mjs from src/lib/charts/draw.ts.
			'static/charts.js',
			'project.inlang/'
		]
	}
);
