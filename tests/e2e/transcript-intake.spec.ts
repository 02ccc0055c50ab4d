// A clerk records a sitting from its Hansard: upload the PDF, accept two of the proposed
// undertakings, publish one, counting what the clerk does (target: at most 12 form actions and
// 4 page loads, against about 51 and 12 by hand). Then bad files, each refused with a message
// naming its problem and nothing created, the kept file and its hash, scope, and the pages'
// accessibility at 360 px. Runs on the demo database (DCAIS clerk).
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { demoAccount, readDb, signIn } from './auth-fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshotBoth } from './fixtures';

const FIXTURE = 'tests/fixtures/transcripts/dcais-2025-04-15-interior.pdf';
const UNIT = 'special anti-human-trafficking unit';
const POLICY = 'National Police Reservists Policy';

const count = (table: string) =>
	readDb<{ n: number }>(`select count(*) as n from ${table}`)[0]?.n ?? 0;

/** Counts what the clerk does (each click, fill, check or file chosen) and every page load. */
function counter(page: Page) {
	let loads = 0;
	let actions = 0;
	page.on('framenavigated', (frame) => {
		if (frame === page.mainFrame()) loads++;
	});
	return {
		async act(step: () => Promise<unknown>) {
			actions++;
			await step();
		},
		get actions() {
			return actions;
		},
		get loads() {
			return loads;
		}
	};
}

const proposal = (page: Page, words: string) =>
	page.locator('fieldset.proposal').filter({ hasText: words }).first();

test('a sitting with two undertakings recorded from its Hansard PDF, one published, in at most 12 actions and 4 page loads', async ({
	page
}) => {
	const { email, password } = demoAccount('clerkA');
	await signIn(page, email, password);
	await expect(page).toHaveURL('/workspace');
	const sittingsBefore = count('sittings');

	const clerk = counter(page);
	await clerk.act(() =>
		page
			.getByRole('navigation', { name: 'Clerk workspace' })
			.getByRole('link', { name: 'Transcripts' })
			.click()
	);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Record a sitting from its transcript'
	);
	await clerk.act(() => page.getByLabel('Transcript file').setInputFiles(FIXTURE));
	await clerk.act(() => page.getByRole('button', { name: 'Read the transcript' }).click());
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Review:');

	// The sitting as found: committee, date and who appeared, matched to the demo's lists.
	await expect(page.getByLabel('Date of the sitting')).toHaveValue('2025-04-15');
	await expect(
		page.getByText('Departmental Committee on Administration and Internal Security (DCAIS)')
	).toBeVisible();
	const unit = proposal(page, UNIT);
	await expect(unit).toContainText('Kipchumba Murkomen');
	await expect(unit).toContainText('Why:');
	await clerk.act(() => unit.getByLabel('Accept as a draft').check());
	await clerk.act(() => proposal(page, POLICY).getByLabel('Accept as a draft').check());
	await clerk.act(() =>
		page.getByRole('button', { name: 'Create the sitting and the accepted drafts' }).click()
	);

	await expect(page).toHaveURL(/\/workspace\/sittings\/\d+\?reviewed=\d+/);
	expect(count('sittings')).toBe(sittingsBefore + 1);
	const sittingId = Number(new URL(page.url()).pathname.split('/').pop());
	const drafts = readDb<{
		id: number;
		ref: string;
		title: string;
		quote: string;
		visibility: string;
	}>(
		'select id, ref, title, quote, visibility from commitments where sitting_id = ? order by ref',
		sittingId
	);
	expect(drafts).toHaveLength(2);
	expect(drafts.every((d) => d.visibility === 'draft')).toBe(true);
	const unitDraft = drafts.find((d) => d.quote.includes(UNIT))!;
	expect(unitDraft).toBeDefined();

	// Publish one of the two from the sitting's page.
	await clerk.act(() => page.getByRole('checkbox', { name: new RegExp(unitDraft.ref) }).check());
	await clerk.act(() => page.getByRole('button', { name: 'Publish selected' }).click());
	await expect(page.getByRole('status')).toBeVisible();
	const after = readDb<{ ref: string; visibility: string }>(
		'select ref, visibility from commitments where sitting_id = ? order by ref',
		sittingId
	);
	expect(after.find((d) => d.ref === unitDraft.ref)?.visibility).toBe('published');
	expect(after.filter((d) => d.visibility === 'draft')).toHaveLength(1);

	expect(clerk.actions).toBeLessThanOrEqual(12);
	expect(clerk.loads).toBeLessThanOrEqual(4);
	console.log(`transcript intake: ${clerk.actions} form actions, ${clerk.loads} page loads`);

	// The published undertaking quotes the transcript, with its page, on the public page.
	await page.goto(`/commitments/${encodeURIComponent(unitDraft.ref)}`);
	await expect(page.getByText(UNIT).first()).toBeVisible();
});

