// The domain's deadline and overdue rule (domain/overdue.ts) written once in SQL, for the queries
// that filter, count, sort or section by it: the explorer and API, the dashboard, the briefing
// pack and the watchlist. Dates are ISO text, which compares as dates on SQLite and PostgreSQL.
// tests/integration/deadline-agreement.test.ts checks it against the domain row by row on both.
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { DELIVERY_STATUSES, isDeliveryClosed } from '$lib/domain';
import type { DB } from '../db/schema';

/** An expression builder over `commitments as c` (alone or joined with more tables). */
export type EB = ExpressionBuilder<DB & { c: DB['commitments'] }, 'c'>;

const CLOSED_DELIVERY = DELIVERY_STATUSES.filter(isDeliveryClosed);

/** The extensions the committee granted to the commitment `c`: pending or refused ones never count. */
function grantedExtensions(eb: EB) {
	return eb
		.selectFrom('commitment_requests as r')
		.whereRef('r.commitment_id', '=', 'c.id')
		.where('r.kind', '=', 'extension')
		.where('r.decision', '=', 'granted');
}

/** The latest date a granted extension gave the commitment `c`: only the latest can move it. */
export function latestGrantedUntil(eb: EB) {
	return grantedExtensions(eb).select((e) => e.fn.max('r.granted_until').as('until'));
}

/**
 * The domain's effectiveDeadline: the date `c` must be met by, its due date or a later granted
 * extension's date (one that ran out included); null without a due date.
 */
export function effectiveDeadline(eb: EB) {
	return eb.fn.coalesce(
		latestGrantedUntil(eb).whereRef('r.granted_until', '>', 'c.due_on'),
		eb.ref('c.due_on')
	);
}

/**
 * The domain's isOverdue as of `today`: delivery still open and the effective deadline before
 * today. Written as "due date before today and no granted extension running to today or later",
 * the same thing (the deadline is the later of the two), so the database can walk the overdue
 * index on due_on. The explicit `is not null` keeps NOT(overdue) true without a due date.
 */
export function overdueCondition(eb: EB, today: string): Expression<SqlBool> {
	return eb.and([
		eb('c.due_on', 'is not', null),
		eb('c.due_on', '<', today),
		eb('c.delivery_status', 'not in', CLOSED_DELIVERY),
		eb.not(eb.exists(grantedExtensions(eb).select('r.id').where('r.granted_until', '>=', today)))
	]);
}
