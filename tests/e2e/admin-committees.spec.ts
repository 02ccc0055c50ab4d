import { expect, test } from '@playwright/test';
import { demoAccount, signIn } from './auth-fixtures';
import { expectNoAxeViolations } from './fixtures';

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
	await expect(page.getByRole('cell', { name: /Lands \(test\)/ })).toBeVisible();

	await page.goto('/committees');
	await expect(
		page.getByRole('link', { name: 'Departmental Committee on Lands (test)' })
	).toBeVisible();
});
