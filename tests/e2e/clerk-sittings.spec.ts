// The clerk workspace, part A: record a sitting with its commitments and publish them; two
// sessions editing one commitment; committee scope; hostile input to every action; and the
// pages' accessibility. Invented text is marked "test data".
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createCommitment, type Editor } from '../../src/lib/server/services/workspace-commitments';
import {
	dbSnapshot,
	demoAccount,
	ensureDemoUsers,
	formBody,
	readDb,
	signedInClient,
	withAppDb
} from './auth-fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshotBoth } from './fixtures';

const RUN = Date.now().toString(36);
const CS_OFFICE =
	'Cabinet Secretary, Interior and National Administration (Ministry of Interior and National Administration)';
const MINISTRY = 'Ministry of Interior and National Administration';

const one = <T>(query: string, ...params: unknown[]) => {
	const [row] = readDb<T>(query, ...params);
	if (!row) throw new Error(`no row for ${query}`);
	return row;
};
const committeeId = (abbreviation: string) =>
	one<{ id: number }>('select id from committees where abbreviation = ?', abbreviation).id;
const commitmentByTitle = (title: string) =>
	one<{ id: number; ref: string; version: number; title: string; visibility: string }>(
		'select id, ref, version, title, visibility from commitments where title = ?',
		title
	);

/** A draft DCAIS commitment made directly through the service, for tests that need one. */
async function makeDraft(title: string) {
	const clerk = one<Editor>(
		'select id, name, email from users where email = ?',
		demoAccount('clerkA').email
	);
	const ref = one<{ sitting_id: number; organisation_id: number; office_id: number }>(
		"select sitting_id, organisation_id, office_id from commitments where ref = 'DCAIS/2025/001'"
	);
	return withAppDb((db) =>
		createCommitment(db, clerk, {
			title,
			summary: 'Test data: a commitment made for an end-to-end test.',
			quote: 'Test data: we will do it.',
			quoteSourceTitle: 'Hansard (test data)',
			quoteSourceUrl: null,
			quoteSourceLocator: null,
			organisationId: ref.organisation_id,
			officeId: ref.office_id,
			personId: null,
			type: 'policy',
			tags: [],
			measurableTarget: null,
			sitting: { id: ref.sitting_id, committeeId: committeeId('DCAIS') },
			givenOn: '2025-04-23',
			due: { mode: 'none' }
		})
	);
}

