// The ministry's right of reply (issue 16), in Chromium from the demo: the demo liaison officer
// drafts a report with a PDF (unseen by anyone else until sent), sends it, asks for more time;
// the demo clerk receives the report and grants the request; the public page shows both
// accounts and the new due date with its reason, and the committee's scorecard counts both.
// Then the refusals (a file that only pretends to be a PDF, a request missing its date and
// approval, a sent submission edited, a decision without a note) and the invitation of a new
// officer by one-time link, taken up without JavaScript. DCAIS/2025/003 is used because the demo
// exchange sent nothing on it (only an unsent draft, which the flow must not see) and it has no
// pending request. Invented text is marked
// "test data".
import { expect, test, type Browser, type Page } from '@playwright/test';
import { formatDate } from '../../src/lib/domain/dates';
import { demoAccount, ensureDemoUsers, readDb, signIn } from './auth-fixtures';
import { expectNoAxeViolations } from './fixtures';
import { TEST_PDF } from './ministry-fixtures';

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36);
const REF = 'DCAIS/2025/003';
const PUBLIC_PAGE = `/commitments/${encodeURIComponent(REF)}`;
const REPORT = `The revised NGAO scheme of service went to the Public Service Commission and two county forums (test data ${RUN}).`;
const REASONS = `The Public Service Commission's approval of the scheme is scheduled after the county forums (test data ${RUN}).`;
const ASKED_UNTIL = '2027-09-30';
const APPROVED_BY = 'Principal Secretary, State Department for Internal Security (test data)';

function one<T>(query: string, ...params: unknown[]): T {
	const [row] = readDb<T>(query, ...params);
	if (!row) throw new Error(`no row for ${query}`);
	return row;
}
const commitment = () =>
	one<{ id: number; due_on: string | null; procedural_status: string; version: number }>(
		'select id, due_on, procedural_status, version from commitments where ref = ?',
		REF
	);
/** Submissions made before this run (the demo's own) are left out of every check. */
let BASE = 0;
const submissionsOf = (commitmentId: number) =>
	readDb<{
		id: number;
		kind: string;
		state: string;
		version: number;
		body: string;
		decision: string | null;
		documents: number;
	}>(
		`select s.id, s.kind, s.state, s.version, s.body, s.decision,
			(select count(*) from submission_documents d where d.submission_id = s.id) as documents
		from ministry_submissions s where s.commitment_id = ? and s.id > ? order by s.id`,
		commitmentId,
		BASE
	);
const counts = () =>
	one<{ submissions: number; documents: number; audit: number }>(
		`select (select count(*) from ministry_submissions) as submissions,
			(select count(*) from submission_documents) as documents,
			(select count(*) from audit_log) as audit`
	);

async function signedInPage(browser: Browser, key: Parameters<typeof demoAccount>[0]) {
	const context = await browser.newContext();
	const page = await context.newPage();
	const { email, password } = demoAccount(key);
	await signIn(page, email, password);
	await expect(page).not.toHaveURL(/\/login/);
	return page;
}

/** The "New submission" form of the ministry's page of one undertaking. */
const newForm = (page: Page) => page.locator('form', { has: page.locator('#new-body') });

/** Every link of the error summary leads to a field of the page. */
async function expectSummaryLinksToFields(page: Page) {
	const links = page.locator('.error-summary a');
	expect(await links.count()).toBeGreaterThan(0);
	for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
		expect(href, 'an error summary link').toMatch(/^#./);
		await expect(page.locator(href!), `the field ${href} of the error summary`).toHaveCount(1);
	}
}

const SCORECARD = '/committees/administration-internal-security';

/** The committee scorecard's reply figures, by label ('reports on time' → 3). */
async function replyFiguresOf(page: Page) {
	await page.goto(SCORECARD);
	const items = await page
		.locator('section[aria-labelledby="replies-heading"] li')
		.evaluateAll((lis) =>
			lis.map((li) => [
				li.textContent!.replace(li.querySelector('.n')!.textContent!, '').trim(),
				li.querySelector('.n')!.textContent!.trim()
			])
		);
	expect(items.length, 'the scorecard shows how the ministry answers').toBe(6);
	return Object.fromEntries(items) as Record<string, string>;
}

