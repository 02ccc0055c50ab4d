// The database the integration tests run on. The same tests run twice when TEST_DATABASE_URL
// points at a PostgreSQL server: once on SQLite (the Vitest project "integration") and once on
// PostgreSQL (the project "integration-postgres", which sets AHADI_TEST_DIALECT=postgres).
//
// On PostgreSQL every database a test asks for is a new database, cloned from a template that
// the global set-up migrated once (tests/helpers/pg-global-setup.ts), and dropped when the test
// file ends; the server's other databases are never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, inject } from 'vitest';
import { createDb, type Database } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';

export type TestDialect = 'sqlite' | 'postgres';

export const TEST_DIALECT: TestDialect =
	process.env.AHADI_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

let admin: Database | null = null;
let counter = 0;
const created: string[] = [];
let tempDir: string | null = null;

function serverUrl(): string {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('AHADI_TEST_DIALECT=postgres needs TEST_DATABASE_URL');
	return url;
}

function withDatabase(url: string, name: string): string {
	const u = new URL(url);
	u.pathname = `/${name}`;
	return u.toString();
}

/**
 * The URL of a new database of the dialect under test, for code that opens its own connections
 * (a CLI run in a child process, two "instances" sharing one database). Migrated unless
 * `{ migrated: false }`. SQLite: a file in a temporary folder. Removed when the file's tests end.
 */
export async function newDatabaseUrl({ migrated = true } = {}): Promise<string> {
	if (TEST_DIALECT === 'sqlite') {
		tempDir ??= mkdtempSync(join(tmpdir(), 'ahadi-test-'));
		const file = join(tempDir, `db-${++counter}.db`);
		if (migrated) {
			const db = createDb(file);
			await migrateToLatest(db);
			await db.destroy();
		}
		return file;
	}
	admin ??= createDb(serverUrl());
	const name = `${inject('pgPrefix')}_${process.pid}_${++counter}`;
	const template = migrated ? inject('pgTemplate') : 'template0';
	await sql`create database ${sql.id(name)} template ${sql.id(template)}`.execute(admin);
	created.push(name);
	return withDatabase(serverUrl(), name);
}

/** A new, migrated database of the dialect under test (SQLite: in memory). */
export async function freshDb(): Promise<Database> {
	if (TEST_DIALECT === 'sqlite') {
		const db = createDb(':memory:');
		await migrateToLatest(db);
		return db;
	}
	return createDb(await newDatabaseUrl());
}

// Registered by the set-up file before any test file's hooks, so it runs after them (Vitest runs
// `afterAll` hooks in reverse order): the tests have closed their connections by then, and
// FORCE ends any they left open.
afterAll(async () => {
	if (admin) {
		for (const name of created.splice(0)) {
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
		}
		await admin.destroy();
		admin = null;
	}
	if (tempDir) rmSync(tempDir, { recursive: true, force: true });
	tempDir = null;
});