async function signInAs(page: Page, key: 'clerkA' | 'clerkB' | 'admin') {
	const { email, password } = demoAccount(key);
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

async function addCommitment(
	page: Page,
	c: { title: string; type: string; tags: string; rule?: string; dueOn?: string; basis?: string }
) {
	const form = page.locator('#add-commitment');
	await form.getByLabel('Title', { exact: true }).fill(c.title);
	await form.getByLabel('Summary').fill(`Test data: ${c.title}.`);
	await form
		.getByLabel('Verbatim quote')
		.fill(`Test data: “As a ministry, we will ${c.title.toLowerCase()}.”`);
	await form.getByLabel('Quote source title').fill('Hansard, National Assembly (test data)');
	// Who gave it and their organisation start from the sitting's first appearance.
	await expect(
		form.getByLabel('Who gave it', { exact: true }).locator('option:checked')
	).toHaveText('Kipchumba Murkomen — Cabinet Secretary, Interior and National Administration');
	await expect(form.getByLabel('Responsible organisation').locator('option:checked')).toHaveText(
		MINISTRY
	);
	await form.getByLabel('Type').selectOption({ label: c.type });
	await form.getByLabel('Tags (optional)').fill(c.tags);
	if (c.rule) {
		await form.getByLabel('From a deadline rule').check();
		await form.getByLabel('Deadline rule', { exact: true }).selectOption({ label: c.rule });
	} else {
		await form.getByLabel('Set by hand').check();
		await form.getByLabel('Due date', { exact: true }).fill(c.dueOn!);
		await form.getByLabel('Reason for this date').fill(c.basis!);
	}
	await form.getByRole('button', { name: 'Add commitment' }).click();
	await expect(page.getByRole('status')).toContainText('has been added as a draft');
}

test.beforeAll(ensureDemoUsers);

test('a clerk records a sitting with three commitments, publishes two, and the public sees only those', async ({
	page
}) => {
	await signInAs(page, 'clerkA');
	await page.goto('/workspace');
	await page.getByRole('link', { name: 'Record a sitting' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Record a sitting');

	// The clerk has one committee, so it is already chosen.
	await expect(page.getByLabel('Committee')).toHaveValue(String(committeeId('DCAIS')));
	const subject = `Test data (${RUN}): appearance of the Cabinet Secretary for Interior and National Administration on the 2025/26 estimates of the State Department for Internal Security`;
	await page.getByLabel('Date of the sitting').fill('2025-06-12');
	await page.getByLabel('Subject').fill(subject);
	await page
		.getByLabel('Source title')
		.fill('Hansard, National Assembly, 12 June 2025 (test data)');
	await page
		.getByLabel('Source web address (optional)')
		.fill('https://www.parliament.go.ke/the-national-assembly/house-business/hansard');
	await page.getByLabel('Page, paragraph or time (optional)').fill('pp. 12–14 (test data)');
	await page.getByLabel('Person 1', { exact: true }).selectOption({ label: 'Kipchumba Murkomen' });
	await page.getByLabel('Office of person 1').selectOption({ label: CS_OFFICE });
	await page.getByRole('button', { name: 'Save the sitting and add commitments' }).click();

	await expect(page).toHaveURL(/\/workspace\/sittings\/\d+\?created=1/);
	await expect(page.getByRole('status')).toContainText('saved as a draft');
	await expect(page.locator('.draft-banner')).toContainText('Draft');
	await expect(page.getByText('Kipchumba Murkomen, Cabinet Secretary')).toBeVisible();

	const titles = [
		`Gazette a counter-trafficking unit under the DCI (test ${RUN})`,
		`Table the National Police Reservists Policy (test ${RUN})`,
		`Report on NGAO promotions backlog (test ${RUN})`
	];
	await addCommitment(page, {
		title: titles[0]!,
		type: 'Institution',
		tags: 'Human trafficking, Labour migration',
		rule: 'Report within 60 days'
	});
	await addCommitment(page, {
		title: titles[1]!,
		type: 'Policy',
		tags: 'Police reservists',
		rule: '6 months'
	});
	await addCommitment(page, {
		title: titles[2]!,
		type: 'Information',
		tags: 'NGAO, test-only tag',
		dueOn: '2025-09-30',
		basis: 'Date the Cabinet Secretary gave (test data)'
	});

	const rows = page.locator('#commitments tbody tr');
	await expect(rows).toHaveCount(3);
	await expect(rows.filter({ hasText: 'Draft' })).toHaveCount(3);
	const saved = titles.map(commitmentByTitle);
	expect(saved.map((c) => c.ref)).toEqual([...saved.map((c) => c.ref)].sort());
	for (const c of saved) expect(c.ref).toMatch(/^DCAIS\/2025\/\d{3}$/);
	const first = one<{ due_on: string; due_basis: string }>(
		'select due_on, due_basis from commitments where id = ?',
		saved[0]!.id
	);
	expect(first).toEqual({ due_on: '2025-08-11', due_basis: 'Report within 60 days' });
	const history = readDb<{ reason: string }>(
		'select reason from due_date_changes where commitment_id in (?, ?, ?) order by commitment_id',
		...saved.map((c) => c.id)
	);
	expect(history.map((h) => h.reason)).toEqual([
		'Set by rule: Report within 60 days',
		'Set by rule: 6 months',
		'Set by hand: Date the Cabinet Secretary gave (test data)'
	]);

	// Publish the first two, each from its own page.
	for (const title of titles.slice(0, 2)) {
		await page.goto(`/workspace/commitments/${commitmentByTitle(title).id}`);
		await expect(page.locator('.draft-banner')).toBeVisible();
		await page.getByRole('button', { name: 'Publish this commitment' }).click();
		await expect(page.getByRole('status')).toContainText('has been published');
		await expect(page.locator('.draft-banner')).toHaveCount(0);
	}
	const published = readDb<{ action: string }>(
		"select action from audit_log where action = 'commitment.published' and entity_id in (?, ?)",
		String(saved[0]!.id),
		String(saved[1]!.id)
	);
	expect(published).toHaveLength(2);

	// The public list and pages show the two published commitments, never the draft.
	await page.goto(`/commitments?q=${encodeURIComponent(`test ${RUN}`)}`);
	await expect(page.getByRole('link', { name: titles[0]! })).toBeVisible();
	await expect(page.getByRole('link', { name: titles[1]! })).toBeVisible();
	await expect(page.getByText(titles[2]!)).toHaveCount(0);
	await page.goto(`/commitments/${encodeURIComponent(saved[0]!.ref)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]!);
	await expect(page.getByText('Report within 60 days').first()).toBeVisible();
	const draftPage = await page.goto(`/commitments/${encodeURIComponent(saved[2]!.ref)}`);
	expect(draftPage?.status()).toBe(404);
});

test('HTML typed into a title is stored and shown as text, never run', async ({ page }) => {
	const title = `<script>alert(1)</script> Test data ${RUN}`;
	const { id, ref } = await makeDraft(title);
	let dialogs = 0;
	page.on('dialog', async (d) => {
		dialogs++;
		await d.dismiss();
	});
	await signInAs(page, 'clerkA');
	await page.goto(`/workspace/commitments/${id}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await page.getByRole('button', { name: 'Publish this commitment' }).click();
	await expect(page.getByRole('status')).toContainText('has been published');
	await page.goto(`/commitments/${encodeURIComponent(ref)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	expect(dialogs).toBe(0);
});

test('withdrawing a published commitment needs a reason, keeps its page, and ends editing', async ({
	page
}) => {
	const title = `Withdraw me (test ${RUN})`;
	const { id, ref } = await makeDraft(title);
	await signInAs(page, 'clerkA');
	await page.goto(`/workspace/commitments/${id}`);
	await page.getByRole('button', { name: 'Publish this commitment' }).click();
	await expect(page.getByRole('status')).toContainText('has been published');
	await page.getByRole('button', { name: 'Withdraw this commitment' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter reason for withdrawing');
	expect(commitmentByTitle(title).visibility).toBe('published');
	await page.getByLabel('Reason for withdrawing').fill('Duplicate of another record (test data)');
	await page.getByRole('button', { name: 'Withdraw this commitment' }).click();
	await expect(page.getByRole('status')).toContainText('has been withdrawn');
	await expect(page.getByText('Duplicate of another record (test data)')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
	expect(commitmentByTitle(title).visibility).toBe('withdrawn');
	const log = readDb<{ note: string; reason: string }>(
		'select note, reason from updates where commitment_id = ?',
		id
	);
	expect(log).toEqual([
		{ note: 'Withdrawn from publication.', reason: 'Duplicate of another record (test data)' }
	]);
	const publicPage = await page.goto(`/commitments/${encodeURIComponent(ref)}`);
	expect(publicPage?.status()).toBe(200);
	// The open data agrees with the page: the record answers by reference, saying it was
	// withdrawn and why, and has left the list.
	const api = await page.request.get(`/api/v1/commitments/${ref}`);
	expect(api.status()).toBe(200);
	const { data } = (await api.json()) as {
		data: { ref: string; withdrawn: { at: string | null; reason: string | null } | null };
	};
	expect(data.ref).toBe(ref);
	expect(data.withdrawn?.reason).toBe('Duplicate of another record (test data)');
	expect(data.withdrawn?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
	const list = await page.request.get(`/api/v1/commitments?q=${encodeURIComponent(title)}`);
	expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);
});

test('two sessions edit one commitment: the second save is refused, keeps its input, and overwrites nothing', async ({
	browser
}) => {
	const original = `Review the NGAO scheme of service (two sessions, test ${RUN})`;
	const { id } = await makeDraft(original);
	const clerk = await browser.newContext();
	const admin = await browser.newContext();
	try {
		const a = await clerk.newPage();
		const b = await admin.newPage();
		await signInAs(a, 'clerkA');
		await signInAs(b, 'admin');
		await a.goto(`/workspace/commitments/${id}`);
		await b.goto(`/workspace/commitments/${id}`);

		await a.getByLabel('Title', { exact: true }).fill(`${original} — edited by the clerk`);
		await a.getByRole('button', { name: 'Save changes' }).click();
		await expect(a.getByRole('status')).toContainText('The changes have been saved');

		const bTitle = `${original} — edited by the administrator`;
		await b.getByLabel('Title', { exact: true }).fill(bTitle);
		await b
			.getByLabel('Measurable target (optional)')
			.fill('Test data: a target typed in session B');
		await b.getByRole('button', { name: 'Save changes' }).click();

		const alert = b.getByRole('alert').filter({ hasText: 'Someone else saved this commitment' });
		await expect(alert.first()).toContainText(`(${demoAccount('clerkA').name}, at `);
		await expect(alert.first()).toContainText('Your changes are below and have not been saved');
		await expect(b.getByLabel('Title', { exact: true })).toHaveValue(bTitle);
		await expect(b.getByLabel('Measurable target (optional)')).toHaveValue(
			'Test data: a target typed in session B'
		);
		// What is saved now is shown, for review.
		await expect(b.locator('.saved-now')).toContainText('edited by the clerk');

		const row = one<{ title: string; version: number; measurable_target: string | null }>(
			'select title, version, measurable_target from commitments where id = ?',
			id
		);
		expect(row).toEqual({
			title: `${original} — edited by the clerk`,
			version: 2,
			measurable_target: null
		});
	} finally {
		await clerk.close();
		await admin.close();
	}
});

test('a clerk of another committee cannot open or post to a DCAIS commitment or sitting (404)', async () => {
	const { id } = await makeDraft(`Scope check (test ${RUN})`);
	const sittingId = one<{ sitting_id: number }>(
		'select sitting_id from commitments where id = ?',
		id
	).sitting_id;
	const finance = await signedInClient(demoAccount('clerkB').email, demoAccount('clerkB').password);
	const version = String(commitmentByTitle(`Scope check (test ${RUN})`).version);
	const before = dbSnapshot();
	for (const path of [`/workspace/commitments/${id}`, `/workspace/sittings/${sittingId}`]) {
		expect((await finance.get(path)).status(), path).toBe(404);
	}
	const posts: [string, Record<string, string>][] = [
		[`/workspace/commitments/${id}?/save`, { title: 'Hijacked', version }],
		[`/workspace/commitments/${id}?/publish`, { version }],
		[`/workspace/commitments/${id}?/withdraw`, { reason: 'Hijacked', version }],
		[`/workspace/sittings/${sittingId}?/save`, { subject: 'Hijacked', version: '1' }],
		[`/workspace/sittings/${sittingId}?/addCommitment`, { title: 'Hijacked' }]
	];
	for (const [path, form] of posts) {
		expect((await finance.post(path, formBody(form))).status(), path).toBe(404);
	}
	expect(dbSnapshot(), 'a refused request changed the database').toBe(before);
	expect(commitmentByTitle(`Scope check (test ${RUN})`).visibility).toBe('draft');
});

test.describe('hostile input to every action gets a 4xx and changes nothing', () => {
	const HUGE = 'x'.repeat(100_000);
	const SCRIPT = '<script>alert(1)</script>';
	let clerk: APIRequestContext;
	let admin: APIRequestContext;
	let ids: {
		dcais: number;
		dcfnp: number;
		sitting: number;
		otherSitting: number;
		draft: number;
		otherCommitment: number;
		person: number;
		office: number;
		organisation: number;
	};

	test.beforeAll(async () => {
		clerk = await signedInClient(demoAccount('clerkA').email, demoAccount('clerkA').password);
		admin = await signedInClient(demoAccount('admin').email, demoAccount('admin').password);
		const draft = await makeDraft(`Hostile target (test ${RUN})`);
		const c = one<{
			sitting_id: number;
			person_id: number;
			office_id: number;
			organisation_id: number;
		}>(
			"select sitting_id, person_id, office_id, organisation_id from commitments where ref = 'DCAIS/2025/001'"
		);
		const other = one<{ id: number; sitting_id: number }>(
			"select id, sitting_id from commitments where ref = 'DCFNP/2025/001'"
		);
		ids = {
			dcais: committeeId('DCAIS'),
			dcfnp: committeeId('DCFNP'),
			sitting: c.sitting_id,
			otherSitting: other.sitting_id,
			draft: draft.id,
			otherCommitment: other.id,
			person: c.person_id,
			office: c.office_id,
			organisation: c.organisation_id
		};
	});

	const sittingForm = (o: Record<string, string> = {}) => ({
		committee_id: String(ids.dcais),
		sat_on: '2025-06-12',
		subject: 'Test data: hostile sitting',
		source_title: 'Hansard (test data)',
		appearance_person_0: String(ids.person),
		appearance_office_0: String(ids.office),
		...o
	});
	const commitmentForm = (o: Record<string, string> = {}) => ({
		title: 'Test data: hostile commitment',
		summary: 'Test data',
		quote: 'Test data',
		quote_source_title: 'Hansard (test data)',
		organisation_id: String(ids.organisation),
		office_id: String(ids.office),
		type: 'policy',
		given_on: '2025-06-12',
		due_mode: 'none',
		...o
	});
	const version = () =>
		String(
			one<{ version: number }>('select version from commitments where id = ?', ids.draft).version
		);

	type Case = [
		name: string,
		who: 'clerk' | 'admin',
		path: () => string,
		form: () => Record<string, string>
	];
	const cases: Case[] = [
		// Recording a sitting.
		[
			'sitting: wrong types',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ committee_id: 'abc', sat_on: 'yesterday' })
		],
		[
			'sitting: 100 kB subject',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ subject: HUGE })
		],
		[
			'sitting: impossible date',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ sat_on: '2025-02-30' })
		],
		[
			'sitting: another committee',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ committee_id: String(ids.dcfnp) })
		],
		[
			'sitting: unknown person',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ appearance_person_0: '999999' })
		],
		[
			'sitting: person without office',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ appearance_office_0: '' })
		],
		[
			'sitting: script subject, no source',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ subject: SCRIPT, source_title: '' })
		],
		[
			'sitting: javascript: URL',
			'clerk',
			() => '/workspace/sittings/new?/create',
			() => sittingForm({ source_url: 'javascript:alert(1)' })
		],
		// Editing a sitting.
		[
			'sitting save: bad version',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/save`,
			() => sittingForm({ version: 'abc' })
		],
		[
			'sitting save: stale version',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/save`,
			() => sittingForm({ version: '999' })
		],
		[
			'sitting save: impossible date',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/save`,
			() => sittingForm({ version: '1', sat_on: '2025-02-30' })
		],
		[
			'sitting save: another committee’s sitting',
			'clerk',
			() => `/workspace/sittings/${ids.otherSitting}?/save`,
			() => sittingForm({ version: '1' })
		],
		// Adding a commitment to a sitting.
		[
			'commitment: unknown type',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ type: 'promise' })
		],
		[
			'commitment: unknown due mode',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ due_mode: 'soon' })
		],
		[
			'commitment: unknown rule',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ due_mode: 'rule', deadline_rule_id: '999999' })
		],
		[
			'commitment: rule missing',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ due_mode: 'rule' })
		],
		[
			'commitment: impossible date',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ given_on: '2025-02-30' })
		],
		[
			'commitment: due before given',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() =>
				commitmentForm({ title: SCRIPT, due_mode: 'hand', due_on: '2025-01-01', due_basis: 'x' })
		],
		[
			'commitment: negative id',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ organisation_id: '-1' })
		],
		[
			'commitment: fractional id',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ office_id: '1.5' })
		],
		[
			'commitment: 100 kB title',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ title: HUGE })
		],
		[
			'commitment: 100 kB quote',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ quote: HUGE })
		],
		[
			'commitment: too many tags',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ tags: Array.from({ length: 25 }, (_, i) => `t${i}`).join(',') })
		],
		[
			'commitment: ftp URL',
			'clerk',
			() => `/workspace/sittings/${ids.sitting}?/addCommitment`,
			() => commitmentForm({ quote_source_url: 'ftp://example.org/x' })
		],
		[
			'commitment: another committee’s sitting',
			'clerk',
			() => `/workspace/sittings/${ids.otherSitting}?/addCommitment`,
			() => commitmentForm()
		],
		// Editing, publishing and withdrawing a commitment.
		[
			'save: bad version',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/save`,
			() => commitmentForm({ version: 'abc' })
		],
		[
			'save: stale version',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/save`,
			() => commitmentForm({ version: '999' })
		],
		[
			'save: empty title',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/save`,
			() => commitmentForm({ title: '   ', version: version() })
		],
		[
			'save: unknown type',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/save`,
			() => commitmentForm({ type: 'xyz', version: version() })
		],
		[
			'save: script title with impossible date',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/save`,
			() => commitmentForm({ title: SCRIPT, given_on: '2025-02-30', version: version() })
		],
		[
			'save: unknown person',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/save`,
			() => commitmentForm({ person_id: '999999', version: version() })
		],
		[
			'save: another committee’s commitment',
			'clerk',
			() => `/workspace/commitments/${ids.otherCommitment}?/save`,
			() => commitmentForm({ version: '1' })
		],
		[
			'publish: bad version',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/publish`,
			() => ({ version: '1; drop table commitments' })
		],
		[
			'publish: stale version',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/publish`,
			() => ({ version: '999' })
		],
		[
			'publish: another committee’s commitment',
			'clerk',
			() => `/workspace/commitments/${ids.otherCommitment}?/publish`,
			() => ({ version: '1' })
		],
		[
			'withdraw: no reason',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/withdraw`,
			() => ({ reason: '', version: version() })
		],
		[
			'withdraw: a draft',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/withdraw`,
			() => ({ reason: 'Test data', version: version() })
		],
		[
			'withdraw: 100 kB reason',
			'clerk',
			() => `/workspace/commitments/${ids.draft}?/withdraw`,
			() => ({ reason: HUGE, version: version() })
		],
		// Reference lists.
		[
			'person: 100 kB name',
			'clerk',
			() => '/workspace/reference?/addPerson',
			() => ({ person_name: HUGE })
		],
		[
			'person: blank name',
			'clerk',
			() => '/workspace/reference?/addPerson',
			() => ({ person_name: '  ' })
		],
		[
			'office: wrong type',
			'clerk',
			() => '/workspace/reference?/addOffice',
			() => ({ office_title: 'Test', office_organisation_id: 'abc' })
		],
		[
			'office: unknown organisation',
			'clerk',
			() => '/workspace/reference?/addOffice',
			() => ({ office_title: 'Test', office_organisation_id: '999999' })
		],
		[
			'organisation: unknown kind',
			'clerk',
			() => '/workspace/reference?/addOrganisation',
			() => ({ organisation_name: 'Test', organisation_kind: 'cartel' })
		],
		[
			'holding: impossible date',
			'clerk',
			() => '/workspace/reference?/addHolding',
			() => ({
				holding_person_id: String(ids.person),
				holding_office_id: String(ids.office),
				holding_start_on: '2025-02-30'
			})
		],
		[
			'holding: unknown person',
			'clerk',
			() => '/workspace/reference?/addHolding',
			() => ({
				holding_person_id: '999999',
				holding_office_id: String(ids.office),
				holding_start_on: '2025-01-01'
			})
		],
		[
			'retire: clerks may not',
			'clerk',
			() => '/workspace/reference?/retire',
			() => ({ retire_kind: 'person', retire_id: String(ids.person) })
		],
		[
			'merge: clerks may not',
			'clerk',
			() => '/workspace/reference?/merge',
			() => ({
				merge_kind: 'person',
				merge_from_id: String(ids.person),
				merge_into_id: String(ids.person)
			})
		],
		[
			'retire: unknown kind',
			'admin',
			() => '/workspace/reference?/retire',
			() => ({ retire_kind: 'committee', retire_id: '1' })
		],
		[
			'merge: into itself',
			'admin',
			() => '/workspace/reference?/merge',
			() => ({
				merge_kind: 'person',
				merge_from_id: String(ids.person),
				merge_into_id: String(ids.person)
			})
		],
		// Deadline rules.
		[
			'rule: clerks may not',
			'clerk',
			() => '/admin/deadline-rules?/add',
			() => ({ name: 'Test', description: 'Test', unit: 'days', amount: '10' })
		],
		[
			'rule: negative amount',
			'admin',
			() => '/admin/deadline-rules?/add',
			() => ({ name: 'Test', description: 'Test', unit: 'days', amount: '-5' })
		],
		[
			'rule: unknown unit',
			'admin',
			() => '/admin/deadline-rules?/add',
			() => ({ name: 'Test', description: 'Test', unit: 'weeks', amount: '3' })
		],
		[
			'rule: 100 kB name',
			'admin',
			() => '/admin/deadline-rules?/add',
			() => ({ name: HUGE, description: 'Test', unit: 'days', amount: '3' })
		],
		[
			'rule: duplicate name',
			'admin',
			() => '/admin/deadline-rules?/add',
			() => ({ name: '3 months', description: 'Test', unit: 'months', amount: '3' })
		],
		[
			'rule: unknown rule',
			'admin',
			() => '/admin/deadline-rules?/update',
			() => ({ rule_id: '999999', name: 'Test', description: 'Test', unit: 'days', amount: '3' })
		],
		[
			'rule: deactivate non-number',
			'admin',
			() => '/admin/deadline-rules?/deactivate',
			() => ({ rule_id: 'one' })
		]
	];

	for (const [name, who, path, form] of cases) {
		test(name, async () => {
			const before = dbSnapshot();
			const res = await (who === 'clerk' ? clerk : admin).post(path(), formBody(form()));
			expect(res.status(), `${name}: ${res.status()}`).toBeGreaterThanOrEqual(400);
			expect(res.status()).toBeLessThan(500);
			expect(dbSnapshot(), 'a refused request changed the database').toBe(before);
		});
	}

	// SvelteKit answers an action request that accepts JSON (what use:enhance sends) with HTTP 200
	// and the failure's status in the body; a form post (text/html) gets a real 400, as above.
	test('a JSON-accepting client gets SvelteKit’s failure JSON with status 400', async () => {
		const before = dbSnapshot();
		const res = await clerk.post(`/workspace/sittings/${ids.sitting}?/addCommitment`, {
			...formBody(commitmentForm({ type: 'promise' })),
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }
		});
		expect(res.status()).toBe(200);
		expect(await res.json()).toMatchObject({ type: 'failure', status: 400 });
		expect(dbSnapshot()).toBe(before);
	});
});

