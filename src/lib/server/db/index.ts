import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { countQueriesPlugin, serverTimingEnabled } from './query-count';
import type { DB } from './schema';

export type Database = Kysely<DB>;

export const DEFAULT_DATABASE_URL = 'data/ahadi.db';

export function isPostgresUrl(url: string): boolean {
	return /^postgres(ql)?:\/\//.test(url);
}

/** The SQLite file path for a DATABASE_URL ('data/x.db', 'file:data/x.db', ':memory:'). */
export function sqlitePath(url: string): string {
	const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
	return path === ':memory:' ? path : resolve(path);
}

let bigintParserSet = false;

/**
 * Opens the database named by `url` (DATABASE_URL): PostgreSQL for postgres:// URLs,
 * otherwise an SQLite file (created with its folder when missing).
 */
export function createDb(url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): Database {
	if (isPostgresUrl(url)) {
		if (!bigintParserSet) {
			// BIGINT (money) arrives as a string by default; shillings stay far below 2^53.
			pg.types.setTypeParser(20, (v) => Number(v));
			bigintParserSet = true;
		}
		const pool = new pg.Pool({ connectionString: url, max: 10 });
		// An idle connection that the server ends (a restart, a failover, an administrator)
		// emits 'error' on the pool; unhandled, that would crash the process. The pool drops the
		// connection and opens a new one for the next query.
		pool.on('error', (err) => console.error(`PostgreSQL: idle connection closed: ${err.message}`));
		// A cursor lets a query be read as a stream (the briefing pack's funding links).
		return new Kysely<DB>({
			dialect: new PostgresDialect({ pool, cursor: Cursor }),
			plugins: plugins()
		});
	}
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	// Table statistics for the query planner, as SQLite advises for every connection: analyses
	// the tables never analysed or much changed since (about 0.5 s once for 100,000
	// commitments, nothing on later starts). Without them the planner takes `visibility = ?`
	// for a selective filter and walks the wrong index. PostgreSQL's autovacuum does the same.
	if (path !== ':memory:') sqlite.pragma('optimize = 0x10002');
	return new Kysely<DB>({
		dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
		plugins: plugins()
	});
}

/** Prepared statements kept per connection; the least recently used is dropped beyond this. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The connection as Kysely's SQLite driver sees it, with its prepared statements kept: the
 * driver prepares every query it runs, and on a signed-in page preparing its ten statements
 * cost about as much as running them. Statements are reused one query at a time (the driver
 * runs one query at a time per connection), and SQLite re-prepares one by itself if a
 * migration changed the schema under it.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
	const statements = new Map<string, SQLite.Statement>();
	return {
		close: () => {
			statements.clear();
			sqlite.close();
		},
		prepare(sql: string) {
			let statement = statements.get(sql);
			if (statement) {
				// Most recently used last.
				statements.delete(sql);
			} else {
				statement = sqlite.prepare(sql);
				if (statements.size >= STATEMENT_CACHE_SIZE) {
					statements.delete(statements.keys().next().value as string);
				}
			}
			statements.set(sql, statement);
			return statement;
		}
	};
}

function plugins() {
	return serverTimingEnabled() ? [countQueriesPlugin] : [];
}
