// Shared set-up for the auth tests: a fresh database of the dialect under test, migrated by the
// real Migrator; committees and users made through the same services the app uses.
import { afterEach } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { createDb, type Database } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Role } from '../../src/lib/server/db/schema';
import { createUser } from '../../src/lib/server/services/users';
import { freshDb as freshTestDb } from '../helpers/test-db';

const open: Database[] = [];

/** A fresh migrated database, or with `url` (from newDatabaseUrl) a handle on that one. */
export async function freshDb(url?: string): Promise<Database> {
	const db = url ? createDb(url) : await freshTestDb();
	open.push(db);
	if (url) await migrateToLatest(db);
	return db;
}

afterEach(async () => {
	for (const db of open.splice(0)) await db.destroy();
});

export async function addCommittee(db: Database, slug: string): Promise<number> {
	const row = await db
		.insertInto('committees')
		.values({
			slug,
			name: `Committee ${slug}`,
			abbreviation: slug.toUpperCase().slice(0, 12),
			house: 'national_assembly',
			chair_person_id: null
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export const PASSWORD = 'correct horse battery staple';

export async function addUser(
	db: Database,
	email: string,
	role: Role = 'mp',
	options: { committeeIds?: number[]; mustChangePassword?: boolean; password?: string } = {}
): Promise<number> {
	return createUser(db, SYSTEM_ACTOR, {
		email,
		name: email.split('@')[0] ?? email,
		role,
		committeeIds: options.committeeIds ?? [],
		password: options.password ?? PASSWORD,
		mustChangePassword: options.mustChangePassword ?? false
	});
}

export async function countRows(
	db: Database,
	table: 'audit_log' | 'sessions' | 'users' | 'user_committees' | 'login_throttle'
): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
