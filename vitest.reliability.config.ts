// `npm run test:reliability`: crash, concurrency, hostile input, backup and read-load tests
// against the built server (tests/reliability). Kept out of the default `vitest run`: each file
// starts its own server on its own copy of the demo database, so they run one at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
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
