// Reading the audit log. Writing is src/lib/server/audit.ts (recordAudit), and only appending:
// the table's triggers refuse UPDATE and DELETE.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface AuditFilters {
	/** Changes to records only, sign-ins and sign-outs only, or (unset) everything. */
	kind?: 'changes' | 'sessions';
	userId?: number;
	entity?: string;
	entityId?: string;
	/** ISO instants (UTC), inclusive lower bound and exclusive upper bound. */
	fromAt?: string;
	beforeAt?: string;
}

export interface AuditEntryRow {
	id: number;
	at: string;
	userId: number | null;
	actor: string;
	action: string;
	entity: string;
	entityId: string | null;
	before: string | null;
	after: string | null;
}

function filtered(db: Kysely<DB>, f: AuditFilters) {
	let q = db.selectFrom('audit_log');
	if (f.kind === 'changes') q = q.where('action', 'not like', 'session.%');
	if (f.kind === 'sessions') q = q.where('action', 'like', 'session.%');
	if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
	if (f.entity !== undefined) q = q.where('entity', '=', f.entity);
	if (f.entityId !== undefined) q = q.where('entity_id', '=', f.entityId);
	// `at` is stored as toISOString() text, which sorts and compares as time does.
	if (f.fromAt !== undefined) q = q.where('at', '>=', f.fromAt);
	if (f.beforeAt !== undefined) q = q.where('at', '<', f.beforeAt);
	return q;
}

/** Newest first, one page, with the total for the pager (two queries). */
export async function listAuditEntries(
	db: Kysely<DB>,
	filters: AuditFilters,
	{ page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}
): Promise<{ rows: AuditEntryRow[]; total: number }> {
	const size = Math.min(Math.max(1, pageSize), 200);
	const [rows, count] = await Promise.all([
		filtered(db, filters)
			.select([
				'id',
				'at',
				'user_id',
				'actor',
				'action',
				'entity',
				'entity_id',
				'before_json',
				'after_json'
			])
			.orderBy('at', 'desc')
			.orderBy('id', 'desc')
			.limit(size)
			.offset((Math.max(1, page) - 1) * size)
			.execute(),
		filtered(db, filters)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			at: r.at,
			userId: r.user_id,
			actor: r.actor,
			action: r.action,
			entity: r.entity,
			entityId: r.entity_id,
			before: r.before_json,
			after: r.after_json
		})),
		total: Number(count.n)
	};
}

/** The entity names that occur in the log, for the filter menu. */
export async function listAuditEntities(db: Kysely<DB>): Promise<string[]> {
	const rows = await db
		.selectFrom('audit_log')
		.select('entity')
		.distinct()
		.orderBy('entity')
		.execute();
	return rows.map((r) => r.entity);
}

export async function countAuditEntries(db: Kysely<DB>): Promise<number> {
	const row = await db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}