test('workspace pages are accessible, fit a phone, and show errors in place', async ({ page }) => {
	await signInAs(page, 'clerkA');
	await page.goto('/workspace');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clerk workspace');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'workspace-overview');

	await page.goto('/workspace/sittings/new');
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByRole('button', { name: 'Save the sitting and add commitments' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter date of the sitting');
	await expect(page.getByRole('alert')).toContainText('Select at least one person who appeared');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'workspace-sitting-form-errors');

	const sittingId = one<{ sitting_id: number }>(
		"select sitting_id from commitments where ref = 'DCAIS/2025/001'"
	).sitting_id;
	await page.goto(`/workspace/sittings/${sittingId}`);
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'workspace-sitting');

	const { id } = await makeDraft(`Screenshot draft (test ${RUN})`);
	await page.goto(`/workspace/commitments/${id}`);
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.getByLabel('Title', { exact: true }).fill('');
	await page.getByLabel('Set by hand').check();
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByRole('alert')).toContainText('Enter title');
	await expect(page.getByRole('alert')).toContainText('Enter the due date');
	await expect(page.locator('.draft-banner')).toBeVisible();
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'workspace-commitment-errors');

	await page.goto('/workspace/commitments');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'workspace-commitments');

	await page.goto('/workspace/reference');
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'workspace-reference');
});

