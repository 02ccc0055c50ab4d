// The same queries give the same results on SQLite and on PostgreSQL. On the PostgreSQL run
// (project "integration-postgres") every public page's data for the demo data, on a fixed day,
// is computed on this run's PostgreSQL database and on a fresh SQLite one seeded the same way,
// and the two are compared live: a difference in sorting, text search, date handling or number
// types fails here. Both runs also check a few facts of the demo data worked out by hand, so the
// pages are not merely the same on both, but right.
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
import { getPublishedCommitment } from '../../src/lib/server/queries/public-commitments';
import { listCommitteesWithCounts } from '../../src/lib/server/queries/committees';
import { listOrganisationsWithCounts } from '../../src/lib/server/queries/organisations';
import { computeBriefing } from '../../src/lib/server/services/briefing';
import { loadDashboard } from '../../src/lib/server/services/dashboard';
import { loadScorecard } from '../../src/lib/server/services/scorecard';
import { createDb } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { TEST_DIALECT, freshDb } from '../helpers/test-db';

const TODAY = '2026-03-01';
let db: Database;

/** The demo data plus generated records (for ties in sorting, paging and the aggregates). */
async function seeded(database: Database): Promise<Database> {
	await seedDemo(database);
	await seedSynthetic(database, { count: 30, seed: 7 });
	return database;
}

beforeAll(async () => {
	// Anything stamped with the clock while seeding gets the same stamp on both databases.
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(new Date('2026-03-01T06:00:00Z'));
	db = await seeded(await freshDb());
});

afterAll(async () => {
	vi.useRealTimers();
	await db.destroy();
});

const query = (q: Partial<CommitmentQuery>): CommitmentQuery => ({
	...EMPTY_COMMITMENT_QUERY,
	...q
});

/** What every public page shows, on `db`, for TODAY. */
async function publicData(db: Database) {
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
		briefings.push(await computeBriefing(db, committee, '2025-06-01', TODAY));
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
	return results;
}

describe('public data on the demo database', () => {
	it('holds facts worked out by hand from the demo data', { timeout: 60_000 }, async () => {
		const data = await publicData(db);
		const { searches } = data;
		expect(searches.all.total).toBe(searches.all.rows.length);
		expect(searches.all.total).toBeGreaterThan(25);
		// The demo's undertakings, found by their words (DOMAIN.md, the sourced facts).
		expect(searches.text.rows.map((r) => r.ref)).toContain('DCAIS/2025/002');
		expect(searches.textCase.rows.map((r) => r.ref)).toContain('DCAIS/2025/001');
		// The overdue filter keeps exactly the rows the list marks overdue, each days late.
		const overdueInAll = searches.all.rows.filter((r) => r.overdue).map((r) => r.ref);
		expect(searches.overdue.rows.map((r) => r.ref).sort()).toEqual(overdueInAll.sort());
		expect(overdueInAll.length).toBeGreaterThan(0);
		for (const row of searches.overdue.rows) expect(row.daysOverdue).toBeGreaterThan(0);
		// Paging: page 2 of 2 is the third and fourth of the whole list.
		expect(searches.page2.rows.map((r) => r.ref)).toEqual(
			searches.all.rows.slice(2, 4).map((r) => r.ref)
		);
		// Titles sorted Z to A, the committee filter keeps its committee only.
		const titles = searches.byTitle.rows.map((r) => r.title.toLowerCase());
		expect(titles).toEqual([...titles].sort((a, b) => b.localeCompare(a)));
		expect(new Set(searches.byCommittee.rows.map((r) => r.committee.slug))).toEqual(
			new Set(['administration-internal-security'])
		);
		expect(data.years).toContain('2025/26');
	});

	// On the PostgreSQL run only (there is a second database to compare with), not skipped on
	// the SQLite run: it is not defined there.
	if (TEST_DIALECT !== 'postgres') return;
	it('is the same on PostgreSQL as on SQLite', { timeout: 120_000 }, async () => {
		const sqlite = createDb(':memory:');
		try {
			await migrateToLatest(sqlite);
			await seeded(sqlite);
			const [onPostgres, onSqlite] = [await publicData(db), await publicData(sqlite)];
			expect(JSON.parse(JSON.stringify(onPostgres))).toEqual(JSON.parse(JSON.stringify(onSqlite)));
		} finally {
			await sqlite.destroy();
		}
	});
});
