import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './paraglide.options.js';

const integration = {
	include: ['tests/integration/**/*.test.ts'],
	setupFiles: ['tests/helpers/integration-setup.ts']
};

export default defineConfig({
	plugins: [
		// Under Vitest the messages come from `node scripts/i18n.mjs` (npm prepare, scripts/test.mjs):
		// the plugin's compile leaves file handles open and stalls Vitest's exit.
		process.env.VITEST ? [] : paraglideVitePlugin(paraglideOptions),
		sveltekit()
	],
	test: {
		environment: 'node',
		expect: { requireAssertions: true },
		pool: 'forks',
		projects: [
			{ extends: true as const, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			// `*.postgres.test.ts` are about PostgreSQL alone: they run only in the project below.
			{
				extends: true as const,
				test: {
					name: 'integration',
					...integration,
					exclude: ['tests/integration/**/*.postgres.test.ts']
				}
			},
			// The same integration tests again on PostgreSQL whenever TEST_DATABASE_URL names a
			// server (CI starts one): each test gets its own database, dropped afterwards.
			...(process.env.TEST_DATABASE_URL
				? [
						{
							extends: true as const,
							test: {
								name: 'integration-postgres',
								...integration,
								env: { AHADI_TEST_DIALECT: 'postgres' },
								globalSetup: ['tests/helpers/pg-global-setup.ts']
							}
						}
					]
				: [])
		]
	}
});
