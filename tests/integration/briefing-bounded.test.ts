// The briefing pack of a large committee stays small: each section lists its first items and
// counts the rest exactly (in SQL), whatever the number of commitments.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSynthetic } from '../../db/seeds/synthetic';
import { EMPTY_COMMITMENT_QUERY } from '$lib/domain/commitment-query';
import type { Database } from '$lib/server/db/index';
import { BRIEFING_SECTION_LIMIT, listBriefingCommittees } from '$lib/server/queries/briefing';
import { searchCommitments } from '$lib/server/queries/commitment-search';
import { computeBriefing, MAX_BRIEFING_QUESTIONS } from '$lib/server/services/briefing';
import { freshDb } from '../helpers/db';

const TODAY = '2026-11-28';
const SINCE = '2026-06-01';

let db: Database;

beforeAll(async () => {
	db = await freshDb();
	await seedSynthetic(db, { count: 2500, seed: 3 });
}, 120_000);

afterAll(async () => {
	await db?.destroy();
});

describe('computeBriefing on a large committee', () => {
	it('lists at most the section limit per section and counts the rest exactly', async () => {
		const committees = await listBriefingCommittees(db, TODAY);
		const sizes = await Promise.all(
			committees.map(async (k) => ({
				k,
				overdue: (
					await searchCommitments(
						db,
						{ ...EMPTY_COMMITMENT_QUERY, committee: [k.slug], overdue: true, pageSize: 1 },
						TODAY
					)
				).total
			}))
		);
		const { k, overdue } = sizes.sort((a, b) => b.overdue - a.overdue)[0]!;
		expect(overdue).toBeGreaterThan(2 * BRIEFING_SECTION_LIMIT);

		const pack = await computeBriefing(db, k, SINCE, TODAY);
		const limit = BRIEFING_SECTION_LIMIT;
		for (const list of [
			pack.newlyOverdue,
			pack.stillOverdue,
			pack.dueSoon,
			pack.lateMilestones,
			pack.milestonesDueSoon,
			pack.money,
			pack.noBudgetLine
		]) {
			expect(list.length).toBeLessThanOrEqual(limit);
		}
		expect(pack.changes.length).toBeLessThanOrEqual(100 + 100 + limit);
		const more = pack.more!;
		expect(more).toBeDefined();
		// Overdue, newly or still: exactly the explorer's count for the committee.
		expect(
			pack.newlyOverdue.length + more.newlyOverdue + pack.stillOverdue.length + more.stillOverdue
		).toBe(overdue);
		expect(pack.stillOverdue.length).toBe(limit);
		expect(more.stillOverdue).toBeGreaterThan(0);
		// The first by deadline are the ones shown.
		const deadlines = pack.stillOverdue.map((c) => c.deadline);
		expect(deadlines).toEqual([...deadlines].sort());

		const noLine = await searchCommitments(
			db,
			{
				...EMPTY_COMMITMENT_QUERY,
				committee: [k.slug],
				fundingStatus: ['no_line_identified'],
				deliveryStatus: [
					'not_started',
					'on_track',
					'with_challenges',
					'off_track',
					'no_information'
				].filter((s) => s !== 'no_information') as never,
				pageSize: 1
			},
			TODAY
		);
		expect(pack.noBudgetLine.length + more.noBudgetLine).toBeLessThanOrEqual(pack.tracked);
		expect(pack.noBudgetLine.length + more.noBudgetLine).toBeGreaterThanOrEqual(noLine.total);

		// The most pressing questions only, and how many more there were.
		expect(pack.questions).toHaveLength(MAX_BRIEFING_QUESTIONS);
		expect(pack.questionsMore).toBeGreaterThan(0);
		expect(pack.questions[0]?.anchor).toMatch(/^overdue-/);

		// Small enough to render: every section is bounded, so is the whole pack.
		expect(JSON.stringify(pack).length).toBeLessThan(400_000);
	});
});
