// A commitment's money is the part of each linked line attributed to it (attributeFunding), with
// the whole line as context; the commitment page, the API and the briefing pack all show that
// part. Here on the demo data with DCAIS/2025/001 linked to more lines: percent and fixed-amount
// shares, indicative and earmarked, a line with no allocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMITTEE_SLUG, seedDemo } from '../../db/seeds/demo';
import { attributeFunding, type BudgetPhase } from '$lib/domain';
import type { Database } from '$lib/server/db/index';
import { lineContext } from '$lib/i18n/money-words';
import { toCommitmentDetail } from '$lib/server/open-data/serialize';
import { listBriefingCommittees } from '$lib/server/queries/briefing';
import { findPublicCommitment } from '$lib/server/queries/commitment-search';
import { getPublishedCommitment } from '$lib/server/queries/public-commitments';
import { computeBriefing } from '$lib/server/services/briefing';
import { freshDb } from '../helpers/db';

const TODAY = '2026-11-28';
const REF = 'DCAIS/2025/001';

let db: Database;

beforeAll(async () => {
	db = await freshDb();
	await seedDemo(db);
	const c = await db
		.selectFrom('commitments')
		.select('id')
		.where('ref', '=', REF)
		.executeTakeFirstOrThrow();
	const line = async (code: string, figures: [BudgetPhase, number, string][]) => {
		const { id } = await db
			.insertInto('budget_lines')
			.values({
				fiscal_year: '2025/26',
				vote_code: code,
				vote_name: `Test vote ${code}`,
				programme: 'Test programme',
				sub_programme: '',
				economic_class: 'development'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const [phase, amount_kes, as_of] of figures) {
			await db
				.insertInto('budget_figures')
				.values({ budget_line_id: id, phase, amount_kes, as_of, source_title: 'Test source' })
				.execute();
		}
		return id;
	};
	const link = (
		budget_line_id: number,
		basis: 'earmarked' | 'indicative',
		share: { bp: number } | { kes: number }
	) =>
		db
			.insertInto('funding_links')
			.values({
				commitment_id: c.id,
				budget_line_id,
				basis,
				share_kind: 'bp' in share ? 'percent' : 'amount',
				share_basis_points: 'bp' in share ? share.bp : null,
				share_amount_kes: 'kes' in share ? share.kes : null
			})
			.execute();
	// A fixed KES 250 m of a KES 1 bn line: a quarter of every figure.
	const t1 = await line('T1', [
		['requested', 1_500_000_000, '2025-03-01'],
		['approved', 1_000_000_000, '2025-06-12'],
		['released', 400_000_000, '2025-12-31'],
		['spent', 100_000_000, '2025-12-31']
	]);
	await link(t1, 'earmarked', { kes: 250_000_000 });
	// 25% of a KES 300 m line, with releases but no spending.
	const t2 = await line('T2', [
		['approved', 300_000_000, '2025-06-12'],
		['released', 120_000_000, '2026-03-31']
	]);
	await link(t2, 'indicative', { bp: 2_500 });
	// A fixed KES 50 m against a line with a request and no allocation: no part can be computed.
	const t3 = await line('T3', [['requested', 80_000_000, '2025-03-01']]);
	await link(t3, 'indicative', { kes: 50_000_000 });
	// A fixed amount larger than the line: the whole line, never more.
	const t4 = await line('T4', [['approved', 40_000_000, '2025-06-12']]);
	await link(t4, 'earmarked', { kes: 90_000_000 });
});

afterAll(async () => {
	await db?.destroy();
});

async function story() {
	const c = await getPublishedCommitment(db, REF);
	if (!c) throw new Error(`${REF} is not published`);
	return c;
}

const byVote = async () =>
	new Map((await story()).funding.map((l) => [l.line.voteCode, attributeFunding(l)]));

describe('attributeFunding', () => {
	it('takes the percent share of every figure of the line, the whole line kept as context', async () => {
		const nps = (await byVote()).get('NPS')!;
		expect(nps.basis).toBe('indicative');
		expect(nps.shareOfLine).toBe(0.001);
		expect(nps.attributed.currentAllocation?.amountKes).toBe(125_300_000);
		expect(nps.line.currentAllocation?.amountKes).toBe(125_300_000_000);
		expect(lineContext(nps, 'en')).toBe('(indicative: 0.1% of a KES 125.3 bn budget line)');
		expect(lineContext(nps, 'sw')).toBe('(elekezi: 0.1% ya kifungu cha bajeti cha KES 125.3 bn)');

		const t2 = (await byVote()).get('T2')!;
		expect(t2.attributed.currentAllocation?.amountKes).toBe(75_000_000);
		expect(t2.attributed.released?.amountKes).toBe(30_000_000);
		expect(t2.attributed.spent).toBeNull();
		expect(t2.attributed.releaseRate).toBe(0.4);
	});

	it('turns a fixed amount into the same part of every figure', async () => {
		const t1 = (await byVote()).get('T1')!;
		expect(t1.basis).toBe('earmarked');
		expect(t1.shareOfLine).toBe(0.25);
		expect(t1.attributed.requested?.amountKes).toBe(375_000_000);
		expect(t1.attributed.currentAllocation?.amountKes).toBe(250_000_000);
		expect(t1.attributed.released?.amountKes).toBe(100_000_000);
		expect(t1.attributed.spent?.amountKes).toBe(25_000_000);
		expect(t1.attributed.absorptionRate).toBe(0.1);
		expect(lineContext(t1, 'en')).toBe(
			'(earmarked: a fixed amount, 25% of a KES 1 bn budget line)'
		);
	});

	it('caps a fixed amount at the whole line, and says when there is no allocation to share', async () => {
		const t4 = (await byVote()).get('T4')!;
		expect(t4.wholeLine).toBe(true);
		expect(t4.attributed.currentAllocation?.amountKes).toBe(40_000_000);
		expect(lineContext(t4, 'en')).toBe('(earmarked: the whole KES 40 m budget line)');

		const t3 = (await byVote()).get('T3')!;
		expect(t3.shareOfLine).toBeNull();
		expect(t3.attributed.currentAllocation).toBeNull();
		expect(t3.attributed.requested?.amountKes).toBe(50_000_000);
		expect(lineContext(t3, 'en')).toBe(
			'(indicative: KES 50 m; the line has no allocation recorded)'
		);
	});
});

describe('the API and the briefing show the attributed amounts', () => {
	it('gives every funding link of the API its attributed amounts and its part of the line', async () => {
		const c = await story();
		const item = await findPublicCommitment(db, REF, TODAY);
		const detail = toCommitmentDetail(item!, c, 'https://ahadi.example');
		expect(detail.funding).toHaveLength(5);
		for (const [i, link] of c.funding.entries()) {
			const money = attributeFunding(link);
			const api = detail.funding[i]!;
			expect(api.attributed.currentAllocation?.amountKes ?? null).toBe(
				money.attributed.currentAllocation?.amountKes ?? null
			);
			expect(api.attributed.released?.amountKes ?? null).toBe(
				money.attributed.released?.amountKes ?? null
			);
			expect(api.line.currentAllocation?.amountKes ?? null).toBe(
				money.line.currentAllocation?.amountKes ?? null
			);
			expect(api.shareOfLine).toBe(money.shareOfLine);
		}
		const nps = detail.funding.find((l) => l.budgetLine.vote.code === 'NPS')!;
		expect(nps.attributed.currentAllocation?.amountKes).toBe(125_300_000);
	});

	it('puts the attributed amounts, not the whole line, in the briefing pack', async () => {
		const committee = (await listBriefingCommittees(db, TODAY)).find(
			(k) => k.slug === DEMO_COMMITTEE_SLUG
		)!;
		const pack = await computeBriefing(db, committee, '2025-04-23', TODAY);
		const ours = pack.money.filter((mo) => mo.ref === REF);
		expect(ours.map((mo) => mo.line.voteCode)).toContain('NPS');
		const votes = await byVote();
		for (const mo of ours) {
			const money = votes.get(mo.line.voteCode)!;
			expect(mo.summary).toEqual(money.attributed);
			expect(mo.money).toEqual(money);
		}
		const nps = ours.find((mo) => mo.line.voteCode === 'NPS')!;
		expect(nps.summary.currentAllocation?.amountKes).toBe(125_300_000);
	});
});
