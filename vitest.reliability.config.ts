// `npm run test:reliability`: crash, concurrency, hostile input, backup and read-load tests
// against the built server (tests/reliability). Kept out of the default `vitest run`: each file
// starts its own server on its own copy of the demo database, so they run one at a time.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	// The allow/deny matrix's set-up (shared with the hostile-input test) writes through the app's
	// services, which import `$lib/…` as SvelteKit resolves it.
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		globalSetup: ['tests/reliability/global-setup.ts'],
		environment: 'node',
		expect: { requireAssertions: true },
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 60_000
	}
});
