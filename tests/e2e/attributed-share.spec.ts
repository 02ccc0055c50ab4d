// A commitment's money is the share of each line attributed to it, and it says one thing
// everywhere: the commitment page, the API and the MP's briefing show the amount read here from
// the database (the link's share of the line's current allocation), and the whole line only as
// labelled context ("indicative: 0.1% of a KES 125.3 bn budget line").
import { parse } from 'csv-parse/sync';
import { expect, test, type Locator } from '@playwright/test';
import { formatKes } from '../../src/lib/domain/money';
import { demoAccount, ensureDemoUsers, readDb, signIn } from './auth-fixtures';

const REF = 'DCAIS/2025/001';
const PAGE = `/commitments/${encodeURIComponent(REF)}`;

interface Expected {
	voteCode: string;
	whole: number;
	attributed: number;
}

/** Each link of the commitment: its line's current allocation and the part attributed to it. */
function expectedMoney(): Expected[] {
	const rows = readDb<{
		link_id: number;
		vote_code: string;
		share_kind: 'percent' | 'amount';
		share_basis_points: number | null;
		share_amount_kes: number | null;
		phase: string;
		amount_kes: number;
		as_of: string;
	}>(
		`select l.id as link_id, b.vote_code, l.share_kind, l.share_basis_points, l.share_amount_kes,
		        f.phase, f.amount_kes, f.as_of
		   from funding_links l
		   join commitments c on c.id = l.commitment_id
		   join budget_lines b on b.id = l.budget_line_id
		   join budget_figures f on f.budget_line_id = b.id
		  where c.ref = ? and f.phase in ('ceiling', 'approved', 'supplementary_1', 'supplementary_2')
		  order by l.id, f.as_of, f.id`,
		REF
	);
	const precedence = ['supplementary_2', 'supplementary_1', 'approved', 'ceiling'];
	const byLink = new Map<number, typeof rows>();
	for (const r of rows) byLink.set(r.link_id, [...(byLink.get(r.link_id) ?? []), r]);
	return [...byLink.values()].map((figures) => {
		const first = figures[0]!;
		// The latest revision stands: Supplementary II over I over the approved estimate.
		const phase = precedence.find((p) => figures.some((f) => f.phase === p))!;
		const whole = figures.filter((f) => f.phase === phase).at(-1)!.amount_kes;
		const attributed =
			first.share_kind === 'percent'
				? Math.round((whole * first.share_basis_points!) / 10_000)
				: Math.min(first.share_amount_kes!, whole);
		return { voteCode: first.vote_code, whole, attributed };
	});
}

/** The whole line's amount may appear only inside the labelled context, never on its own. */
async function expectWholeOnlyAsContext(scope: Locator, whole: string) {
	const all = (await scope.allInnerTexts()).join(' ').split(whole).length - 1;
	const context = (await scope.locator('[data-line-context]').allInnerTexts()).join(' ');
	expect(context).toContain(whole);
	expect(all).toBe(context.split(whole).length - 1);
}

test.beforeAll(ensureDemoUsers);