test('the transcript is kept byte for byte, its SHA-256 shown, and only for its committee’s clerks', async ({
	page,
	browser
}) => {
	const { email, password } = demoAccount('clerkA');
	await signIn(page, email, password);
	await page.goto('/workspace/transcripts');
	await page.getByLabel('Transcript file').setInputFiles(FIXTURE);
	await page.getByRole('button', { name: 'Read the transcript' }).click();
	await expect(page).toHaveURL(/\/workspace\/transcripts\/\d+$/);
	const url = new URL(page.url()).pathname;
	const sha = createHash('sha256').update(readFileSync(FIXTURE)).digest('hex');
	await expect(page.getByText(sha)).toBeVisible();
	const download = await page.request.get(`${url}/file`);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(
		createHash('sha256')
			.update(await download.body())
			.digest('hex')
	).toBe(sha);

	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'transcript-review');

	// Another committee's clerk: the review page and the file are missing to them.
	const other = await browser.newPage();
	const b = demoAccount('clerkB');
	await signIn(other, b.email, b.password);
	expect((await other.request.get(url)).status()).toBe(404);
	expect((await other.request.get(`${url}/file`)).status()).toBe(404);
	await other.close();
});

for (const [name, bytes, message] of [
	['scan.pdf', () => readFileSync('tests/fixtures/transcripts/bad/scanned.pdf'), /no text.*scan/i],
	['hansard.pdf', () => readFileSync('tests/fixtures/transcripts/bad/encrypted.pdf'), /password/i],
	[
		'hansard.pdf',
		() => readFileSync('tests/fixtures/transcripts/bad/truncated.pdf'),
		/damaged or incomplete/i
	],
	['hansard.pdf', () => readFileSync('tests/fixtures/transcripts/bad/fake.pdf'), /not a PDF/i],
	[
		'notes.txt',
		() => Buffer.from('A shopping list: bread, milk, sugar. Nothing else.'),
		/speaker lines/i
	]
] as const) {
	test(`a bad file (${name}: ${message.source}) is refused with its problem named, nothing created`, async ({
		page
	}) => {
		const { email, password } = demoAccount('clerkA');
		await signIn(page, email, password);
		await page.goto('/workspace/transcripts');
		const before = count('transcripts');
		await page
			.getByLabel('Transcript file')
			.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes() });
		await page.getByRole('button', { name: 'Read the transcript' }).click();
		await expect(page.getByRole('alert')).toContainText(message);
		await expect(page.getByRole('alert').getByRole('link')).toHaveAttribute('href', '#file');
		expect(count('transcripts')).toBe(before);
	});
}

test('the upload and review pages read in Kiswahili, and work on a phone', async ({ page }) => {
	const { email, password } = demoAccount('clerkA');
	await signIn(page, email, password);
	await page.goto('/sw/workspace/transcripts');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Rekodi kikao kutoka kwa nakala yake'
	);
	await expectNoAxeViolations(page);
	await expectNoHorizontalScroll(page);
	await screenshotBoth(page, 'transcript-upload-sw');
});
