// Times each public page's queries directly (no HTTP), statement by statement:
// `DATABASE_URL=bench-results/x.db npx tsx scripts/bench/profile-queries.ts [page…] [--sql]`.
// SQLite only; for finding slow statements, not for the bench's figures.
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type LogEvent } from 'kysely';
import { fiscalYearOf, todayInNairobi } from '../../src/lib/domain';
import {
	EMPTY_COMMITMENT_QUERY,
	parseCommitmentQuery
} from '../../src/lib/domain/commitment-query';
import { parseBudgetLineQuery } from '../../src/lib/domain/budget-query';
import type { DB } from '../../src/lib/server/db/schema';
import { listFiscalYears } from '../../src/lib/server/queries/budget';
import { searchBudgetLines } from '../../src/lib/server/queries/budget-lines';
import { listBriefingCommittees } from '../../src/lib/server/queries/briefing';
import { searchCommitments } from '../../src/lib/server/queries/commitment-search';
import { getPublishedCommitment } from '../../src/lib/server/queries/public-commitments';
import { listCommitteesWithCounts } from '../../src/lib/server/queries/committees';
import { listExplorerChoices } from '../../src/lib/server/queries/dashboard';
import { listOrganisationsWithCounts } from '../../src/lib/server/queries/organisations';
import { computeBriefing } from '../../src/lib/server/services/briefing';
import { computeDashboard } from '../../src/lib/server/services/dashboard';

const file = process.env.DATABASE_URL ?? 'data/ahadi.db';
const args = process.argv.slice(2);
const showSql = args.includes('--sql');
const only = args.filter((a) => !a.startsWith('--'));
const sqlite = new SQLite(file);
// As createDb does on every connection: planner statistics.
sqlite.pragma('optimize = 0x10002');
let statements: { ms: number; sql: string }[] = [];
const log = (e: LogEvent) => {
	statements.push({ ms: e.queryDurationMillis, sql: e.query.sql });
	if (e.level === 'error') console.error(e.error);
};
const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }), log });
const pick = (q: string) => (sqlite.prepare(q).pluck().get() as string | number | undefined) ?? '';

const today = todayInNairobi();
const committee = String(pick("select slug from committees where slug like 'syn-%' order by id"));
const committeeId = Number(pick(`select id from committees where slug = '${committee}'`));
const total = Number(pick('select count(*) from commitments'));
const ref = String(
	pick(
		`select ref from commitments where visibility = 'published' and committee_id = ${committeeId}
		 order by id limit 1 offset ${Math.floor(Math.floor(total / 2) / 10)}`
	)
);
const title = String(pick(`select title from commitments where ref = '${ref}'`));
const term =
	title
		.split(/\W+/)
		.sort((a, b) => b.length - a.length)[0]
		?.toLowerCase() ?? 'the';

const pages: Record<string, () => Promise<unknown>> = {
	dashboard: () => computeDashboard(db, today, fiscalYearOf(today)),
	explorer: async () => {
		const p = parseCommitmentQuery(new URLSearchParams({ committee, overdue: 'true', q: term }));
		if (!p.ok) throw new Error('bad query');
		return Promise.all([
			searchCommitments(db, p.query, today),
			listCommitteesWithCounts(db),
			listOrganisationsWithCounts(db),
			listExplorerChoices(db)
		]);
	},
	commitment: () => getPublishedCommitment(db, ref),
	budget: async () => {
		const years = await listFiscalYears(db);
		const p = parseBudgetLineQuery(
			new URLSearchParams({ fiscalYear: years[0] ?? '', pageSize: '100' })
		);
		if (!p.ok) throw new Error('bad query');
		return searchBudgetLines(db, p.query);
	},
	api: () => searchCommitments(db, EMPTY_COMMITMENT_QUERY, today),
	briefing: async () => {
		const committees = await listBriefingCommittees(db, today);
		const k = committees.find((c) => c.slug === committee)!;
		return computeBriefing(db, k, k.lastSatOn ?? today, today);
	}
};

console.log(`${file}: ${total} commitments, committee ${committee}, term "${term}", ref ${ref}`);
for (const [name, run] of Object.entries(pages)) {
	if (only.length > 0 && !only.includes(name)) continue;
	await run(); // warm the page cache
	statements = [];
	const started = performance.now();
	const result = await run();
	const ms = performance.now() - started;
	const size = JSON.stringify(result).length;
	const slowest = [...statements].sort((a, b) => b.ms - a.ms);
	console.log(
		`${name.padEnd(11)} ${ms.toFixed(0).padStart(6)} ms  ${statements.length} statements  ` +
			`${(size / 1024).toFixed(0)} KB data  slowest ${slowest[0]?.ms.toFixed(0)} ms`
	);
	for (const s of slowest.slice(0, showSql ? Number(process.env.TOP ?? 3) : 0)) {
		console.log(`    ${s.ms.toFixed(0).padStart(6)} ms  ${s.sql.slice(0, 400)}`);
	}
}
await db.destroy();
