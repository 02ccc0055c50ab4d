// Every page type at 360 px, in English and in Kiswahili: the page itself never scrolls sideways
// (a table too wide for a phone reflows, or scrolls inside a labelled, focusable region that axe
// checks), and the page passes axe at that width.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { inviteUser } from '../../src/lib/server/services/users';
import { demoAccount, ensureDemoUsers, readDb, signIn, withAppDb } from './auth-fixtures';

const one = (query: string): string => {
	const [row] = readDb<{ v: string | number }>(query);
	if (!row) throw new Error(`no row for ${query}`);
	return String(row.v);
};

const committeeSlug = () => one("select slug as v from committees where abbreviation = 'DCAIS'");
const organisationSlug = () =>
	one(
		"select o.slug as v from organisations o join commitments c on c.organisation_id = o.id where c.ref = 'DCAIS/2025/001'"
	);
const sittingId = () =>
	one(
		"select s.id as v from sittings s join committees k on k.id = s.committee_id where k.abbreviation = 'DCAIS' order by s.id limit 1"
	);
const commitmentId = () => one("select id as v from commitments where ref = 'DCAIS/2025/001'");
const idOf = (ref: string) => one(`select id as v from commitments where ref = '${ref}'`);
/** The demo report on DCAIS/2025/002, received by the committee (with its document). */
const receivedReport = () =>
	one(
		"select s.id as v from ministry_submissions s join commitments c on c.id = s.commitment_id where c.ref = 'DCAIS/2025/002' and s.kind = 'report'"
	);

/**
 * Opens the page at 360 px and checks it: the checks of expectNoHorizontalScroll and
 * expectNoAxeViolations (fixtures.ts), made soft so that one run lists every page that fails.
 */
async function checkAtPhoneWidth(page: Page, path: string, status = 200) {
	await page.setViewportSize({ width: 360, height: 800 });
	const response = await page.goto(path);
	expect(response?.status(), path).toBe(status);
	// Layout settles on the next frames after the viewport changes, so poll briefly.
	await expect
		.soft(async () => {
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - document.documentElement.clientWidth
			);
			expect(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
		})
		.toPass({ timeout: 3_000 });
	const results = await new AxeBuilder({ page }).analyze();
	const violations = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect.soft(violations, `axe on ${path} at 360 px`).toEqual([]);
}

const sw = (path: string) => (path === '/' ? '/sw' : `/sw${path}`);

function walk(label: string, paths: () => string[], account?: Parameters<typeof demoAccount>[0]) {
	for (const lang of ['en', 'sw'] as const) {
		test(`${label} at 360 px (${lang})`, async ({ page }) => {
			if (account) {
				const { email, password } = demoAccount(account);
				await signIn(page, email, password);
				await expect(page).not.toHaveURL(/\/login/);
			}
			for (const path of paths()) {
				await test.step(path, () => checkAtPhoneWidth(page, lang === 'sw' ? sw(path) : path));
			}
		});
	}
}

test.describe('every page type fits a 360 px phone in both languages', () => {
	// Ten pages with axe each, on a busy 2-core machine.
	test.describe.configure({ timeout: 240_000 });
	walk('public pages', () => [
		'/',
		'/commitments',
		'/commitments/DCAIS%2F2025%2F001',
		'/committees',
		`/committees/${committeeSlug()}`,
		`/organisations/${organisationSlug()}`,
		'/budget',
		'/data',
		'/about',
		'/login',
		'/follow?sent'
	]);

	for (const lang of ['en', 'sw'] as const) {
		test(`the 404 page at 360 px (${lang})`, async ({ page }) => {
			const path = '/no-such-page';
			await checkAtPhoneWidth(page, lang === 'sw' ? sw(path) : path, 404);
		});
	}

	walk('the MP pages', () => ['/briefing', '/watchlist'], 'mp');

	walk(
		'the clerk workspace',
		() => [
			'/workspace',
			'/workspace/sittings',
			`/workspace/sittings/${sittingId()}`,
			'/workspace/commitments',
			`/workspace/commitments/${commitmentId()}`,
			'/workspace/reference',
			'/workspace/transcripts'
		],
		'clerkA'
	);

	// The right of reply: the ministry's pages (DCAIS/2025/003 holds the demo draft, 002 the
	// exchange sent and decided), the committee's inbox, a decision, the invitations, and a
	// submission recorded on the ministry's behalf.
	walk(
		'the ministry pages',
		() => [
			'/ministry',
			`/ministry/commitments/${idOf('DCAIS/2025/003')}`,
			`/ministry/commitments/${idOf('DCAIS/2025/002')}`
		],
		'ministry'
	);

	walk(
		'the clerk’s ministry pages',
		() => [
			'/workspace/submissions',
			`/workspace/submissions/${receivedReport()}`,
			'/workspace/ministries',
			`/workspace/commitments/${commitmentId()}/submission`
		],
		'clerkA'
	);

	test('an invitation link at 360 px (en, sw)', async ({ page }) => {
		await ensureDemoUsers();
		const organisation = Number(
			one("select organisation_id as v from commitments where ref = 'DCAIS/2025/001'")
		);
		const { token } = await withAppDb((db) =>
			inviteUser(db, SYSTEM_ACTOR, {
				email: `phone.${Date.now().toString(36)}@ahadi.example`,
				name: 'Phone Width Officer (test data)',
				role: 'ministry',
				committeeIds: [],
				organisationIds: [organisation]
			})
		);
		for (const path of [`/invitation/${token}`, sw(`/invitation/${token}`)]) {
			await test.step(path, () => checkAtPhoneWidth(page, path));
		}
	});

	walk(
		'the admin pages',
		() => ['/admin', '/admin/users', '/admin/committees', '/admin/audit', '/admin/outbox'],
		'admin'
	);
});
