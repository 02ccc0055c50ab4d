// The outbox: mails decided by a write or a scheduled pass, delivered later by the sender
// (services/mail-sender.ts). Claiming is a conditional UPDATE, so it works the same on SQLite
// and PostgreSQL: SQLite has no SELECT … FOR UPDATE, and on PostgreSQL the outer WHERE is
// checked again on a row another instance claimed meanwhile, so each row goes to one claimer.
import type { Expression, ExpressionBuilder, Kysely, SqlBool, Transaction } from 'kysely';
import type { DB, MailLanguage, OutboxStatus } from '../db/schema';

type Handle = Kysely<DB> | Transaction<DB>;

export interface OutgoingMessage {
	/** One per event and recipient: a second enqueue with the same key is ignored. */
	dedupeKey: string;
	recipient: string;
	language: MailLanguage;
	kind: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
}

/** Writes `message` unless one with its dedupe key exists; true when written. */
export async function insertOutboxMessage(
	db: Handle,
	message: OutgoingMessage,
	now = Date.now()
): Promise<boolean> {
	const result = await db
		.insertInto('outbox_messages')
		.values({
			dedupe_key: message.dedupeKey,
			recipient: message.recipient,
			language: message.language,
			kind: message.kind,
			subject: message.subject,
			text_body: message.text,
			html_body: message.html,
			headers_json: JSON.stringify(message.headers),
			next_attempt_at: now,
			created_at: new Date(now).toISOString()
		})
		.onConflict((oc) => oc.column('dedupe_key').doNothing())
		.executeTakeFirst();
	return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** The dedupe keys among `keys` already in the outbox. */
export async function existingDedupeKeys(db: Handle, keys: string[]): Promise<Set<string>> {
	const found = new Set<string>();
	for (let i = 0; i < keys.length; i += 500) {
		const rows = await db
			.selectFrom('outbox_messages')
			.select('dedupe_key')
			.where('dedupe_key', 'in', keys.slice(i, i + 500))
			.execute();
		for (const r of rows) found.add(r.dedupe_key);
	}
	return found;
}

function claimable(eb: ExpressionBuilder<DB, 'outbox_messages'>, now: number): Expression<SqlBool> {
	return eb.or([
		eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
		// A sender that claimed it and died: its lease ran out.
		eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)])
	]);
}

export interface ClaimedMessage {
	id: number;
	recipient: string;
	subject: string;
	text_body: string;
	html_body: string;
	headers_json: string;
	attempts: number;
}

/**
 * Claims up to `limit` due messages for `claim` (unique per call) until `leaseUntil`, and returns
 * them. A message claimed by another sender whose lease has not run out is never returned.
 */
export async function claimOutboxMessages(
	db: Kysely<DB>,
	claim: string,
	{ now, leaseUntil, limit }: { now: number; leaseUntil: number; limit: number }
): Promise<ClaimedMessage[]> {
	await db
		.updateTable('outbox_messages')
		.set({ status: 'sending', claimed_by: claim, claimed_until: leaseUntil })
		.where((eb) =>
			eb.and([
				eb(
					'id',
					'in',
					eb
						.selectFrom('outbox_messages as o')
						.select('o.id')
						.where((e) =>
							e.or([
								e.and([e('o.status', '=', 'pending'), e('o.next_attempt_at', '<=', now)]),
								e.and([e('o.status', '=', 'sending'), e('o.claimed_until', '<', now)])
							])
						)
						.orderBy('o.id')
						.limit(limit)
				),
				claimable(eb, now)
			])
		)
		.execute();
	return db
		.selectFrom('outbox_messages')
		.select(['id', 'recipient', 'subject', 'text_body', 'html_body', 'headers_json', 'attempts'])
		.where('claimed_by', '=', claim)
		.where('status', '=', 'sending')
		.orderBy('id')
		.execute();
}

/** Records a delivery by the holder of `claim`; false when the claim was lost meanwhile. */
export async function markOutboxSent(
	db: Kysely<DB>,
	id: number,
	claim: string,
	at: number
): Promise<boolean> {
	const r = await db
		.updateTable('outbox_messages')
		.set((eb) => ({
			status: 'sent',
			sent_at: new Date(at).toISOString(),
			attempts: eb('attempts', '+', 1),
			claimed_until: null,
			last_error: null
		}))
		.where('id', '=', id)
		.where('claimed_by', '=', claim)
		.where('status', '=', 'sending')
		.executeTakeFirst();
	return Number(r.numUpdatedRows) > 0;
}

/** Records a failed attempt: tried again at `retryAt`, or given up (`retryAt` null). */
export async function markOutboxAttemptFailed(
	db: Kysely<DB>,
	id: number,
	claim: string,
	{ error, retryAt }: { error: string; retryAt: number | null }
): Promise<void> {
	await db
		.updateTable('outbox_messages')
		.set((eb) => ({
			status: retryAt === null ? 'failed' : 'pending',
			attempts: eb('attempts', '+', 1),
			next_attempt_at: retryAt ?? eb.ref('next_attempt_at'),
			claimed_until: null,
			last_error: error.slice(0, 1000)
		}))
		.where('id', '=', id)
		.where('claimed_by', '=', claim)
		.where('status', '=', 'sending')
		.execute();
}

export interface OutboxRow {
	id: number;
	recipient: string;
	language: MailLanguage;
	kind: string;
	subject: string;
	text_body: string;
	status: OutboxStatus;
	attempts: number;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
}

/** The newest messages first, optionally of one status, paged. */
export async function listOutboxMessages(
	db: Kysely<DB>,
	{ status, limit, offset }: { status: OutboxStatus | null; limit: number; offset: number }
): Promise<OutboxRow[]> {
	let q = db
		.selectFrom('outbox_messages')
		.select([
			'id',
			'recipient',
			'language',
			'kind',
			'subject',
			'text_body',
			'status',
			'attempts',
			'last_error',
			'created_at',
			'sent_at'
		]);
	if (status) q = q.where('status', '=', status);
	return q.orderBy('id', 'desc').limit(limit).offset(offset).execute();
}

/** How many messages are in each status. */
export async function countOutboxByStatus(db: Kysely<DB>): Promise<Record<OutboxStatus, number>> {
	const rows = await db
		.selectFrom('outbox_messages')
		.select((eb) => ['status', eb.fn.countAll<number>().as('n')])
		.groupBy('status')
		.execute();
	const counts: Record<OutboxStatus, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
	for (const r of rows) counts[r.status] = Number(r.n);
	return counts;
}
