// The clerk workspace, part B: milestones, updates with evidence, funding links and budget
// figures (by hand and by CSV import); committee scope; hostile input to every action; and the
// pages' accessibility. Invented text and figures are marked "test data".
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
const VOTE_1021 = 'State Department for Internal Security and National Administration';
const HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url';
const SOURCE = 'Appropriation Act 2025 and CoB Q1 report (illustrative test data)';

const one = <T>(query: string, ...params: unknown[]) => {
	const [row] = readDb<T>(query, ...params);
	if (!row) throw new Error(`no row for ${query}`);
	return row;
};
const count = (table: string) => one<{ n: number }>(`select count(*) as n from ${table}`).n;
const commitmentRow = (id: number) =>
	one<{
		version: number;
		delivery_status: string;
		procedural_status: string;
		funding_status: string;
		due_on: string | null;
		visibility: string;
	}>(
		'select version, delivery_status, procedural_status, funding_status, due_on, visibility from commitments where id = ?',
		id
	);

/** A draft DCAIS commitment made through part A's service (the sitting of DCAIS/2025/001). */
async function makeDraft(title: string) {
	const clerk = one<Editor>(
		'select id, name, email from users where email = ?',
		demoAccount('clerkA').email
	);
	const ref = one<{
		sitting_id: number;
		organisation_id: number;
		office_id: number;
		committee_id: number;
	}>(
		"select sitting_id, organisation_id, office_id, committee_id from commitments where ref = 'DCAIS/2025/001'"
	);
	return withAppDb((db) =>
		createCommitment(db, clerk, {
			title,
			summary: 'Test data: a commitment made for an end-to-end test of milestones and money.',
			quote: 'Test data: we will set up the unit and fund it.',
			quoteSourceTitle: 'Hansard (test data)',
			quoteSourceUrl: null,
			quoteSourceLocator: null,
			organisationId: ref.organisation_id,
			officeId: ref.office_id,
			personId: null,
			type: 'institution',
			tags: [],
			measurableTarget: null,
			sitting: { id: ref.sitting_id, committeeId: ref.committee_id },
			givenOn: '2025-04-23',
			due: {
				mode: 'hand',
				dueOn: '2026-06-30',
				basis: 'Date given by the Cabinet Secretary (test data)'
			}
		})
	);
}

async function signInAs(page: Page, key: 'clerkA' | 'clerkB') {
	const { email, password } = demoAccount(key);
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page).not.toHaveURL(/\/login/);
}

function csvFile(name: string, rows: string[]) {
	return { name, mimeType: 'text/csv', buffer: Buffer.from([HEADER, ...rows].join('\n') + '\n') };
}

/** Three figures of a new test line of vote 1021; `broken` spoils two cells of two rows. */
function figuresCsv(programme: string, broken = false) {
	const line = `2025/26,1021,${VOTE_1021},${programme},Counter-trafficking unit (test data),recurrent`;
	return [
		`${line},approved,60000000,2025-06-30,${SOURCE},https://www.treasury.go.ke/`,
		`${line},released,${broken ? '-15000000' : '15000000'},2025-09-30,${SOURCE},`,
		`${line},${broken ? 'budgeted' : 'spent'},9000000,${broken ? '2025-09-31' : '2025-09-30'},${SOURCE},`
	];
}

async function uploadCsv(page: Page, file: ReturnType<typeof csvFile>) {
	await page.goto('/workspace/budget/import');
	await page.getByLabel('CSV file').setInputFiles(file);
	await page.getByRole('button', { name: 'Preview the import' }).click();
}

test.beforeAll(ensureDemoUsers);

