// Temp databases seeded with the demo data, and read-only looks into them.
import { createHash } from 'node:crypto';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { templateDb, workDir } from './paths';

/** A fresh copy of the demo database for one test file. */
export function freshDemoDb(name: string): string {
	const file = join(workDir, `${name}.db`);
	removeDb(file);
	copyFileSync(templateDb, file);
	return file;
}

export function removeDb(file: string): void {
	for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
}

export function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		return fn(db);
	} finally {
		db.close();
	}
}

export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
	return withDb(file, (db) => db.prepare(sql).all(...params) as T[]);
}

/** The first row of a query that must find one. */
export function one<T>(file: string, sql: string, ...params: unknown[]): T {
	const [row] = query<T>(file, sql, ...params);
	if (row === undefined) throw new Error(`no row for ${sql}`);
	return row;
}

/**
 * Every row of every table, hashed (as tests/e2e/auth-fixtures.ts dbSnapshot does): equal
 * snapshots mean nothing was written. `skip` names tables a harmless request may touch
 * (sessions slide their expiry; failed sign-ins count in login_throttle).
 */
export function dbSnapshot(file: string, skip: readonly string[] = []): string {
	return withDb(file, (db) => {
		const hash = createHash('sha256');
		const tables = db
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
			)
			.all() as { name: string }[];
		for (const { name } of tables) {
			if (skip.includes(name)) continue;
			hash.update(name);
			for (const row of db.prepare(`select * from "${name}" order by rowid`).iterate()) {
				hash.update(JSON.stringify(row));
			}
		}
		return hash.digest('hex');
	});
}

/** PRAGMA integrity_check and foreign_key_check: [] when the file is sound. */
export function integrityProblems(file: string): string[] {
	return withDb(file, (db) => {
		const problems: string[] = [];
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
		for (const fk of db.pragma('foreign_key_check') as Record<string, unknown>[]) {
			problems.push(`foreign key: ${JSON.stringify(fk)}`);
		}
		return problems;
	});
}