test('admins maintain deadline rules (audited) and see the merge and retire tools', async ({
	page
}) => {
	await signInAs(page, 'admin');
	await page.goto('/admin');
	await page.getByRole('link', { name: 'Deadline rules' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deadline rules');
	const name = `Report within 14 days (test ${RUN})`;
	await page.getByLabel('Name').last().fill(name);
	await page
		.getByLabel('Description')
		.last()
		.fill('Test data: a rule added by the end-to-end test.');
	await page.getByLabel('Amount').last().fill('14');
	await page.getByLabel('Unit').last().selectOption('days');
	await page.getByRole('button', { name: 'Add rule' }).click();
	await expect(page.getByRole('status')).toContainText('The rule has been added');
	await page.getByRole('button', { name: `Deactivate ${name}` }).click();
	await expect(page.getByRole('status')).toContainText('deactivated');
	const actions = readDb<{ action: string }>(
		"select a.action from audit_log a join deadline_rules r on a.entity_id = cast(r.id as text) where a.entity = 'deadline_rule' and r.name = ? order by a.id",
		name
	).map((r) => r.action);
	expect(actions).toEqual(['deadline_rule.created', 'deadline_rule.deactivated']);
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'admin-deadline-rules');

	await page.goto('/workspace/reference');
	await expect(page.getByRole('heading', { name: 'Merge duplicates' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Retire Kipchumba Murkomen' })).toBeVisible();
	await expectNoAxeViolations(page);
});
