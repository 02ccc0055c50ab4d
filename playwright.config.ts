import { defineConfig } from '@playwright/test';

const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

// E2E_PORT lets two checkouts run their suites side by side on one machine.
const port = Number(process.env.E2E_PORT ?? 4173);
export const DEMO_URL = `http://127.0.0.1:${port}`;
export const EMPTY_URL = `http://127.0.0.1:${port + 1}`;

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['list']] : [['list']],
	// Generous: some tests walk many pages with axe on a 2-core machine that may be busy.
	timeout: 60_000,
	use: {
		baseURL: DEMO_URL,
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: chromiumArgs
		}
	},
	webServer: [
		{
			command: `node scripts/e2e-server.mjs ${port} test-results/e2e-demo.db --demo`,
			url: `${DEMO_URL}/`,
			reuseExistingServer: false,
			timeout: 60_000
		},
		{
			command: `node scripts/e2e-server.mjs ${port + 1} test-results/e2e-empty.db`,
			url: `${EMPTY_URL}/`,
			reuseExistingServer: false,
			timeout: 60_000
		}
	]
});