test('a clerk adds milestones, links a budget line, records an update, imports figures and the public sees it all', async ({
	page
}) => {
	const title = `Establish the counter-trafficking unit (test ${RUN})`;
	const { id, ref } = await makeDraft(title);
	await signInAs(page, 'clerkA');

	// Milestones: two added, one marked met with evidence; progress is derived from the weights.
	await page.goto(`/workspace/commitments/${id}/milestones`);
	await expect(page.locator('.notice.warning')).toContainText('Draft');
	await expect(page.getByText('Progress unknown')).toBeVisible();
	const milestones = [
		{
			title: `Unit gazetted <script>window.__xss = 1</script> (test ${RUN})`,
			on: '2025-12-31',
			weight: '1'
		},
		{ title: `Unit staffed and operational (test ${RUN})`, on: '2026-06-30', weight: '3' }
	];
	for (const m of milestones) {
		await page.getByLabel('Milestone', { exact: true }).fill(m.title);
		await page.getByLabel('Planned date').fill(m.on);
		await page.getByLabel('Weight').fill(m.weight);
		await page.getByRole('button', { name: 'Add milestone' }).click();
		await expect(page.getByRole('status')).toContainText('The milestone has been added');
	}
	await expect(page.locator('tbody tr')).toHaveCount(2);
	await page.getByRole('link', { name: `Record outcome of ${milestones[0]!.title}` }).click();
	await page.getByLabel('Outcome', { exact: true }).selectOption('met');
	await page.getByLabel('Actual date').fill('2025-11-20');
	await page.getByLabel('Type').selectOption({ label: 'Gazette notice' });
	await page.getByLabel('Title').fill(`Gazette Notice No. 1234 of 2025 (test data ${RUN})`);
	await page.getByLabel('Web address (optional)').fill('https://www.kenyalaw.org/kenya_gazette/');
	await page.getByRole('button', { name: 'Record outcome' }).click();
	await expect(page.getByRole('status')).toContainText('outcome has been recorded');
	// Weight 1 of 4 met.
	await expect(page.locator('.progress')).toContainText('25%');
	const marked = one<{ status: string; actual_on: string; evidence: string }>(
		`select m.status, m.actual_on, e.title as evidence from milestones m join evidence e on e.id = m.evidence_id
		 where m.commitment_id = ? and m.status = 'met'`,
		id
	);
	expect(marked).toEqual({
		status: 'met',
		actual_on: '2025-11-20',
		evidence: `Gazette Notice No. 1234 of 2025 (test data ${RUN})`
	});

	// Funding: find the 2025/26 line for the newly gazetted units and link a quarter of it.
	await page.getByRole('link', { name: 'Funding' }).click();
	await expect(page.getByText('No budget line identified', { exact: true })).toBeVisible();
	await page.getByLabel('Fiscal year').selectOption('2025/26');
	await page.getByLabel('Vote', { exact: true }).selectOption('1021');
	await page.getByLabel('Programme contains').fill('gazetted');
	await page.getByRole('button', { name: 'Find lines' }).click();
	await expect(page.getByText('1 line found')).toBeVisible();
	const unitsLine = one<{ id: number }>(
		"select id from budget_lines where fiscal_year = '2025/26' and vote_code = '1021' and sub_programme like 'Operationalisation%'"
	);
	await page.getByLabel('Budget line', { exact: true }).selectOption(String(unitsLine.id));
	await page.getByLabel('Percentage (for a percentage share)').fill('25');
	await page.getByLabel('Earmarked: the budget names this purpose').check();
	await page.getByLabel('Note (optional)').fill('Test data: a quarter of the units line.');
	await page.getByRole('button', { name: 'Link this line' }).click();
	await expect(page.getByRole('status')).toContainText('The budget line has been linked');
	await expect(page.getByText('Funding status: Partly released')).toBeVisible();
	// A quarter of the KES 616 m ceiling.
	await expect(page.locator('tbody tr').first()).toContainText('KES 154 m');
	expect(commitmentRow(id).funding_status).toBe('partly_released');

	// An update that changes the delivery status (with evidence) and the due date (with a reason).
	await page.getByRole('link', { name: 'Updates' }).click();
	await page.getByLabel('What happened').fill(`Test data: the unit was gazetted (${RUN}).`);
	await page.getByLabel('New delivery status (optional)').selectOption({ label: 'On track' });
	await page.getByRole('button', { name: 'Record update' }).click();
	// Without evidence the change is refused and the input is kept.
	await expect(page.locator('.error-summary')).toContainText('at least one evidence item');
	await expect(page.getByLabel('What happened')).toHaveValue(
		`Test data: the unit was gazetted (${RUN}).`
	);
	await page.getByLabel('New due date (optional)').fill('2026-09-30');
	await page
		.getByLabel('Reason (when needed)')
		.fill('The committee allowed time for staffing (test data)');
	await page.getByLabel(/Gazette Notice No\. 1234 of 2025/).check();
	await page.locator('#evidence_type_1').selectOption({ label: 'Hansard' });
	await page
		.locator('#evidence_title_1')
		.fill(`Hansard of the committee sitting (test data ${RUN})`);
	await page.getByRole('button', { name: 'Record update' }).click();
	await expect(page.getByRole('status')).toContainText('The update has been recorded');
	expect(commitmentRow(id)).toMatchObject({ delivery_status: 'on_track', due_on: '2026-09-30' });
	const update = one<{ id: number; delivery_from: string; delivery_to: string; evidence: number }>(
		`select u.id, u.delivery_from, u.delivery_to, (select count(*) from update_evidence ue where ue.update_id = u.id) as evidence
		 from updates u where u.commitment_id = ? and u.delivery_to is not null`,
		id
	);
	expect(update).toMatchObject({
		delivery_from: 'not_started',
		delivery_to: 'on_track',
		evidence: 2
	});
	expect(
		one<{ reason: string }>('select reason from due_date_changes where update_id = ?', update.id)
			.reason
	).toBe('The committee allowed time for staffing (test data)');

	// Import: a broken file first shows every error by line and column and writes nothing.
	const programme = `Test programme ${RUN}`;
	const figuresBefore = count('budget_figures');
	const jobsBefore = count('import_jobs');
	await uploadCsv(page, csvFile('broken.csv', figuresCsv(programme, true)));
	const summary = page.locator('.error-summary');
	await expect(summary).toContainText('The file has 3 problems');
	await expect(summary).toContainText('Line 3, column amount_kes: "-15000000" is negative');
	await expect(summary).toContainText('Line 4, column phase: "budgeted" is not a budget phase');
	await expect(summary).toContainText('Line 4, column as_of: "2025-09-31" is not a real date');
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	expect(count('budget_figures')).toBe(figuresBefore);
	expect(count('import_jobs')).toBe(jobsBefore);

	// The fixed file: preview, confirm, and the result.
	await uploadCsv(page, csvFile('fixed.csv', figuresCsv(programme)));
	await expect(page).toHaveURL(/\/workspace\/budget\/import\?job=/);
	await expect(page.locator('.counts')).toContainText(/To add\s*3/);
	await expect(page.getByText('New budget line').first()).toBeVisible();
	expect(count('budget_figures')).toBe(figuresBefore);
	await page.getByRole('button', { name: 'Import 3 rows' }).click();
	await expect(page.getByRole('status')).toContainText('The import is complete');
	await expect(page.locator('.counts')).toContainText(/Figures added\s*3/);
	expect(count('budget_figures')).toBe(figuresBefore + 3);

	// Publish (part A's button), then the public pages show it all.
	await page.goto(`/workspace/commitments/${id}`);
	await page.getByRole('button', { name: 'Publish this commitment' }).click();
	await expect(page.getByRole('status')).toContainText('has been published');

	await page.goto(`/commitments/${encodeURIComponent(ref)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	// The script typed into a milestone title is shown as text and never run.
	await expect(page.getByText(milestones[0]!.title).first()).toBeVisible();
	expect(
		await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)
	).toBeUndefined();
	await expect(page.getByText(milestones[1]!.title).first()).toBeVisible();
	// The update's note: in the committee's assessment (the latest update) and in the change log.
	await expect(page.getByText(`Test data: the unit was gazetted (${RUN}).`)).toHaveCount(2);
	await expect(
		page.locator('section.accounts').getByText(`Test data: the unit was gazetted (${RUN}).`)
	).toBeVisible();
	await expect(page.getByText(`Hansard of the committee sitting (test data ${RUN})`)).toBeVisible();
	await expect(
		page.getByText('Operationalisation of newly gazetted administrative units').first()
	).toBeVisible();

	await page.goto(`/budget?fiscalYear=2025%2F26&programme=${encodeURIComponent(programme)}`);
	const line = page.getByRole('region', { name: new RegExp(programme) });
	await expect(line).toContainText('KES 60 m');
	await expect(line).toContainText('KES 15 m');
	await expect(line).toContainText('KES 9 m');
	await expect(line).toContainText('25%');
});

test('importing the same file twice changes nothing the second time', async ({ page }) => {
	await signInAs(page, 'clerkA');
	const file = csvFile('twice.csv', figuresCsv(`Twice programme ${RUN}`));
	await uploadCsv(page, file);
	await page.getByRole('button', { name: 'Import 3 rows' }).click();
	await expect(page.locator('.counts')).toContainText(/Figures added\s*3/);

	const before = count('budget_figures');
	await uploadCsv(page, file);
	const counts = page.locator('.counts');
	await expect(counts).toContainText(/To add\s*0/);
	await expect(counts).toContainText(/To change\s*0/);
	await expect(counts).toContainText(/Unchanged\s*3/);
	await expect(page.getByText('The file adds and changes nothing')).toBeVisible();
	await page.getByRole('button', { name: 'Import 3 rows' }).click();
	await expect(page.locator('.counts')).toContainText(/Figures added\s*0/);
	await expect(page.locator('.counts')).toContainText(/Figures changed\s*0/);
	expect(count('budget_figures')).toBe(before);
});

test('a budget figure typed by hand is added, and a correction must be confirmed', async ({
	page
}) => {
	await signInAs(page, 'clerkA');
	await page.goto('/workspace/budget');
	const programme = `Hand-entered programme ${RUN}`;
	await page.locator('#fiscal_year').fill('2025/26');
	await page.locator('#vote_code').fill('1021');
	await page.locator('#vote_name').fill(VOTE_1021);
	await page.locator('#programme').fill(programme);
	await page.locator('#economic_class').selectOption('development');
	await page.getByRole('button', { name: 'Add budget line' }).click();
	await expect(page.getByRole('status')).toContainText('The budget line has been added');

	const lineId = String(
		one<{ id: number }>('select id from budget_lines where programme = ?', programme).id
	);
	await expect(page.locator('#budget_line_id')).toHaveValue(lineId);
	await page.getByLabel('Phase').selectOption('approved');
	await page.getByLabel('Amount in shillings').fill('KES 1,000,000');
	await page.getByLabel('As-of date').fill('2025-06-30');
	await page.getByLabel('Source', { exact: true }).fill('Appropriation Act 2025 (test data)');
	await page.getByRole('button', { name: 'Save figure' }).click();
	await expect(page.getByRole('status')).toContainText('The figure has been added');

	// The same line, phase and date again: the stored figure is shown and must be confirmed.
	await page.goto('/workspace/budget?fy=2025%2F26&vote=1021');
	await page.locator('#budget_line_id').selectOption(lineId);
	await page.getByLabel('Phase').selectOption('approved');
	await page.getByLabel('Amount in shillings').fill('2000000');
	await page.getByLabel('As-of date').fill('2025-06-30');
	await page
		.getByLabel('Source', { exact: true })
		.fill('Appropriation Act 2025, corrected (test data)');
	await page.getByRole('button', { name: 'Save figure' }).click();
	await expect(page.locator('.notice.warning')).toContainText('KES 1,000,000');
	await page.getByRole('button', { name: 'Correct the stored figure' }).click();
	await expect(page.getByRole('status')).toContainText('The figure has been corrected');
	const figure = one<{ amount_kes: number; id: number }>(
		`select f.id, f.amount_kes from budget_figures f join budget_lines l on l.id = f.budget_line_id where l.programme = ?`,
		programme
	);
	expect(figure.amount_kes).toBe(2_000_000);
	const audit = one<{ before_json: string; after_json: string }>(
		"select before_json, after_json from audit_log where entity = 'budget_figure' and entity_id = ? and action = 'budget_figure.corrected'",
		String(figure.id)
	);
	expect(JSON.parse(audit.before_json)).toMatchObject({ amountKes: 1_000_000 });
	expect(JSON.parse(audit.after_json)).toMatchObject({ amountKes: 2_000_000 });
});

test('two sessions record updates on one commitment: the second is refused and keeps its input', async ({
	browser
}) => {
	const { id } = await makeDraft(`Two sessions (test ${RUN})`);
	const first = await browser.newPage();
	const second = await browser.newPage();
	for (const page of [first, second]) {
		await signInAs(page, 'clerkA');
		await page.goto(`/workspace/commitments/${id}/updates`);
	}
	await first.getByLabel('What happened').fill('Test data: the first note.');
	await first.getByRole('button', { name: 'Record update' }).click();
	await expect(first.getByRole('status')).toContainText('The update has been recorded');

	const before = dbSnapshot();
	await second.getByLabel('What happened').fill('Test data: the second note.');
	await second.getByRole('button', { name: 'Record update' }).click();
	await expect(
		second
			.getByText('Someone else saved this commitment (Brian Otieno (demo clerk, DCAIS), at')
			.first()
	).toBeVisible();
	await expect(second.getByLabel('What happened')).toHaveValue('Test data: the second note.');
	expect(dbSnapshot()).toBe(before);
	// Saving again, after review, works.
	await second.getByRole('button', { name: 'Record update' }).click();
	await expect(second.getByRole('status')).toContainText('The update has been recorded');
	expect(readDb('select id from updates where commitment_id = ?', id)).toHaveLength(2);
	await first.close();
	await second.close();
});

test('a clerk of another committee cannot open or post to a DCAIS commitment’s milestones, updates or funding (404)', async () => {
	const finance = await signedInClient(demoAccount('clerkB').email, demoAccount('clerkB').password);
	const c = one<{ id: number; version: number }>(
		"select id, version from commitments where ref = 'DCAIS/2025/002'"
	);
	const milestone = one<{ id: number; version: number }>(
		'select id, version from milestones where commitment_id = ? order by id limit 1',
		c.id
	);
	const line = one<{ id: number }>("select id from budget_lines where vote_code = 'NPS'");
	const before = dbSnapshot();
	const base = `/workspace/commitments/${c.id}`;
	for (const path of [`${base}/milestones`, `${base}/updates`, `${base}/funding`]) {
		expect((await finance.get(path)).status(), path).toBe(404);
	}
	const posts: [string, Record<string, string>][] = [
		[`${base}/milestones?/add`, { title: 'Test data', planned_on: '2026-01-01', weight: '1' }],
		[
			`${base}/milestones?/edit`,
			{
				milestone_id: String(milestone.id),
				version: String(milestone.version),
				title: 'Hijack',
				planned_on: '2026-01-01',
				weight: '1'
			}
		],
		[
			`${base}/milestones?/mark`,
			{
				milestone_id: String(milestone.id),
				version: String(milestone.version),
				status: 'missed',
				existing_evidence: '1'
			}
		],
		[
			`${base}/updates?/record`,
			{ version: String(c.version), update_on: '2026-01-01', note: 'Hijack' }
		],
		[
			`${base}/funding?/add`,
			{
				budget_line_id: String(line.id),
				share_kind: 'percent',
				share_percent: '10',
				basis: 'indicative'
			}
		],
		[`${base}/funding?/remove`, { link_id: '1' }]
	];
	for (const [path, form] of posts) {
		expect((await finance.post(path, formBody(form))).status(), path).toBe(404);
	}
	expect(dbSnapshot(), 'a refused request changed the database').toBe(before);
	await finance.dispose();
});

test.describe('hostile input to every action gets a 4xx and changes nothing', () => {
	const HUGE = 'x'.repeat(100_000);
	const SCRIPT = '<script>alert(1)</script>';
	let clerk: APIRequestContext;
	let ids: {
		draft: number;
		version: number;
		milestone: number;
		milestoneVersion: number;
		otherMilestone: number;
		otherEvidence: number;
		link: number;
		stamp: string;
		otherLink: number;
		line: number;
		otherCommitment: number;
	};

	test.beforeAll(async () => {
		clerk = await signedInClient(demoAccount('clerkA').email, demoAccount('clerkA').password);
		const draft = await makeDraft(`Hostile money target (test ${RUN})`);
		const line = one<{ id: number }>(
			"select id from budget_lines where fiscal_year = '2025/26' and vote_code = '1021' and economic_class = 'development'"
		);
		// A milestone and a link of the target, made through the app.
		const base = `/workspace/commitments/${draft.id}`;
		expect(
			(
				await clerk.post(
					`${base}/milestones?/add`,
					formBody({ title: 'Test data: target milestone', planned_on: '2026-01-31', weight: '2' })
				)
			).status()
		).toBe(303);
		expect(
			(
				await clerk.post(
					`${base}/funding?/add`,
					formBody({
						budget_line_id: String(line.id),
						share_kind: 'amount',
						share_amount: '1000000',
						basis: 'indicative'
					})
				)
			).status()
		).toBe(303);
		const milestone = one<{ id: number; version: number }>(
			'select id, version from milestones where commitment_id = ?',
			draft.id
		);
		const link = one<{ id: number }>(
			'select id from funding_links where commitment_id = ?',
			draft.id
		);
		const other = one<{ id: number }>("select id from commitments where ref = 'DCAIS/2025/001'");
		ids = {
			draft: draft.id,
			version: commitmentRow(draft.id).version,
			milestone: milestone.id,
			milestoneVersion: milestone.version,
			otherMilestone: one<{ id: number }>(
				'select id from milestones where commitment_id = ? limit 1',
				other.id
			).id,
			otherEvidence: one<{ id: number }>(
				'select id from evidence where commitment_id = ? limit 1',
				other.id
			).id,
			link: link.id,
			stamp: 'amount||1000000|indicative|',
			otherLink: one<{ id: number }>(
				'select id from funding_links where commitment_id = ? limit 1',
				other.id
			).id,
			line: line.id,
			otherCommitment: one<{ id: number }>(
				"select id from commitments where ref = 'DCFNP/2025/001'"
			).id
		};
	});
	test.afterAll(async () => {
		await clerk.dispose();
	});

	const at = (path: string) => () => `/workspace/commitments/${ids.draft}/${path}`;
	const milestoneForm = (o: Record<string, string> = {}) => ({
		title: 'Test data: milestone',
		planned_on: '2026-03-31',
		weight: '1',
		...o
	});
	const editForm = (o: Record<string, string> = {}) => ({
		...milestoneForm(),
		milestone_id: String(ids.milestone),
		version: String(ids.milestoneVersion),
		...o
	});
	const markForm = (o: Record<string, string> = {}) => ({
		milestone_id: String(ids.milestone),
		version: String(ids.milestoneVersion),
		status: 'met',
		actual_on: '2025-12-01',
		evidence_type_1: 'hansard',
		evidence_title_1: 'Hansard (test data)',
		...o
	});
	const updateForm = (o: Record<string, string | string[]> = {}) => ({
		version: String(ids.version),
		update_on: '2025-12-01',
		note: 'Test data: hostile update',
		...o
	});
	const linkForm = (o: Record<string, string> = {}) => ({
		budget_line_id: String(ids.line),
		share_kind: 'percent',
		share_percent: '10',
		basis: 'indicative',
		...o
	});
	const editLinkForm = (o: Record<string, string> = {}) => ({
		link_id: String(ids.link),
		stamp: ids.stamp,
		share_kind: 'amount',
		share_amount: '2000000',
		basis: 'earmarked',
		...o
	});
	const lineForm = (o: Record<string, string> = {}) => ({
		fiscal_year: '2025/26',
		vote_code: '1021',
		vote_name: VOTE_1021,
		programme: `Hostile programme ${RUN}`,
		economic_class: 'recurrent',
		...o
	});
	const figureForm = (o: Record<string, string> = {}) => ({
		budget_line_id: String(ids.line),
		phase: 'released',
		amount: '1000',
		as_of: '2025-09-30',
		source_title: 'Test data',
		...o
	});

	type Form = Record<string, string | string[]>;
	const cases: [name: string, path: () => string, form: () => Form, status?: number][] = [
		// Milestones.
		[
			'milestone: wrong types',
			at('milestones?/add'),
			() => milestoneForm({ weight: 'heavy', planned_on: 'soon' })
		],
		[
			'milestone: weight out of range',
			at('milestones?/add'),
			() => milestoneForm({ weight: '101' })
		],
		['milestone: negative weight', at('milestones?/add'), () => milestoneForm({ weight: '-1' })],
		['milestone: 100 kB title', at('milestones?/add'), () => milestoneForm({ title: HUGE })],
		[
			'milestone: script and no date',
			at('milestones?/add'),
			() => milestoneForm({ title: SCRIPT, planned_on: '' })
		],
		[
			'milestone: impossible date',
			at('milestones?/add'),
			() => milestoneForm({ planned_on: '2026-02-30' })
		],
		[
			'milestone: before the commitment',
			at('milestones?/add'),
			() => milestoneForm({ planned_on: '2020-01-01' })
		],
		[
			'milestone edit: stale version',
			at('milestones?/edit'),
			() => editForm({ version: '99' }),
			409
		],
		[
			'milestone edit: another commitment’s milestone',
			at('milestones?/edit'),
			() => editForm({ milestone_id: String(ids.otherMilestone) }),
			404
		],
		[
			'milestone edit: version not a number',
			at('milestones?/edit'),
			() => editForm({ version: '1; drop table milestones' })
		],
		['mark: unknown outcome', at('milestones?/mark'), () => markForm({ status: 'done' })],
		['mark: met without a date', at('milestones?/mark'), () => markForm({ actual_on: '' })],
		['mark: in the future', at('milestones?/mark'), () => markForm({ actual_on: '2099-01-01' })],
		[
			'mark: without evidence',
			at('milestones?/mark'),
			() => markForm({ evidence_type_1: '', evidence_title_1: '' })
		],
		[
			'mark: unknown evidence type',
			at('milestones?/mark'),
			() => markForm({ evidence_type_1: 'rumour' })
		],
		[
			'mark: javascript: URL',
			at('milestones?/mark'),
			() => markForm({ evidence_url_1: 'javascript:alert(1)' })
		],
		[
			'mark: another commitment’s evidence',
			at('milestones?/mark'),
			() =>
				markForm({
					evidence_type_1: '',
					evidence_title_1: '',
					existing_evidence: String(ids.otherEvidence)
				})
		],
		// Updates.
		['update: no note', at('updates?/record'), () => updateForm({ note: '' })],
		['update: 100 kB note', at('updates?/record'), () => updateForm({ note: HUGE })],
		['update: in the future', at('updates?/record'), () => updateForm({ update_on: '2099-12-31' })],
		[
			'update: impossible date',
			at('updates?/record'),
			() => updateForm({ update_on: '2025-13-01' })
		],
		[
			'update: unknown status',
			at('updates?/record'),
			() => updateForm({ delivery_to: 'nearly_done' })
		],
		[
			'update: status change without evidence',
			at('updates?/record'),
			() => updateForm({ delivery_to: 'on_track' })
		],
		[
			'update: not pursued without a reason',
			at('updates?/record'),
			() =>
				updateForm({
					delivery_to: 'not_pursued',
					evidence_type_1: 'news',
					evidence_title_1: SCRIPT
				})
		],
		[
			'update: due date without a reason',
			at('updates?/record'),
			() => updateForm({ due_to: '2027-01-01' })
		],
		[
			'update: extension granted by hand',
			at('updates?/record'),
			() =>
				updateForm({
					procedural_to: 'extension_granted',
					evidence_type_1: 'news',
					evidence_title_1: 'x'
				})
		],
		[
			'update: decision without a request',
			at('updates?/record'),
			() => updateForm({ decision: 'granted', request_id: '1', decided_on: '2025-12-01' })
		],
		[
			'update: another commitment’s evidence',
			at('updates?/record'),
			() => updateForm({ delivery_to: 'on_track', existing_evidence: [String(ids.otherEvidence)] })
		],
		['update: stale version', at('updates?/record'), () => updateForm({ version: '99' }), 409],
		[
			'update: script in a note with a bad date',
			at('updates?/record'),
			() => updateForm({ note: SCRIPT, update_on: 'today' })
		],
		// Funding links.
		['link: percent over 100', at('funding?/add'), () => linkForm({ share_percent: '150' })],
		[
			'link: percent with 3 decimals',
			at('funding?/add'),
			() => linkForm({ share_percent: '12.345' })
		],
		[
			'link: negative amount',
			at('funding?/add'),
			() => linkForm({ share_kind: 'amount', share_percent: '', share_amount: '-500' })
		],
		[
			'link: non-numeric amount',
			at('funding?/add'),
			() => linkForm({ share_kind: 'amount', share_percent: '', share_amount: 'a lot' })
		],
		['link: unknown basis', at('funding?/add'), () => linkForm({ basis: 'promised' })],
		['link: unknown line', at('funding?/add'), () => linkForm({ budget_line_id: '999999' })],
		['link: the same line twice', at('funding?/add'), () => linkForm()],
		['link: 100 kB note', at('funding?/add'), () => linkForm({ note: HUGE })],
		[
			'link edit: stale stamp',
			at('funding?/edit'),
			() => editLinkForm({ stamp: 'percent|5000||earmarked|' }),
			409
		],
		[
			'link edit: another commitment’s link',
			at('funding?/edit'),
			() => editLinkForm({ link_id: String(ids.otherLink) }),
			404
		],
		[
			'link remove: another commitment’s link',
			at('funding?/remove'),
			() => ({ link_id: String(ids.otherLink) }),
			404
		],
		['link remove: not an id', at('funding?/remove'), () => ({ link_id: '1 or 1=1' })],
		[
			'another committee’s commitment',
			() => `/workspace/commitments/${ids.otherCommitment}/updates?/record`,
			() => updateForm(),
			404
		],
		// Budget lines and figures.
		[
			'line: bad fiscal year',
			() => '/workspace/budget?/line',
			() => lineForm({ fiscal_year: '2025/27' })
		],
		[
			'line: vote code with letters',
			() => '/workspace/budget?/line',
			() => lineForm({ vote_code: 'DROP' })
		],
		[
			'line: another name for vote 1021',
			() => '/workspace/budget?/line',
			() => lineForm({ vote_name: SCRIPT })
		],
		[
			'line: unknown class',
			() => '/workspace/budget?/line',
			() => lineForm({ economic_class: 'capital' })
		],
		[
			'figure: negative amount',
			() => '/workspace/budget?/figure',
			() => figureForm({ amount: '-1000' })
		],
		['figure: cents', () => '/workspace/budget?/figure', () => figureForm({ amount: '1000.50' })],
		[
			'figure: non-numeric amount',
			() => '/workspace/budget?/figure',
			() => figureForm({ amount: '1e9' })
		],
		[
			'figure: unknown phase',
			() => '/workspace/budget?/figure',
			() => figureForm({ phase: 'hoped' })
		],
		[
			'figure: impossible date',
			() => '/workspace/budget?/figure',
			() => figureForm({ as_of: '2025-02-29' })
		],
		[
			'figure: in the future',
			() => '/workspace/budget?/figure',
			() => figureForm({ as_of: '2099-01-01' })
		],
		[
			'figure: unknown line',
			() => '/workspace/budget?/figure',
			() => figureForm({ budget_line_id: '999999' })
		],
		[
			'figure: javascript: URL',
			() => '/workspace/budget?/figure',
			() => figureForm({ source_url: 'javascript:alert(1)' })
		],
		[
			'figure: 100 kB source',
			() => '/workspace/budget?/figure',
			() => figureForm({ source_title: HUGE })
		],
		// Import.
		[
			'import confirm: unknown job',
			() => '/workspace/budget/import?/confirm',
			() => ({ job_id: 'AAAAAAAAAAAAAAAAAAAAAAAA' }),
			404
		],
		[
			'import confirm: not a job id',
			() => '/workspace/budget/import?/confirm',
			() => ({ job_id: "' or 1=1 --" }),
			404
		],
		[
			'import preview: no file',
			() => '/workspace/budget/import?/preview',
			() => ({ file: 'not a file' })
		]
	];

	for (const [name, path, form, status] of cases) {
		test(name, async () => {
			const before = dbSnapshot();
			const res = await clerk.post(path(), formBody(form()));
			if (status) expect(res.status()).toBe(status);
			else expect(res.status()).toBeGreaterThanOrEqual(400);
			expect(res.status()).toBeLessThan(500);
			expect(dbSnapshot(), 'a refused request changed the database').toBe(before);
		});
	}

	const uploads: [name: string, content: string][] = [
		['a wrong header', 'a,b,c\n1,2,3\n'],
		['negative and non-numeric money', [HEADER, ...figuresCsv('Hostile', true)].join('\n')],
		[
			'script in text with a bad amount',
			[HEADER, `2025/26,1021,${VOTE_1021},${SCRIPT},,recurrent,approved,lots,2025-06-30,x,`].join(
				'\n'
			)
		],
		['not UTF-8', '\xff\xfe\x00garbage'],
		['an unclosed quote', `${HEADER}\n"2025/26,1021`]
	];
	for (const [name, content] of uploads) {
		test(`import preview: ${name}`, async () => {
			const before = dbSnapshot();
			const res = await clerk.post('/workspace/budget/import?/preview', {
				multipart: {
					file: {
						name: 'hostile.csv',
						mimeType: 'text/csv',
						buffer: Buffer.from(content, 'latin1')
					}
				},
				maxRedirects: 0
			});
			expect(res.status()).toBe(400);
			expect(dbSnapshot(), 'a refused upload changed the database').toBe(before);
		});
	}
});

