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

	it('moves the documents stored whole before 012 into chunks, unchanged', async () => {
		const db = createDb(await newDatabaseUrl({ migrated: false }));
		try {
			const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
			expect((await migrator.migrateTo('2026-12-07-011-alerts')).error).toBeUndefined();
			await seedDemo(db);
			await seedDemoUsers(db, { roles: ['clerk'] });
			const { id: userId } = await db.selectFrom('users').select('id').executeTakeFirstOrThrow();
			const c = await db
				.selectFrom('commitments')
				.select(['id', 'organisation_id'])
				.executeTakeFirstOrThrow();
			const at = '2026-12-01T08:00:00.000Z';
			const { id: submissionId } = await sql<{ id: number }>`
				insert into ministry_submissions
					(commitment_id, organisation_id, kind, body, created_by, created_at, updated_at)
				values (${c.id}, ${c.organisation_id}, 'report', 'Report.', ${userId}, ${at}, ${at})
				returning id`
				.execute(db)
				.then((r) => r.rows[0]!);
			const content = Buffer.from('%PDF-1.7\n' + 'x'.repeat(300_000));
			await sql`insert into submission_documents
					(submission_id, file_name, media_type, byte_size, sha256, content, created_at)
				values (${submissionId}, 'old.pdf', 'application/pdf', ${content.length}, 'abc',
					${content}, ${at})`.execute(db);

			await migrateToLatest(db);
			const chunks = await db
				.selectFrom('submission_document_chunks as k')
				.innerJoin('submission_documents as d', 'd.id', 'k.document_id')
				.select(['k.seq', 'k.bytes', 'd.file_name'])
				.execute();
			expect(chunks.map((k) => [k.file_name, k.seq])).toEqual([['old.pdf', 0]]);
			expect(Buffer.from(chunks[0]!.bytes).equals(content)).toBe(true);
		} finally {
			await db.destroy();
		}
	});
});
