// Frozen in time: this migration must never import application code. On PostgreSQL, every
// statement that appends to audit_log also sends NOTIFY ahadi_change. Notifications are delivered
// when the transaction commits, in commit order, and never for one that rolls back, so each
// instance's cache (server/change-marker.js) learns of every committed change; max(audit_log.id)
// cannot tell it that, because sequence values are handed out before commit. SQLite has one
// writer at a time, so there the ids already follow commits: nothing to do.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function isPostgres(db: Db) {
	return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Db): Promise<void> {
	if (!isPostgres(db)) return;
	await sql`create function audit_log_notify_change() returns trigger language plpgsql as $$
		begin perform pg_notify('ahadi_change', ''); return null; end $$`.execute(db);
	await sql`create trigger audit_log_notify_change after insert on audit_log
		for each statement execute function audit_log_notify_change()`.execute(db);
}

export async function down(db: Db): Promise<void> {
	if (!isPostgres(db)) return;
	await sql`drop trigger audit_log_notify_change on audit_log`.execute(db);
	await sql`drop function audit_log_notify_change()`.execute(db);
}