test.beforeAll(async () => {
	await ensureDemoUsers();
	const c = commitment();
	BASE = one<{ n: number }>('select coalesce(max(id), 0) as n from ministry_submissions').n;
	// The flow needs an undertaking the ministry has sent nothing on yet.
	expect(
		readDb("select id from ministry_submissions where commitment_id = ? and state != 'draft'", c.id)
	).toEqual([]);
	expect(
		readDb(
			"select id from commitment_requests where commitment_id = ? and decision = 'pending'",
			c.id
		)
	).toEqual([]);
});

test('the ministry reports with a PDF and asks for more time; the clerk receives and grants; the public sees both accounts', async ({
	browser
}) => {
	const c = commitment();
	const dueBefore = c.due_on!;
	const visitor = await browser.newContext();
	const anonymous = await visitor.newPage();
	const figuresBefore = await replyFiguresOf(anonymous);
	const ministry = await signedInPage(browser, 'ministry');

	// Signed in, the officer lands on their undertakings: overdue first, only their own, published.
	await expect(ministry).toHaveURL(/\/ministry$/);
	await expect(ministry.getByRole('heading', { level: 1 })).toHaveText('Your undertakings');
	const rows = ministry.locator('tbody tr');
	const texts = await rows.allInnerTexts();
	expect(texts.length).toBeGreaterThan(1);
	const overdue = texts.map((t) => /Overdue \d+ days/.test(t));
	expect(overdue[0], 'an overdue undertaking comes first').toBe(true);
	expect(overdue, 'overdue undertakings before the others').toEqual(
		[...overdue].sort((a, b) => Number(b) - Number(a))
	);
	expect(texts.join('\n')).not.toContain('DCFNP/2025/001');
	expect(texts.join('\n')).not.toContain('DCAIS/2025/005');

	// A report saved as a draft, with a real PDF.
	await rows.filter({ hasText: REF }).getByRole('link').click();
	await expect(ministry).toHaveURL(new RegExp(`/ministry/commitments/${c.id}$`));
	const form = newForm(ministry);
	await form.getByRole('radio', { name: 'Implementation report' }).check();
	await form.getByLabel('Text', { exact: true }).fill(REPORT);
	await form.getByLabel('The status the ministry claims').selectOption({ label: 'On track' });
	// Over 600 KB (a scanned annex is larger still): stored and served in several chunks.
	const pdf = Buffer.concat([
		TEST_PDF(`Implementation report ${REF} ${RUN}`),
		Buffer.from(`%${'0123456789'.repeat(62_000)}\n`)
	]);
	await form
		.getByLabel('Documents (optional)')
		.setInputFiles({ name: 'ngao-report.pdf', mimeType: 'application/pdf', buffer: pdf });
	await form.getByRole('button', { name: 'Save as draft' }).click();
	await expect(ministry.getByRole('status')).toHaveText(
		'Draft saved. The committee cannot see it until you send it.'
	);
	const [draft] = submissionsOf(c.id);
	expect(draft).toMatchObject({ kind: 'report', state: 'draft', body: REPORT, documents: 1 });
	const doc = one<{ id: number }>(
		'select id from submission_documents where submission_id = ?',
		draft!.id
	);
	const docPath = `/submissions/${draft!.id}/documents/${doc.id}`;
	// The officer can download their draft's document: the very bytes uploaded.
	const own = await ministry.request.get(docPath);
	expect(own.status()).toBe(200);
	expect(Buffer.from(await own.body()).equals(pdf)).toBe(true);

	// Nobody else sees the draft: not the public page, not the document, not the clerk's inbox.
	await anonymous.goto(PUBLIC_PAGE);
	await expect(anonymous.locator('main')).not.toContainText(REPORT);
	await expect(anonymous.locator('main')).toContainText('has not sent a report through Ahadi');
	expect((await visitor.request.get(docPath)).status()).toBe(404);
	const clerk = await signedInPage(browser, 'clerkA');
	await clerk.goto('/workspace/submissions');
	await expect(clerk.locator('main')).not.toContainText(REF);
	expect((await clerk.request.get(docPath)).status()).toBe(404);

	// Sent: the draft's forms are gone, and a forged edit of it is refused, changing nothing.
	await ministry
		.locator('form[action="?/send"]', { has: ministry.locator(`input[value="${draft!.id}"]`) })
		.getByRole('button', { name: 'Send to the committee' })
		.click();
	await expect(ministry.getByRole('status')).toHaveText('Sent to the committee.');
	await expect(ministry.locator(`input[name="submission_id"][value="${draft!.id}"]`)).toHaveCount(
		0
	);
	await expect(ministry.locator('#sent-heading ~ article')).toContainText(REPORT);
	const sent = submissionsOf(c.id)[0]!;
	expect(sent.state).toBe('sent');
	const before = counts();
	const forged = await ministry.request.post(`/ministry/commitments/${c.id}?/save`, {
		headers: { origin: new URL(ministry.url()).origin, accept: 'text/html' },
		multipart: {
			kind: 'report',
			body: 'Changed after sending (test data)',
			claimed_status: 'completed',
			submission_id: String(sent.id),
			version: String(sent.version)
		},
		maxRedirects: 0
	});
	expect(forged.status()).toBe(400);
	expect(submissionsOf(c.id)[0]).toEqual(sent);
	expect(counts()).toEqual(before);

	// A request for more time without its date and approval names each missing field.
	await newForm(ministry).getByRole('radio', { name: 'Request for more time' }).check();
	await newForm(ministry).getByLabel('Text', { exact: true }).fill(REASONS);
	await newForm(ministry).getByRole('button', { name: 'Save as draft' }).click();
	const summary = ministry.locator('.error-summary');
	await expect(summary).toContainText('Enter the new date asked for');
	await expect(summary).toContainText('Enter who approved the request');
	await expect(summary).toContainText('Enter the date of the approval');
	await expectSummaryLinksToFields(ministry);
	await expectNoAxeViolations(ministry);
	await expect(newForm(ministry).getByLabel('Text', { exact: true })).toHaveValue(REASONS);
	expect(counts()).toEqual(before);

	// Completed, saved and sent.
	const form2 = newForm(ministry);
	await form2.getByLabel('New date asked for').fill(ASKED_UNTIL);
	await form2.getByLabel('Request approved by').fill(APPROVED_BY);
	await form2.getByLabel('Date of the approval').fill('2026-12-01');
	await form2.getByRole('button', { name: 'Save as draft' }).click();
	await expect(ministry.getByRole('status')).toContainText('Draft saved.');
	const request = submissionsOf(c.id)[1]!;
	expect(request).toMatchObject({ kind: 'extension', state: 'draft', body: REASONS });
	await ministry
		.locator('form[action="?/send"]', { has: ministry.locator(`input[value="${request.id}"]`) })
		.getByRole('button', { name: 'Send to the committee' })
		.click();
	await expect(ministry.getByRole('status')).toHaveText('Sent to the committee.');
	// Nothing the ministry sends moves the undertaking by itself.
	expect(commitment().due_on).toBe(dueBefore);

	// The clerk's inbox: both await a decision.
	await clerk.goto('/workspace');
	await clerk.getByRole('link', { name: 'Ministry submissions' }).click();
	const awaiting = clerk.locator('section[aria-labelledby="awaiting-heading"] tbody tr', {
		hasText: REF
	});
	await expect(awaiting).toHaveCount(2);

	// The report: a decision without a note is refused and changes nothing; then received.
	await awaiting.getByRole('link', { name: 'Implementation report' }).click();
	await expect(clerk.locator('main')).toContainText(REPORT);
	await clerk.getByRole('radio', { name: 'Received' }).check();
	const beforeDecision = counts();
	await clerk.getByRole('button', { name: 'Record the decision' }).click();
	await expect(clerk.locator('.error-summary')).toContainText("Enter the committee's note");
	await expect(clerk.locator('#decision_note-error')).toContainText("Enter the committee's note");
	await expectSummaryLinksToFields(clerk);
	// The decision form, with its error, as a screen reader meets it.
	await expectNoAxeViolations(clerk);
	expect(counts()).toEqual(beforeDecision);
	expect(submissionsOf(c.id)[0]!.state).toBe('sent');
	await clerk.getByRole('radio', { name: 'Received' }).check();
	await clerk
		.getByLabel("The committee's note (public)")
		.fill(`Received at the sitting; the committee asks for the county reports (test data ${RUN}).`);
	await clerk.getByRole('button', { name: 'Record the decision' }).click();
	await expect(clerk.getByRole('status')).toHaveText('Decision recorded.');
	expect(submissionsOf(c.id)[0]).toMatchObject({ state: 'decided', decision: 'received' });

	// The request for more time: granted, to the date asked for.
	await clerk.goto('/workspace/submissions');
	await clerk
		.locator('section[aria-labelledby="awaiting-heading"] tbody tr', { hasText: REF })
		.getByRole('link', { name: 'Request for more time' })
		.click();
	await clerk.getByRole('radio', { name: 'Granted' }).check();
	await expect(clerk.getByLabel('New due date granted')).toHaveValue(ASKED_UNTIL);
	const grantNote = `Granted to the date asked for (test data ${RUN}).`;
	await clerk.getByLabel("The committee's note (public)").fill(grantNote);
	await clerk.getByRole('button', { name: 'Record the decision' }).click();
	await expect(clerk.getByRole('status')).toHaveText('Decision recorded.');
	expect(commitment()).toMatchObject({
		due_on: ASKED_UNTIL,
		procedural_status: 'extension_granted'
	});

	// The public page: both accounts side by side, the exchange, the new due date and why.
	await anonymous.goto(PUBLIC_PAGE);
	const accounts = anonymous.locator('section.accounts');
	await expect(accounts.getByRole('heading', { level: 3 })).toHaveText([
		"The committee's assessment",
		/^What the ministry says \(State Department for Internal Security/
	]);
	const ministrySide = accounts.locator('.side', { hasText: 'What the ministry says' });
	await expect(ministrySide).toContainText(REPORT);
	await expect(ministrySide).toContainText('On track');
	await expect(ministrySide).toContainText('1 document');
	const exchange = anonymous.locator('article.submission');
	await expect(exchange.filter({ hasText: REPORT })).toContainText('Received');
	await expect(exchange.filter({ hasText: REASONS })).toContainText(grantNote);
	const history = anonymous.locator('#due-history + ol li', {
		hasText: `moved from ${formatDate(dueBefore)} to ${formatDate(ASKED_UNTIL)}`
	});
	await expect(history).toHaveCount(1);
	await expect(history).toContainText(REASONS);
	// The report's PDF is public now, as a download.
	const download = await visitor.request.get(docPath);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(download.headers()['content-disposition']).toMatch(
		/^attachment; filename="ngao-report\.pdf"/
	);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	expect(Buffer.from(await download.body()).equals(pdf)).toBe(true);

	// The committee's scorecard counts the report (on time: sent before the due date) and the
	// request granted; the rest stays as it was.
	const figuresAfter = await replyFiguresOf(anonymous);
	const plus = (label: string, n: number) => String(Number(figuresBefore[label]) + n);
	expect(figuresAfter).toMatchObject({
		'reports on time': plus('reports on time', 1),
		'reports late': figuresBefore['reports late'],
		'due, no report': figuresBefore['due, no report'],
		'requests for more time granted': plus('requests for more time granted', 1),
		'requests for more time refused': figuresBefore['requests for more time refused']
	});

	await visitor.close();
	await clerk.context().close();
	await ministry.context().close();
});

test('a file that only pretends to be a PDF is refused by name, and nothing is saved', async ({
	browser
}) => {
	const c = commitment();
	const ministry = await signedInPage(browser, 'ministry');
	await ministry.goto(`/ministry/commitments/${c.id}`);
	const before = counts();
	const form = newForm(ministry);
	await form.getByRole('radio', { name: 'Implementation report' }).check();
	await form
		.getByLabel('Text', { exact: true })
		.fill(`A report with a disguised file (test data ${RUN}).`);
	await form.getByLabel('The status the ministry claims').selectOption({ label: 'On track' });
	await form.getByLabel('Documents (optional)').setInputFiles([
		{ name: 'genuine.pdf', mimeType: 'application/pdf', buffer: TEST_PDF('genuine') },
		{
			name: 'minutes.pdf',
			mimeType: 'application/pdf',
			buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')
		}
	]);
	await form.getByRole('button', { name: 'Save as draft' }).click();
	const message =
		'minutes.pdf is not a PDF, Word, OpenDocument, PNG or JPEG file (its contents were checked, not its name)';
	await expect(ministry.locator('.error-summary')).toContainText(message);
	await expect(newForm(ministry).locator('.field-error')).toContainText(message);
	await expectSummaryLinksToFields(ministry);
	// The text typed is kept; nothing was stored, not even the genuine PDF.
	await expect(newForm(ministry).getByLabel('Text', { exact: true })).toHaveValue(
		`A report with a disguised file (test data ${RUN}).`
	);
	expect(counts()).toEqual(before);
	await ministry.context().close();
});

test('a clerk invites an officer by a one-time link; the officer sets a password and signs in to /ministry (without JavaScript)', async ({
	browser
}) => {
	const clerk = await signedInPage(browser, 'clerkA');
	await clerk.goto('/workspace/ministries');
	const email = `officer.${RUN}@ahadi.example`;
	await clerk.getByLabel('Full name').fill(`Test Officer ${RUN} (test data)`);
	await clerk.getByLabel('E-mail address').fill(email);
	await clerk
		.getByLabel('Responsible organisation')
		.selectOption({ label: 'State Department for Internal Security and National Administration' });
	await clerk.getByRole('button', { name: 'Create the invitation link' }).click();
	await expect(clerk.getByRole('status')).toContainText(
		'Invitation link: copy it now, it is shown only once'
	);
	const link = (await clerk.locator('code.link').innerText()).trim();
	expect(link).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
	const path = new URL(link).pathname;
	// Shown once: the page does not show it again, and the token is not stored as such.
	await clerk.goto('/workspace/ministries');
	await expect(clerk.locator('main')).not.toContainText(path);
	const officerRow = clerk.locator('tbody tr', { hasText: email });
	await expect(officerRow).toContainText('Invited, not yet signed in');
	expect(
		readDb('select 1 from user_invitations where token_hash = ?', path.split('/').pop())
	).toEqual([]);

	// The invited person, in a browser without JavaScript (the pages ship none).
	const context = await browser.newContext({ javaScriptEnabled: false });
	const officer = await context.newPage();
	const opened = await officer.goto(path);
	expect(opened?.status()).toBe(200);
	// The token in the address is never sent on to another site as a referrer, nor kept by a
	// cache (and the form still posts: 'no-referrer' would make the browser send Origin: null).
	expect(opened?.headers()['referrer-policy']).toBe('same-origin');
	await expect(officer.locator('meta[name="referrer"]')).toHaveAttribute('content', 'same-origin');
	expect(opened?.headers()['cache-control']).toBe('private, no-store');
	await expect(officer.locator('main')).toContainText(email);
	const password = `officer password ${RUN}`;
	await officer.getByLabel('New password', { exact: true }).fill(password);
	await officer.getByLabel('New password again').fill(password);
	await officer.getByRole('button', { name: 'Set my password' }).click();
	await expect(officer).toHaveURL(/\/login\?invited=1$/);
	await expect(officer.locator('main')).toContainText('Your password is set. Sign in with it.');
	await officer.getByLabel('Email').fill(email);
	await officer.getByLabel('Password').fill(password);
	await officer.getByRole('button', { name: 'Sign in' }).click();
	await expect(officer).toHaveURL(/\/ministry$/);
	await expect(officer.getByRole('heading', { level: 1 })).toHaveText('Your undertakings');
	await expect(officer.locator('tbody tr', { hasText: REF })).toHaveCount(1);

	// The link is used up; the clerk sees an active officer, with no new link to give.
	expect((await context.request.get(path)).status()).toBe(404);
	await clerk.reload();
	await expect(officerRow).toContainText('Active');
	await expect(officerRow.getByRole('button', { name: 'New link' })).toHaveCount(0);
	await context.close();
	await clerk.context().close();
});
