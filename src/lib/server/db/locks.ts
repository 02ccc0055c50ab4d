import { PostgresAdapter, sql, type Transaction } from 'kysely';
import type { DB } from './schema';

/** Writers that must not interleave, each with its own PostgreSQL advisory lock key. */
const LOCK_KEYS = {
	/** Budget CSV imports: each plans its changes from what it reads, then inserts. */
	budgetImport: 7_240_001
} as const;

export type WriteLock = keyof typeof LOCK_KEYS;

/**
 * Makes transactions that take the same lock run one after the other.
 *
 * PostgreSQL (several app instances, READ COMMITTED): a transaction-scoped advisory lock, held
 * until commit or rollback. Without it two imports of the same file both see a line as new and
 * the second fails on the unique key.
 * SQLite needs nothing: one server process has one connection, on which Kysely runs one
 * transaction at a time, and SQLite itself admits one writer at a time.
 */
export async function lockForWrite(trx: Transaction<DB>, lock: WriteLock): Promise<void> {
	if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
	await sql`select pg_advisory_xact_lock(${LOCK_KEYS[lock]})`.execute(trx);
}
