// `npm test`: the whole suite. Unit and integration tests (Vitest), then end-to-end tests
// (Playwright) against the production build in Debian's Chromium.
import { bin, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run(bin('svelte-kit'), ['sync']);
// Vitest does not load the Paraglide Vite plugin: compile the messages it imports.
run(process.execPath, ['scripts/i18n.mjs']);
console.log(
	process.env.TEST_DATABASE_URL
		? '• Unit and integration tests (Vitest), integration tests on SQLite and on PostgreSQL'
		: '• Unit and integration tests (Vitest), integration tests on SQLite only:\n' +
				'  set TEST_DATABASE_URL=postgres://… to run them on PostgreSQL too (README, "Testing")'
);
run(bin('vitest'), ['run']);
console.log('• End-to-end tests (Playwright)');
run(process.execPath, ['scripts/e2e.mjs', ...process.argv.slice(2)]);
