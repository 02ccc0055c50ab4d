// A clerk finds the workspace: signing in leads there, the header links to it, and the public
// page of one of their committee's commitments links to its edit page. Nobody else gets either.
import { expect, test } from '@playwright/test';
import { demoAccount, readDb, signIn } from './auth-fixtures';

const REF = 'DCAIS/2025/001';
const publicPage = `/commitments/${encodeURIComponent(REF)}`;

test('a clerk lands in the workspace, reaches it from the header and edits from the public page', async ({
	page
}) => {
	const { email, password } = demoAccount('clerkA');
	await signIn(page, email, password);
	await expect(page).toHaveURL('/workspace');
	await page.goto('/commitments');
	const nav = page.getByRole('navigation', { name: 'Main' });
	await nav.getByRole('link', { name: 'Workspace' }).click();
	await expect(page).toHaveURL('/workspace');

	const id = readDb<{ id: number }>('select id from commitments where ref = ?', REF)[0]?.id;
	expect(id).toBeDefined();
	await page.goto(publicPage);
	await page.getByRole('link', { name: 'Edit this commitment in the workspace' }).click();
	await expect(page).toHaveURL(`/workspace/commitments/${id}`);

	// In Kiswahili too, to the Kiswahili workspace.
	await page.goto(`/sw${publicPage}`);
	await page.getByRole('link', { name: 'Hariri ahadi hii katika eneo la kazi' }).click();
	await expect(page).toHaveURL(`/sw/workspace/commitments/${id}`);
});

for (const who of ['clerkB', 'mp'] as const) {
	test(`${who === 'mp' ? 'an MP' : "another committee's clerk"} gets no edit link`, async ({
		page
	}) => {
		const { email, password } = demoAccount(who);
		await signIn(page, email, password);
		await page.goto(publicPage);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByRole('link', { name: /Edit this commitment/ })).toHaveCount(0);
		const workspaceLinks = page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Workspace' });
		await expect(workspaceLinks).toHaveCount(who === 'mp' ? 0 : 1);
	});
}
