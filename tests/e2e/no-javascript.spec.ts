// On a slow phone the page can be read and typed into before its JavaScript has started.
// Starting it (hydration) must not wipe what the person already typed.
import { expect, test, type Page } from '@playwright/test';

/** Holds the app's JavaScript back, as a slow connection would, until `release` is called. */
async function slowScripts(page: Page) {
	let release: () => void = () => {};
	const gate = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**', async (route) => {
		await gate;
		await route.continue();
	});
	return () => release();
}

test('text typed into the sign-in form before the page starts is kept', async ({ page }) => {
	const release = await slowScripts(page);
	await page.goto('/login', { waitUntil: 'commit' });
	await page.getByLabel('Email').fill('clerk@ahadi.example');
	await page.getByLabel('Password').fill('typed before the scripts ran');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expect(page.getByLabel('Email')).toHaveValue('clerk@ahadi.example');
	await expect(page.getByLabel('Password')).toHaveValue('typed before the scripts ran');
});

test('a search typed into the explorer before the page starts is kept', async ({ page }) => {
	const release = await slowScripts(page);
	await page.goto('/commitments', { waitUntil: 'commit' });
	await page.getByLabel('Search').fill('reservists');
	await page.getByLabel('From', { exact: true }).fill('2025-01-01');
	await page.locator('select#overdue').selectOption('true');
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('body[data-hydrated]')).toHaveCount(1);
	await expect(page.getByLabel('Search')).toHaveValue('reservists');
	await expect(page.getByLabel('From', { exact: true })).toHaveValue('2025-01-01');
	await expect(page.locator('select#overdue')).toHaveValue('true');
});