test.describe('the pages are accessible and fit a phone', () => {
	let id: number;
	test.beforeAll(async () => {
		({ id } = await makeDraft(`Accessibility target (test ${RUN})`));
	});

	test('milestones', async ({ page }) => {
		await signInAs(page, 'clerkA');
		const c = one<{ id: number }>("select id from commitments where ref = 'DCAIS/2025/002'");
		const m = one<{ id: number }>(
			'select id from milestones where commitment_id = ? order by id limit 1',
			c.id
		);
		await page.goto(`/workspace/commitments/${c.id}/milestones?mark=${m.id}`);
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'workspace-milestones');
	});

	test('the update form with errors', async ({ page }) => {
		await signInAs(page, 'clerkA');
		await page.goto(`/workspace/commitments/${id}/updates`);
		await page.getByLabel('New delivery status (optional)').selectOption({ label: 'Not pursued' });
		await page.getByLabel('New due date (optional)').fill('2020-01-01');
		await page.locator('#evidence_url_1').fill('not a web address');
		await page.getByRole('button', { name: 'Record update' }).click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expect(page.locator('.error-summary')).toContainText('Enter what happened');
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'workspace-update-errors');
	});

	test('funding and budget figures', async ({ page }) => {
		await signInAs(page, 'clerkA');
		const c = one<{ id: number }>("select id from commitments where ref = 'DCAIS/2025/004'");
		await page.goto(`/workspace/commitments/${c.id}/funding`);
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'workspace-funding');
		await page.goto('/workspace/budget');
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'workspace-budget');
	});

	test('the import preview with row errors', async ({ page }) => {
		await signInAs(page, 'clerkA');
		await uploadCsv(page, csvFile('broken.csv', figuresCsv(`Preview programme ${RUN}`, true)));
		await expect(page.locator('.error-summary')).toContainText('Line 3, column amount_kes');
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'workspace-import-errors');
	});
});
