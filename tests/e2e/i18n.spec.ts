import { expect, test } from '@playwright/test';
import { demoAccount, ensureDemoUsers } from './auth-fixtures';
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
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ahadi');
		await expect(page.getByRole('button', { name: 'Tumia vichujio' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Ingia' })).toBeVisible();
		// The same results: recorded titles are not translated.
		expect(await page.locator('ol.commitments h3 a').allTextContents()).toEqual(englishLinks);
		const count = englishCount?.match(/^\d+/)?.[0];
		await expect(
			page.getByRole('heading', { level: 2, name: /zinalingana|inalingana/ })
		).toHaveText(new RegExp(`^ahadi ${count} `));
		// Links inside the page stay in Kiswahili.
		const first = page.locator('ol.commitments h3 a').first();
		await expect(first).toHaveAttribute('href', /^\/sw\/commitments\//);

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
		await page.getByRole('link', { name: 'Ahadi', exact: true }).first().click();
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
		await page.getByLabel('Barua pepe').fill(email);
		await page.getByLabel('Nenosiri').fill(password);
		await page.getByRole('button', { name: 'Ingia' }).click();
		// Signed in, and still in Kiswahili.
		await expect(page).toHaveURL(/\/sw$/);
		const header = page.getByRole('banner');
		await expect(header.getByRole('button', { name: 'Toka' })).toBeVisible();
		await expect(header).toContainText(name);
	});
});
