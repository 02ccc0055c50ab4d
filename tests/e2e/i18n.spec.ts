import { expect, test } from '@playwright/test';
import { demoAccount, ensureDemoUsers, signIn } from './auth-fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshotBoth } from './fixtures';

const FILTER = 'committee=administration-internal-security';

test.describe('English and Kiswahili', () => {
	test('the language switch keeps the page and its filters, both ways', async ({ page }) => {
		await page.goto(`/commitments?${FILTER}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const englishCount = await page.getByRole('heading', { level: 2, name: /match/ }).textContent();
		const englishLinks = await page.locator('ol.commitments h3 a').allTextContents();
		expect(englishLinks.length).toBeGreaterThan(0);

		const languages = page.getByRole('navigation', { name: 'Language:' });
		await expect(languages).toBeVisible();
		await languages.getByRole('link', { name: 'Kiswahili' }).click();
		await expect(page).toHaveURL(new RegExp(`/sw/commitments\\?${FILTER}$`));
		await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ahadi zote');
		await expect(page.getByRole('button', { name: 'Tumia vichujio' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Ingia' })).toBeVisible();
		// The same results: recorded titles are not translated.
		expect(await page.locator('ol.commitments h3 a').allTextContents()).toEqual(englishLinks);
		const count = englishCount?.match(/^\d+/)?.[0];
		await expect(
			page.getByRole('heading', { level: 2, name: /zinalingana|inalingana/ })
		).toHaveText(new RegExp(`^ahadi ${count} `));
		// Links inside the page stay in Kiswahili (they are written relative to the page).
		const first = page.locator('ol.commitments h3 a').first();
		expect(await first.evaluate((a) => new URL((a as HTMLAnchorElement).href).pathname)).toMatch(
			/^\/sw\/commitments\//
		);

		await page
			.getByRole('navigation', { name: 'Lugha:' })
			.getByRole('link', { name: 'English' })
			.click();
		await expect(page).toHaveURL(new RegExp(`/commitments\\?${FILTER}$`));
		expect(new URL(page.url()).pathname).toBe('/commitments');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('button', { name: 'Apply filters' })).toBeVisible();
	});

	test('/sw works without JavaScript, with Kiswahili dates', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		const response = await page.goto('/sw');
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Bungeni');
		await expect(page.getByRole('heading', { name: 'Zilizochelewa sasa' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Hali ya utekelezaji' })).toBeVisible();
		// Months come from a fixed Kiswahili list, never from the English abbreviations.
		const updates = page.getByRole('region', { name: 'Taarifa za hivi punde' });
		await expect(updates.locator('.date').first()).toHaveText(
			/^\d{1,2} (Januari|Februari|Machi|Aprili|Mei|Juni|Julai|Agosti|Septemba|Oktoba|Novemba|Desemba) \d{4}$/
		);
		await page.getByRole('link', { name: 'Ahadi zote', exact: true }).first().click();
		await expect(page).toHaveURL(/\/sw\/commitments$/);
		await expect(page.getByRole('button', { name: 'Tumia vichujio' })).toBeVisible();
		await context.close();
	});

	test('a commitment page in Kiswahili', async ({ page }) => {
		await page.goto('/sw/commitments/DCAIS%2F2025%2F004');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
		await expect(page.getByRole('heading', { name: 'Hatua muhimu' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Fedha', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Kumbukumbu ya mabadiliko' })).toBeVisible();
		await expect(page.getByText(/Machi|Aprili|Mei/).first()).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('/en/... has one address: it redirects to the unprefixed page', async ({ request }) => {
		const res = await request.get('/en/commitments?q=x', { maxRedirects: 0 });
		expect(res.status()).toBe(308);
		expect(res.headers()['location']).toBe('/commitments?q=x');
	});

	test('signing in from a Kiswahili page stays in Kiswahili', async ({ request }) => {
		const res = await request.get('/sw/briefing', { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe('/sw/login?redirectTo=%2Fsw%2Fbriefing');
	});

	test('the Kiswahili dashboard passes axe and fits a phone', async ({ page }) => {
		await page.goto('/sw');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Bungeni');
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		// The switch is reachable by keyboard on a phone.
		await page.keyboard.press('Tab'); // skip link
		await page.keyboard.press('Tab'); // brand
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'English' })).toBeFocused();
		await expect(page.getByRole('link', { name: 'English' })).toBeInViewport();
		await screenshotBoth(page, 'dashboard-sw');
	});

	test('/sw/login is in Kiswahili and still signs in', async ({ page }) => {
		await ensureDemoUsers();
		const { email, password, name } = demoAccount('mp');
		await page.goto('/sw/login', { waitUntil: 'networkidle' });
		await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ingia');
		// A wrong password is refused in Kiswahili (the message names neither field).
		await page.getByLabel('Barua pepe').fill(email);
		await page.getByLabel('Nenosiri').fill('not the password at all');
		await page.getByRole('button', { name: 'Ingia' }).click();
		await expect(page.getByRole('alert')).toContainText('Barua pepe au nenosiri si sahihi');
		await page.getByLabel('Barua pepe').fill(email);
		await page.getByLabel('Nenosiri').fill(password);
		await page.getByRole('button', { name: 'Ingia' }).click();
		// Signed in, and still in Kiswahili.
		await expect(page).toHaveURL(/\/sw$/);
		const header = page.getByRole('banner');
		await expect(header.getByRole('button', { name: 'Toka' })).toBeVisible();
		await expect(header).toContainText(name);
	});

	test('the clerk workspace in Kiswahili: the switch keeps the page, form errors name the field', async ({
		page
	}) => {
		await ensureDemoUsers();
		const { email, password } = demoAccount('clerkA');
		await signIn(page, email, password);

		await page.goto('/sw/workspace', { waitUntil: 'networkidle' });
		await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eneo la kazi la karani');
		const workspaceNav = page.getByRole('navigation', { name: 'Eneo la kazi la karani' });
		await workspaceNav.getByRole('link', { name: 'Vikao' }).click();
		await expect(page).toHaveURL(/\/sw\/workspace\/sittings$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vikao');
		await expect(page.getByRole('columnheader', { name: 'Tarehe' })).toBeVisible();

		// The switch keeps the page, both ways.
		await page
			.getByRole('navigation', { name: 'Lugha:' })
			.getByRole('link', { name: 'English' })
			.click();
		await expect(page).toHaveURL(/\/workspace\/sittings$/);
		expect(new URL(page.url()).pathname).toBe('/workspace/sittings');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sittings');
		await page
			.getByRole('navigation', { name: 'Language:' })
			.getByRole('link', { name: 'Kiswahili' })
			.click();
		await expect(page).toHaveURL(/\/sw\/workspace\/sittings$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vikao');

		// An empty form, posted under /sw: the summary and each field's message are in Kiswahili
		// and name the field; nothing is written.
		await page.getByRole('link', { name: 'Rekodi kikao' }).click();
		await expect(page).toHaveURL(/\/sw\/workspace\/sittings\/new$/);
		await page.getByRole('button', { name: 'Hifadhi kikao na uongeze ahadi' }).click();
		const summary = page.getByRole('alert');
		await expect(summary.getByRole('heading', { name: 'Kuna tatizo' })).toBeVisible();
		await expect(summary.getByRole('link', { name: 'Jaza tarehe ya kikao' })).toBeVisible();
		await expect(summary.getByRole('link', { name: 'Jaza mada' })).toBeVisible();
		await expect(page.locator('#sat_on-error')).toHaveText('Hitilafu: Jaza tarehe ya kikao');
		await expect(page.getByLabel('Tarehe ya kikao')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sw');
		await expect(page).toHaveTitle(/^Hitilafu: Rekodi kikao/);
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'workspace-sitting-errors-sw');
	});

	test('the admin pages in Kiswahili, with the switch and a refused form', async ({ page }) => {
		await ensureDemoUsers();
		const { email, password } = demoAccount('admin');
		await signIn(page, email, password);

		await page.goto('/sw/admin', { waitUntil: 'networkidle' });
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Usimamizi');
		await page.getByRole('link', { name: 'Watumiaji', exact: true }).click();
		await expect(page).toHaveURL(/\/sw\/admin\/users$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Watumiaji');
		await expect(page.getByRole('columnheader', { name: 'Wadhifa' })).toBeAttached();

		await page
			.getByRole('navigation', { name: 'Lugha:' })
			.getByRole('link', { name: 'English' })
			.click();
		expect(new URL(page.url()).pathname).toBe('/admin/users');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
		await page.goBack();
		await expect(page).toHaveURL(/\/sw\/admin\/users$/);

		await page.getByRole('button', { name: 'Ongeza mtumiaji' }).click();
		await expect(
			page.getByRole('alert').getByRole('heading', { name: 'Kuna tatizo' })
		).toBeVisible();
		await expect(page.locator('#name-error')).toHaveText('Hitilafu: Jaza jina kamili');
		await expect(page.locator('#email-error')).toHaveText('Hitilafu: Jaza anwani ya barua pepe');
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'admin-users-errors-sw');

		await page.goto('/sw/admin/audit?from=2026-02-01&to=2026-01-01');
		await expect(page.locator('#to-error')).toContainText(
			'Tarehe ya mwisho wa kipindi lazima iwe sawa na au baada ya tarehe ya kuanzia'
		);
	});
});
