// `npm test`: the whole suite. Unit and integration tests (Vitest), then end-to-end tests
// (Playwright) against the production build in Debian's Chromium.
import { bin, ensureInstalled, run } from './lib.mjs';

ensureInstalled();
run(bin('svelte-kit'), ['sync']);
console.log('• Unit and integration tests (Vitest)');
run(bin('vitest'), ['run']);
console.log('• End-to-end tests (Playwright)');
run(process.execPath, ['scripts/e2e.mjs', ...process.argv.slice(2)]);
