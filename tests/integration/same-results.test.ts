// The same queries give the same results on SQLite and on PostgreSQL. Every public page's data
// for the demo data, on a fixed day, is compared with one stored file that both Vitest projects
// ("integration" on SQLite, "integration-postgres") check against: a difference in sorting,
// text search, date handling or number types on either database fails here.
// After an intended change to the demo data or to what a page shows, refresh the file with
// `npx vitest run tests/integration/same-results.test.ts -u` and review its diff.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedSynthetic } from '../../db/seeds/synthetic';
import {
	EMPTY_COMMITMENT_QUERY,
	type CommitmentQuery
} from '../../src/lib/domain/commitment-query';
import { parseBudgetLineQuery } from '../../src/lib/domain/budget-query';
import type { Database } from '../../src/lib/server/db/index';
import { listBriefingCommittees } from '../../src/lib/server/queries/briefing';
import { listFiscalYears } from '../../src/lib/server/queries/budget';
import { searchBudgetLines } from '../../src/lib/server/queries/budget-lines';
import { searchCommitments } from '../../src/lib/server/queries/commitment-search';
import { getPublishedCommitment } from '../../src/lib/server/queries/commitments';
import { listCommitteesWithCounts } from '../../src/lib/server/queries/committees';
import { listOrganisationsWithCounts } from '../../src/lib/server/queries/organisations';
import { assembleBriefing } from '../../src/lib/server/services/briefing';
import { loadDashboard } from '../../src/lib/server/services/dashboard';
import { loadScorecard } from '../../src/lib/server/services/scorecard';
import { freshDb } from '../helpers/test-db';

const TODAY = '2026-03-01';
let db: Database;

beforeAll(async () => {
	// Anything stamped with the clock while seeding gets the same stamp on both databases.
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date('2026-03-01T06:00:00Z'));
	db = await freshDb();
	await seedDemo(db);
	// Plus generated records, for ties in sorting, paging and the aggregates.
	await seedSynthetic(db, { count: 30, seed: 7 });
});

afterAll(async () => {
	vi.useRealTimers();
	await db.destroy();
});

const query = (q: Partial<CommitmentQuery>): CommitmentQuery => ({
	...EMPTY_COMMITMENT_QUERY,
	...q
});

describe('public data on the demo database', () => {
	it('is the same on SQLite and PostgreSQL', { timeout: 60_000 }, async () => {
		const searches = {
			all: await searchCommitments(db, query({ pageSize: 100 }), TODAY),
			dueSoonest: await searchCommitments(db, query({ sort: 'due', pageSize: 100 }), TODAY),
			byTitle: await searchCommitments(db, query({ sort: '-title', pageSize: 100 }), TODAY),
			updated: await searchCommitments(db, query({ sort: '-updated', pageSize: 100 }), TODAY),
			text: await searchCommitments(db, query({ q: 'police reservists' }), TODAY),
			textCase: await searchCommitments(db, query({ q: 'TRAFFICKING' }), TODAY),
			overdue: await searchCommitments(db, query({ overdue: true, sort: 'due' }), TODAY),
			byCommittee: await searchCommitments(
				db,
				query({ committee: ['administration-internal-security'], sort: 'title' }),
				TODAY
			),
			page2: await searchCommitments(db, query({ pageSize: 2, page: 2 }), TODAY)
		};
		const refs = searches.all.rows.map((r) => r.ref);
		const commitments = [];
		for (const ref of refs) commitments.push(await getPublishedCommitment(db, ref));

		const committees = await listCommitteesWithCounts(db);
		const organisations = await listOrganisationsWithCounts(db);
		const scorecards = [];
		for (const c of committees) {
			scorecards.push(await loadScorecard(db, 'committee', c.slug, TODAY));
		}
		for (const o of organisations) {
			scorecards.push(await loadScorecard(db, 'organisation', o.slug, TODAY));
		}
		const years = await listFiscalYears(db);
		const budget = [];
		for (const fiscalYear of years) {
			const parsed = parseBudgetLineQuery(new URLSearchParams({ fiscalYear, pageSize: '100' }));
			if (!parsed.ok) throw new Error('budget query refused');
			budget.push(await searchBudgetLines(db, parsed.query));
		}
		const briefings = [];
		for (const committee of await listBriefingCommittees(db, TODAY)) {
			briefings.push(await assembleBriefing(db, committee, '2025-06-01', TODAY));
		}

		const results = {
			dashboard: await loadDashboard(db, TODAY),
			searches,
			commitments,
			committees,
			organisations,
			scorecards,
			years,
			budget,
			briefings
		};
		expect(refs.length).toBeGreaterThan(25);
		await expect(`${JSON.stringify(results, null, 1)}\n`).toMatchFileSnapshot(
			'./__snapshots__/same-results.json'
		);
	});
});