test('the commitment page, the API, the CSV and the briefing show the attributed share', async ({
	page,
	request
}) => {
	const expected = expectedMoney();
	expect(expected.length).toBeGreaterThan(0);
	const nps = expected.find((e) => e.voteCode === 'NPS')!;
	// The demo's indicative 0.1% of the KES 125.3 bn police vote.
	expect(nps).toEqual({ voteCode: 'NPS', whole: 125_300_000_000, attributed: 125_300_000 });

	// The commitment page: the attributed amount first, the whole line as context.
	await page.goto(PAGE);
	const shown = page.locator('[data-attributed-allocation]');
	await expect(shown).toHaveText(expected.map((e) => `${formatKes(e.attributed)} attributed`));
	const facts = page.locator('.money-facts').first();
	await expect(facts).toContainText(
		`${formatKes(nps.attributed)} attributed (indicative: 0.1% of a ${formatKes(nps.whole)} budget line)`
	);
	await expectWholeOnlyAsContext(facts, formatKes(nps.whole));
	// No bare "Allocated" badge for an indicative link, and no broken sentence.
	const badges = await page.locator('.badges .badge').allTextContents();
	expect(badges.filter((b) => /Allocated$/.test(b.trim()))).toEqual([]);
	expect(badges.some((b) => b.includes('Line allocated; indicative share'))).toBe(true);
	await expect(page.locator('main')).not.toContainText('not available of allocation');
	// The money section at a phone's and a desktop's width, to look at.
	for (const [name, width] of [
		['phone', 360],
		['desktop', 1280]
	] as const) {
		await page.setViewportSize({ width, height: 800 });
		await page
			.locator('.line')
			.first()
			.screenshot({ path: `tests/screenshots/attributed-share-money-${name}.png` });
	}

	// The explorer's money badge names the line's status as the line's, as the page does.
	await page.goto(`/commitments?q=${encodeURIComponent('anti-human-trafficking')}`);
	const listed = page.locator('li').filter({ hasText: REF }).first();
	await expect(listed.locator('.badge').nth(2)).toHaveText(/Line allocated; indicative share$/);
	await page.goto('/committees/administration-internal-security');
	const scored = page.locator('li').filter({ hasText: REF }).first();
	await expect(scored.locator('.badge').nth(2)).toHaveText(/Line allocated; indicative share$/);

	// The API: the same attributed amount, the whole line apart and named as such.
	const res = await request.get(`/api/v1/commitments/${encodeURIComponent(REF)}`);
	expect(res.status()).toBe(200);
	const { data } = await res.json();
	const api = data.funding as {
		budgetLine: { vote: { code: string } };
		shareOfLine: number | null;
		line: { currentAllocation: { amountKes: number } | null };
		attributed: { currentAllocation: { amountKes: number } | null };
	}[];
	expect(
		api.map((l) => ({
			voteCode: l.budgetLine.vote.code,
			whole: l.line.currentAllocation?.amountKes,
			attributed: l.attributed.currentAllocation?.amountKes
		}))
	).toEqual(expected);
	expect(api.find((l) => l.budgetLine.vote.code === 'NPS')?.shareOfLine).toBe(0.001);

	// The commitments download: the same amounts in columns of their own, one per link.
	const csv = parse(await (await request.get('/data/commitments.csv')).text(), {
		columns: true
	}) as Record<string, string>[];
	const row = csv.find((r) => r.ref === REF)!;
	const votes = row.funding_lines!.split(' | ').map((l) => l.split(' ')[1]);
	const attributed = row.attributed_allocation_kes!.split(' | ').map(Number);
	const whole = row.line_allocation_kes!.split(' | ').map(Number);
	expect(
		votes.map((voteCode, i) => ({ voteCode, whole: whole[i], attributed: attributed[i] }))
	).toEqual(expect.arrayContaining(expected));
	expect(votes).toHaveLength(expected.length);

	// The MP's briefing pack: the same amount, with the same context.
	const mp = demoAccount('mp');
	await signIn(page, mp.email, mp.password);
	await page.goto('/briefing?committee=administration-internal-security&since=2025-04-23');
	const item = page
		.locator('section[aria-labelledby="money"]')
		.locator('li')
		.filter({ hasText: REF })
		.filter({ has: page.locator('[data-attributed-allocation]') })
		.first();
	await expect(item.locator('[data-attributed-allocation]')).toHaveText(
		`${formatKes(nps.attributed)} attributed`
	);
	await expect(item).toContainText(`0.1% of a ${formatKes(nps.whole)} budget line`);
	// The figures and flags, not the cited sources (their titles are quoted as recorded).
	await expectWholeOnlyAsContext(
		item.locator('.attributed, .figures, .flags'),
		formatKes(nps.whole)
	);
});
