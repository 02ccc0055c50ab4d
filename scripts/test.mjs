// `npm test`: the whole suite. Unit and integration tests (Vitest), then end-to-end tests
// (Playwright) against the production build in Debian's Chromium.
import { bin, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run(bin('svelte-kit'), ['sync']);
// Vitest does not load the Paraglide Vite plugin: compile the messages it imports.
run(process.execPath, ['scripts/i18n.mjs']);
console.log('• Unit tests (Vitest)');
run(bin('vitest'), ['run', '--project', 'unit']);
console.log('• Integration tests on SQLite (Vitest)');
run(bin('vitest'), ['run', '--project', 'integration']);
if (process.env.TEST_DATABASE_URL) {
	// The same integration tests, each on a database of its own on this server.
	console.log('• The same integration tests on PostgreSQL (Vitest)');
	run(bin('vitest'), ['run', '--project', 'integration-postgres']);
} else if (process.env.CI) {
	console.error('✖ CI must run the integration tests on PostgreSQL too: set TEST_DATABASE_URL.');
	process.exit(1);
} else {
	console.log(
		'• Integration tests on PostgreSQL: skipped, TEST_DATABASE_URL is not set\n' +
			'  (README, "Testing on PostgreSQL": scripts/pg-throwaway.sh starts a private server)'
	);
}
console.log('• End-to-end tests (Playwright)');
run(process.execPath, ['scripts/e2e.mjs', ...process.argv.slice(2)]);
