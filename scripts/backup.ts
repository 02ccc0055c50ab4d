// `npm run db:backup -- FILE`: a consistent copy of the SQLite database named by DATABASE_URL,
// safe while the server is serving writes. It uses SQLite's online backup API (through
// better-sqlite3), copying every page in one step, so the copy is one point in time: the
// writes committed before the step began, none after. The copy is written next to FILE and
// renamed into place only once it passes PRAGMA integrity_check.
// Restore: stop the server, remove the database's -wal and -shm files, copy FILE over the
// database (or point DATABASE_URL at a copy of it), start the server.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { DEFAULT_DATABASE_URL, isPostgresUrl, sqlitePath } from '../src/lib/server/db/index';

const USAGE = 'usage: npm run db:backup -- FILE';

function fail(message: string, code = 1): never {
	console.error(`db:backup: ${message}`);
	process.exit(code);
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const [file] = args;
	if (args.length !== 1 || !file || file.startsWith('-')) fail(USAGE, 2);
	const target = resolve(file);
	const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
	if (isPostgresUrl(url)) {
		fail(
			'DATABASE_URL is a PostgreSQL database; back it up with pg_dump instead, e.g. ' +
				'pg_dump --format=custom --file=FILE "$DATABASE_URL" (restore with pg_restore)',
			2
		);
	}
	const source = sqlitePath(url);
	if (source === ':memory:') fail('DATABASE_URL is an in-memory database: nothing to back up', 2);
	if (!existsSync(source)) fail(`no database at ${source}`);
	if (existsSync(target)) fail(`${target} already exists; remove it or choose another name`);

	const partial = `${target}.partial`;
	rmSync(partial, { force: true });
	const db = new SQLite(source, { fileMustExist: true });
	try {
		db.pragma('busy_timeout = 5000');
		// One step for all pages: a copy in several steps restarts whenever the server writes
		// between them, and could chase a busy database for ever.
		const { totalPages } = await db.backup(partial, { progress: () => 0x7fffffff });
		const copy = new SQLite(partial, { fileMustExist: true });
		try {
			const integrity = copy.pragma('integrity_check', { simple: true });
			if (integrity !== 'ok')
				throw new Error(`the copy failed integrity_check: ${String(integrity)}`);
		} finally {
			copy.close();
		}
		renameSync(partial, target);
		console.log(`backup of ${source} written to ${target} (${totalPages} pages, integrity ok)`);
	} finally {
		db.close();
		rmSync(partial, { force: true });
	}
}

main().catch((err: unknown) => {
	fail(err instanceof Error ? err.message : String(err));
});
