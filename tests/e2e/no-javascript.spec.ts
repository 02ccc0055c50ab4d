// Pages ship no framework JavaScript: links and forms are plain HTML. A page with charts loads
// one script, /charts.js (Chart.js and the code that draws each chart from its JSON), and the
// briefing pack its print button. So a slow phone's reader can type into a form at once (no
// hydration can wipe it). Re-enabling client-side rendering (`csr`) fails these tests.
import { expect, test, type Page } from '@playwright/test';
import { demoAccount, ensureDemoUsers, signIn } from './auth-fixtures';

test.beforeAll(ensureDemoUsers);

/** The scripts a page loads, and whether its HTML asks for any module. */
async function scriptsOf(page: Page, path: string) {
	const scripts: string[] = [];
	const listener = (request: { resourceType(): string; url(): string }) => {
		if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
	};
	page.on('request', listener);
	const res = await page.goto(path);
	await page.waitForLoadState('networkidle');
	page.off('request', listener);
	expect(res?.status(), path).toBe(200);
	const link = res?.headers()['link'] ?? '';
	const modules = await page.locator('script:not([src]), link[rel="modulepreload"]').count();
	return { scripts, linkPreloadsJs: /\.js>/.test(link), modules };
}

const CHART_PAGES = ['/', '/commitments/DCAIS%2F2025%2F004'];

const PUBLIC_PAGES = [
	'/commitments?overdue=true&q=police',
	'/committees',
	'/budget',
	'/data',
	'/about',
	'/login',
	'/sw/commitments'
];

test('public pages load no script at all; pages with charts only the chart script', async ({
	page
}) => {
	for (const path of PUBLIC_PAGES) {
		expect(await scriptsOf(page, path), path).toEqual({
			scripts: [],
			linkPreloadsJs: false,
			modules: 0
		});
	}
	for (const path of CHART_PAGES) {
		expect(await scriptsOf(page, path), path).toEqual({
			scripts: ['/charts.js'],
			linkPreloadsJs: false,
			modules: 0
		});
	}
});

test('signed-in pages load no app script; the briefing only its print button', async ({ page }) => {
	const mp = demoAccount('mp');
	await signIn(page, mp.email, mp.password);
	expect(await scriptsOf(page, '/briefing?committee=administration-internal-security')).toEqual({
		scripts: ['/print-button.js'],
		linkPreloadsJs: false,
		modules: 0
	});
	// The script shows the button and prints with it (the browser's dialog is stubbed here).
	await page.evaluate(() => {
		window.print = () => document.body.setAttribute('data-printed', '');
	});
	await page.getByRole('button', { name: 'Print or save as PDF' }).click();
	await expect(page.locator('body[data-printed]')).toHaveCount(1);

	const clerk = demoAccount('clerkA');
	const context = await page.context().browser()!.newContext();
	const clerkPage = await context.newPage();
	await signIn(clerkPage, clerk.email, clerk.password);
	for (const path of ['/workspace', '/workspace/commitments/1', '/account']) {
		expect(await scriptsOf(clerkPage, path), path).toEqual({
			scripts: [],
			linkPreloadsJs: false,
			modules: 0
		});
	}
	await context.close();
});

test('text typed into the sign-in form while the page loads is kept', async ({ page }) => {
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('Email').fill('clerk@ahadi.example');
	await page.getByLabel('Password').fill('typed before the page finished loading');
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Email')).toHaveValue('clerk@ahadi.example');
	await expect(page.getByLabel('Password')).toHaveValue('typed before the page finished loading');
});

test('a search typed into the explorer while the page loads is kept', async ({ page }) => {
	await page.goto('/commitments', { waitUntil: 'commit' });
	await page.getByLabel('Search').fill('reservists');
	await page.getByLabel('From', { exact: true }).fill('2025-01-01');
	await page.locator('select#overdue').selectOption('true');
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Search')).toHaveValue('reservists');
	await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-01');
	await expect(page.locator('select#overdue')).toHaveValue('true');
});
