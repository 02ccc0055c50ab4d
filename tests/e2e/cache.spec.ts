// The shared cache in front of the app (server/cache.js): public pages are answered from it,
// but a clerk's change shows at once, drafts never leak, signed-in pages are never kept, and
// conditional requests get 304. Invented text is marked "test data".
import { expect, request, test, type Page } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { createCommitment, type Editor } from '../../src/lib/server/services/workspace-commitments';
import { demoAccount, readDb, signedInClient, withAppDb } from './auth-fixtures';

const RUN = Date.now().toString(36);

const one = <T>(query: string, ...params: unknown[]) => {
	const [row] = readDb<T>(query, ...params);
	if (!row) throw new Error(`no row for ${query}`);
	return row;
};

/** A draft DCAIS commitment written straight to the database, as a CLI writer would. */
async function makeDraft(title: string) {
	const clerk = one<Editor>(
		'select id, name, email from users where email = ?',
		demoAccount('clerkA').email
	);
	const from = one<{ sitting_id: number; organisation_id: number; office_id: number }>(
		"select sitting_id, organisation_id, office_id from commitments where ref = 'DCAIS/2025/001'"
	);
	const committee = one<{ id: number }>("select id from committees where abbreviation = 'DCAIS'");
	return withAppDb((db) =>
		createCommitment(db, clerk, {
			title,
			summary: 'Test data: a commitment made for the cache test.',
			quote: 'Test data: we will do it.',
			quoteSourceTitle: 'Hansard (test data)',
			quoteSourceUrl: null,
			quoteSourceLocator: null,
			organisationId: from.organisation_id,
			officeId: from.office_id,
			personId: null,
			type: 'policy',
			tags: [],
			measurableTarget: null,
			sitting: { id: from.sitting_id, committeeId: committee.id },
			givenOn: '2025-04-23',
			due: { mode: 'none' }
		})
	);
}

/** An anonymous visitor with no cookies at all. */
async function anonymous() {
	return request.newContext({ baseURL: DEMO_URL, extraHTTPHeaders: { accept: 'text/html' } });
}

async function signInAsClerk(page: Page) {
	const { email, password } = demoAccount('clerkA');
	await page.goto('/login', { waitUntil: 'networkidle' });
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

test('a clerk publishes and edits a commitment: anonymous visitors see each change at once, never the draft', async ({
	page
}) => {
	const title = `Cache check (test ${RUN})`;
	const { id, ref } = await makeDraft(title);
	const publicPath = `/commitments/${encodeURIComponent(ref)}`;
	const searchPath = `/commitments?q=${encodeURIComponent(`cache check test ${RUN}`)}`;
	const visitor = await anonymous();

	// The draft does not exist publicly, however often it is asked for (404s are never kept).
	for (let i = 0; i < 2; i++) {
		expect((await visitor.get(publicPath)).status()).toBe(404);
		expect((await visitor.get(`/api/v1/commitments/${encodeURIComponent(ref)}`)).status()).toBe(
			404
		);
	}
	// The search is kept in the cache with no result (once the poll has seen makeDraft's write).
	await expect
		.poll(async () => (await visitor.get(searchPath)).headers()['x-cache'], { timeout: 5_000 })
		.toBe('HIT');
	expect(await (await visitor.get(searchPath)).text()).not.toContain(title);

	await signInAsClerk(page);
	await page.goto(`/workspace/commitments/${id}`);
	// Kept again after the sign-in's own audit row reached the change marker, so the publish
	// below is the only change it can be emptied by.
	await expect
		.poll(async () => (await visitor.get(searchPath)).headers()['x-cache'], { timeout: 5_000 })
		.toBe('HIT');
	await page.getByRole('button', { name: 'Publish this commitment' }).click();
	await expect(page.getByRole('status')).toContainText('has been published');

	// Straight after the publish the kept search is gone (the render/write rules themselves are
	// proved without timing in tests/integration/front-cache.test.ts), and the page exists.
	const search = await visitor.get(searchPath);
	expect(search.headers()['x-cache']).toBe('MISS');
	expect(await search.text()).toContain(title);
	const published = await visitor.get(publicPath);
	expect(published.status()).toBe(200);
	expect(await published.text()).toContain(title);
	// Kept again (the change marker may clear the cache once more when its poll sees the
	// publish's own audit row, up to a second later).
	await expect
		.poll(async () => (await visitor.get(publicPath)).headers()['x-cache'], { timeout: 5_000 })
		.toBe('HIT');

	const edited = `${title} — edited`;
	await page.getByLabel('Title', { exact: true }).fill(edited);
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('status')).toContainText('The changes have been saved');
	const after = await visitor.get(publicPath);
	expect(after.headers()['x-cache']).toBe('MISS');
	expect(await after.text()).toContain(edited);
	await visitor.dispose();
});

test('a write by another process (CLI, another instance) reaches the cached pages within the poll interval', async () => {
	const visitor = await anonymous();
	const title = `Cache poll check (test ${RUN})`;
	const { id, ref } = await makeDraft(title);
	const publicPath = `/commitments/${encodeURIComponent(ref)}`;
	expect((await visitor.get(publicPath)).status()).toBe(404);
	// Kept (once the poll has seen makeDraft's own write).
	await expect
		.poll(async () => (await visitor.get('/')).headers()['x-cache'], { timeout: 5_000 })
		.toBe('HIT');
	// Published straight in the database: no request to this server clears its cache.
	await withAppDb(async (db) => {
		await db
			.updateTable('commitments')
			.set({ visibility: 'published' })
			.where('id', '=', id)
			.execute();
		await db
			.insertInto('audit_log')
			.values({
				at: new Date().toISOString(),
				user_id: null,
				actor: 'system',
				action: 'commitment.publish',
				entity: 'commitment',
				entity_id: String(id),
				before_json: null,
				after_json: null
			})
			.execute();
	});
	await expect
		.poll(async () => (await visitor.get('/')).headers()['x-cache'], { timeout: 5_000 })
		.toBe('MISS');
	expect((await visitor.get(publicPath)).status()).toBe(200);
	await visitor.dispose();
});

test('signed-in pages are never kept, and say so to caches', async () => {
	const { email, password } = demoAccount('clerkA');
	const clerk = await signedInClient(email, password);
	for (const path of ['/workspace', '/workspace', '/', '/']) {
		const res = await clerk.get(path);
		expect(res.status(), path).toBe(200);
		expect(res.headers()['x-cache'], path).toBeUndefined();
		expect(res.headers()['cache-control'], path).toBe('private, no-store');
		expect(res.headers()['x-ahadi-cacheable'], path).toBeUndefined();
	}
	await clerk.dispose();
});

test('public pages carry an ETag and answer If-None-Match with 304', async () => {
	const visitor = await anonymous();
	for (const path of ['/', '/budget', '/api/v1/commitments?limit=5']) {
		const first = await visitor.get(path);
		expect(first.status(), path).toBe(200);
		expect(first.headers()['cache-control'], path).toMatch(/^public/);
		expect(first.headers()['x-ahadi-cacheable'], path).toBeUndefined();
		const etag = first.headers()['etag'];
		expect(etag, path).toBeTruthy();
		const again = await visitor.get(path, { headers: { 'if-none-match': etag! } });
		expect(again.status(), path).toBe(304);
		expect(await again.body(), path).toHaveLength(0);
	}
	await visitor.dispose();
});
