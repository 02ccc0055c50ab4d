// Accessibility (axe) and screenshots of the sign-in, account and admin pages.
import { expect, test } from '@playwright/test';
import { demoAccount, ensureDemoUsers, signIn } from './auth-fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshotBoth } from './fixtures';

test.beforeAll(ensureDemoUsers);

test('the sign-in page, empty and with errors', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'login');
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter your email address');
	await expect(page.getByRole('alert')).toBeFocused();
	await expectNoAxeViolations(page);
	await screenshotBoth(page, 'login-errors');
});

test('the account page', async ({ page }) => {
	const mp = demoAccount('mp');
	await signIn(page, mp.email, mp.password);
	await page.goto('/account');
	await expectNoAxeViolations(page);
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter current password');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'account-errors');
});

test('the admin pages', async ({ page }) => {
	const admin = demoAccount('admin');
	await signIn(page, admin.email, admin.password);
	await page.goto('/admin');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
	await expectNoAxeViolations(page);
	await screenshotBoth(page, 'admin');

	await page.goto('/admin/users');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'admin-users');
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter full name');
	await expectNoAxeViolations(page);
	await screenshotBoth(page, 'admin-users-errors');

	await page.getByRole('link', { name: demoAccount('clerkA').name }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(demoAccount('clerkA').name);
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'admin-user');

	await page.goto('/admin/audit');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
	await expect(page.getByRole('table')).toBeVisible();
	await expectNoAxeViolations(page);
	// Changes first, in words: sign-ins do not crowd them out, and no raw code stands alone.
	await expect(page.getByLabel('Show', { exact: true })).toHaveValue('changes');
	const listed = page.getByRole('row').filter({ has: page.getByRole('cell') });
	await expect(listed.filter({ hasText: 'Signed in' })).toHaveCount(0);
	await expect(listed.first()).toBeVisible();
	await page.getByLabel('Show', { exact: true }).selectOption('sessions');
	await page.getByRole('button', { name: 'Show entries' }).click();
	await expect(page).toHaveURL(/[?&]kind=sessions/);
	for (const row of await listed.all()) await expect(row).toContainText(/Signed (in|out)/);
	await page.getByLabel('Show', { exact: true }).selectOption('all');

	// Filters are a GET form, so the filtered view has its own address.
	await page
		.getByLabel('User', { exact: true })
		.selectOption({ label: `${admin.name} (${admin.email})` });
	await page.getByLabel('Entity').selectOption('user');
	await page.getByRole('button', { name: 'Show entries' }).click();
	await expect(page).toHaveURL(/[?&]entity=user/);
	const rows = page.getByRole('row').filter({ has: page.getByRole('cell') });
	expect(await rows.count()).toBeGreaterThan(0);
	for (const row of await rows.all()) {
		await expect(row).toContainText(admin.email);
		await expect(row.locator('.code')).toContainText('· user ');
	}
	await page.goto('/admin/audit?from=2026-13-40');
	await expect(page.getByRole('alert')).toContainText('Enter from date as a real date');
	await expectNoAxeViolations(page);
	await page.goto('/admin/audit');
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'admin-audit');
});

// Runs after the open data spec (files run in name order), which counts the demo committees.
test('an admin adds a committee, which then appears on the public committees page', async ({
	page
}) => {
	const admin = demoAccount('admin');
	await signIn(page, admin.email, admin.password);
	await page.goto('/admin/committees');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Committees');

	// A bad abbreviation is refused next to the field, and the name typed is kept.
	const add = page.locator('form[action="?/add"]');
	await add.getByLabel('Name').fill('Departmental Committee on Lands (test)');
	await add.getByLabel('Abbreviation').fill('lands');
	await add.getByRole('button', { name: 'Add committee' }).click();
	await expect(page.getByText('Enter 2 to 12 capital letters or digits').first()).toBeVisible();
	await expect(add.getByLabel('Name')).toHaveValue('Departmental Committee on Lands (test)');
	await expectNoAxeViolations(page);

	await add.getByLabel('Abbreviation').fill('DCLT');
	await add.getByRole('button', { name: 'Add committee' }).click();
	await expect(page.getByRole('status')).toContainText('The committee has been added');
	await expect(
		page.getByRole('cell', { name: 'Departmental Committee on Lands (test) (DCLT)' })
	).toBeVisible();

	await page.goto('/committees');
	await expect(
		page.getByRole('link', { name: 'Departmental Committee on Lands (test)' })
	).toBeVisible();
});
