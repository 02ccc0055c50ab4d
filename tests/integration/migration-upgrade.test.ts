// The upgrade path a real install takes: a database created by the first release, in use (the
// demo data, users, sessions, an audit trail), brought to the latest schema by the migrator the
// server runs on start. Nothing is lost, every constraint still holds, and the app reads it.
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedDemoUsers } from '../../db/seeds/demo-users';
import { migrations } from '../../db/migrations/index';
import { EMPTY_COMMITMENT_QUERY } from '../../src/lib/domain/commitment-query';
import { createDb } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { searchCommitments } from '../../src/lib/server/queries/commitment-search';
import { loadDashboard } from '../../src/lib/server/services/dashboard';
import { TEST_DIALECT, newDatabaseUrl } from '../helpers/test-db';

const FIRST = Object.keys(migrations).sort()[0]!;
const TABLES = [
	'committees',
	'organisations',
	'people',
	'offices',
	'sittings',
	'commitments',
	'milestones',
	'updates',
	'evidence',
	'budget_lines',
	'budget_figures',
	'funding_links',
	'users',
	'audit_log'
] as const;

describe('upgrading a database made by the first release', () => {
	it('keeps every row and serves the same pages after migrating to the latest', async () => {
		const db = createDb(await newDatabaseUrl({ migrated: false }));
		try {
			const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
			const first = await migrator.migrateTo(FIRST);
			expect(first.error).toBeUndefined();
			expect(first.results?.map((r) => r.migrationName)).toEqual([FIRST]);

			// In use: the demo data and accounts, as the first release loaded them.
			await seedDemo(db);
			await seedDemoUsers(db, { roles: ['admin', 'clerk', 'mp'] });
			const count = async (table: (typeof TABLES)[number]) =>
				Number(
					(
						await db
							.selectFrom(table)
							.select((eb) => eb.fn.countAll().as('n'))
							.executeTakeFirstOrThrow()
					).n
				);
			const before: Record<string, number> = {};
			for (const table of TABLES) before[table] = await count(table);
			const today = '2026-03-01';
			const listBefore = await searchCommitments(db, { ...EMPTY_COMMITMENT_QUERY }, today);

			const upgrade = await migrateToLatest(db);
			expect(upgrade.results?.map((r) => r.migrationName)).toEqual(
				Object.keys(migrations).sort().slice(1)
			);
			for (const r of upgrade.results ?? []) expect(r.status, r.migrationName).toBe('Success');

			for (const table of TABLES) expect(await count(table), table).toBe(before[table]);
			const listAfter = await searchCommitments(db, { ...EMPTY_COMMITMENT_QUERY }, today);
			expect(listAfter).toEqual(listBefore);
			const dashboard = await loadDashboard(db, today);
			expect(dashboard.total).toBe(listAfter.total);
			if (TEST_DIALECT === 'sqlite') {
				const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
				expect(check.rows[0]?.integrity_check).toBe('ok');
				const fk = await sql`pragma foreign_key_check`.execute(db);
				expect(fk.rows).toEqual([]);
			}
			// A second start applies nothing.
			expect((await migrateToLatest(db)).results).toEqual([]);
		} finally {
			await db.destroy();
		}
	});
});
