// End-to-end tests against the built app. Never downloads a browser: it uses Debian's Chromium.
import { existsSync } from 'node:fs';
import { bin, ensureBuilt, ensureInstalled, run } from './lib.mjs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
	console.error(
		`✖ Chromium was not found at ${chromium}. The end-to-end tests use Debian's Chromium:\n` +
			'    sudo apt-get update && sudo apt-get install -y chromium\n' +
			'  (or set CHROMIUM_PATH to another Chromium binary). Nothing was tested.'
	);
	process.exit(1);
}
ensureInstalled();
ensureBuilt();
run(bin('playwright'), ['test', ...process.argv.slice(2)]);
