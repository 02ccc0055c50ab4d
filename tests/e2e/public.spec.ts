import { expect, test } from '@playwright/test';
import { EMPTY_URL } from '../../playwright.config';
import {
	expectNoAxeViolations,
	expectNoHorizontalScroll,
	screenshotBoth
} from './fixtures';

const DEMO_TITLES = [
	/anti-human.trafficking unit/i,
	/National Police Reservists Policy/i,
	/National Administration Policy|scheme of service/i,
	/newly gazetted administrative units/i
];

test.describe('public pages on the demo data', () => {
	test('the dashboard shows the four undertakings from the April 2025 sitting', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('promised to Parliament');
		for (const title of DEMO_TITLES) {
			await expect(page.getByRole('link', { name: title }).first()).toBeVisible();
		}
		await expect(page.getByText(/commitments tracked/)).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'dashboard');
	});

	test('each card shows status, due date, progress and funding position', async ({ page }) => {
		await page.goto('/commitments');
		const card = page.locator('li', { has: page.getByRole('link', { name: DEMO_TITLES[1]! }) });
		await expect(card.getByText('No budget line identified')).toBeVisible();
		await expect(card.getByText(/^Due$/)).toBeVisible();
		await expect(card.getByText(/^Progress$/)).toBeVisible();
		await expectNoAxeViolations(page);
		await screenshotBoth(page, 'commitments');
	});

	test('a commitment page tells the story: quote, source, money, history', async ({ page }) => {
		await page.goto('/commitments');
		await page.getByRole('link', { name: DEMO_TITLES[3]! }).first().click();
		await expect(page).toHaveURL(/\/commitments\/DCAIS/);
		await expect(page.locator('blockquote')).toBeVisible();
		await expect(page.getByText(/Cabinet Secretary, Interior and National Administration/).first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Money' })).toBeVisible();
		await expect(page.getByText(/KES 666 m|KES 616 m/).first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Change log' })).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'commitment');
	});

	test('the reservists policy shows that no budget line was found', async ({ page }) => {
		await page.goto('/commitments');
		await page.getByRole('link', { name: DEMO_TITLES[1]! }).first().click();
		await expect(page.getByText('No budget line identified').first()).toBeVisible();
		await expect(page.getByText(/That is itself a finding/)).toBeVisible();
	});

	test('a draft commitment is not found, and is listed nowhere', async ({ page, request }) => {
		const draft = await request.get('/commitments/DCAIS%2F2025%2F005');
		expect(draft.status()).toBe(404);
		for (const path of ['/', '/commitments', '/committees/administration-internal-security']) {
			const html = await (await request.get(path)).text();
			expect(html).not.toContain('DCAIS/2025/005');
		}
		await page.goto('/commitments/DCAIS%2F2025%2F005');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('404');
	});

	test('committees and budget pages list the demo records', async ({ page }) => {
		await page.goto('/committees');
		await page
			.getByRole('link', { name: 'Departmental Committee on Administration and Internal Security' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Administration');
		await expect(page.getByRole('link', { name: DEMO_TITLES[0]! })).toBeVisible();
		await expectNoAxeViolations(page);

		await page.goto('/budget?year=2025%2F26');
		await expect(page.getByRole('cell', { name: /1021/ }).first()).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'budget');
	});

	test('pages work without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await page.getByRole('link', { name: DEMO_TITLES[0]! }).first().click();
		await expect(page.locator('blockquote')).toBeVisible();
		await context.close();
	});
});

test('the built server migrates an empty database by itself', async ({ page }) => {
	await page.goto(EMPTY_URL + '/');
	await expect(page.getByText('No commitments have been published yet.')).toBeVisible();
	await page.goto(EMPTY_URL + '/budget');
	await expect(page.getByText('No budget figures have been recorded yet.')).toBeVisible();
});
