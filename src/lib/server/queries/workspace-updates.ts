// The clerk workspace's side of a commitment's change log: evidence, updates, due-date history
// and extension or drop requests. Writes take a Transaction so they can only run inside one.
import type { Kysely, Transaction } from 'kysely';
import type {
	DB,
	DeliveryStatus,
	EvidenceType,
	ProceduralStatus,
	RequestKind,
	Decision
} from '../db/schema';

export interface NewEvidence {
	type: EvidenceType;
	title: string;
	url: string | null;
	publishedOn: string | null;
	excerpt: string | null;
}

export interface EvidenceOption {
	id: number;
	type: EvidenceType;
	title: string;
	url: string | null;
	publishedOn: string | null;
}

/** The evidence already recorded for a commitment, newest first (to cite it again). */
export async function listCommitmentEvidence(
	db: Kysely<DB>,
	commitmentId: number
): Promise<EvidenceOption[]> {
	const rows = await db
		.selectFrom('evidence')
		.select(['id', 'type', 'title', 'url', 'published_on'])
		.where('commitment_id', '=', commitmentId)
		.orderBy('published_on', 'desc')
		.orderBy('id', 'desc')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		type: r.type,
		title: r.title,
		url: r.url,
		publishedOn: r.published_on
	}));
}

/** How many of `ids` are evidence of this commitment (ids of other commitments do not count). */
export async function countCommitmentEvidence(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number,
	ids: readonly number[]
): Promise<number> {
	if (ids.length === 0) return 0;
	const row = await db
		.selectFrom('evidence')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('commitment_id', '=', commitmentId)
		.where('id', 'in', [...ids])
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertEvidence(
	trx: Transaction<DB>,
	commitmentId: number,
	createdBy: number | null,
	item: NewEvidence
): Promise<number> {
	const row = await trx
		.insertInto('evidence')
		.values({
			commitment_id: commitmentId,
			type: item.type,
			title: item.title,
			url: item.url,
			published_on: item.publishedOn,
			excerpt: item.excerpt,
			illustrative: 0,
			created_by: createdBy,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Who last saved the commitment and when: for the "someone else saved" message. */
export async function commitmentLastSaved(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number
): Promise<{ by: string | null; at: string | null }> {
	const row = await db
		.selectFrom('commitments as c')
		.leftJoin('users as u', 'u.id', 'c.updated_by')
		.select(['u.name', 'c.updated_at'])
		.where('c.id', '=', commitmentId)
		.executeTakeFirst();
	return { by: row?.name ?? null, at: row?.updated_at ?? null };
}

export interface NewUpdate {
	commitmentId: number;
	updateOn: string;
	deliveryFrom: DeliveryStatus | null;
	deliveryTo: DeliveryStatus | null;
	proceduralFrom: ProceduralStatus | null;
	proceduralTo: ProceduralStatus | null;
	dueFrom: string | null;
	dueTo: string | null;
	reason: string | null;
	note: string;
	authorId: number | null;
	authorName: string;
}

export async function insertUpdate(trx: Transaction<DB>, u: NewUpdate): Promise<number> {
	const row = await trx
		.insertInto('updates')
		.values({
			commitment_id: u.commitmentId,
			update_on: u.updateOn,
			delivery_from: u.deliveryFrom,
			delivery_to: u.deliveryTo,
			procedural_from: u.proceduralFrom,
			procedural_to: u.proceduralTo,
			due_from: u.dueFrom,
			due_to: u.dueTo,
			reason: u.reason,
			note: u.note,
			author_id: u.authorId,
			author_name: u.authorName,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function linkUpdateEvidence(
	trx: Transaction<DB>,
	updateId: number,
	evidenceIds: readonly number[]
): Promise<void> {
	const unique = [...new Set(evidenceIds)];
	if (unique.length === 0) return;
	await trx
		.insertInto('update_evidence')
		.values(unique.map((evidence_id) => ({ update_id: updateId, evidence_id })))
		.execute();
}

export async function insertDueDateChange(
	trx: Transaction<DB>,
	c: {
		commitmentId: number;
		changedOn: string;
		fromOn: string | null;
		toOn: string | null;
		reason: string;
		updateId: number;
	}
): Promise<number> {
	const row = await trx
		.insertInto('due_date_changes')
		.values({
			commitment_id: c.commitmentId,
			changed_on: c.changedOn,
			from_on: c.fromOn,
			to_on: c.toOn,
			deadline_rule_id: null,
			reason: c.reason,
			update_id: c.updateId
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface PendingRequest {
	id: number;
	kind: RequestKind;
	requestedOn: string;
	requestedUntil: string | null;
	reason: string;
}

/** The request awaiting the committee's decision, if any (there is at most one). */
export async function findPendingRequest(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number
): Promise<PendingRequest | null> {
	const row = await db
		.selectFrom('commitment_requests')
		.select(['id', 'kind', 'requested_on', 'requested_until', 'reason'])
		.where('commitment_id', '=', commitmentId)
		.where('decision', '=', 'pending')
		.orderBy('requested_on', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row
		? {
				id: row.id,
				kind: row.kind,
				requestedOn: row.requested_on,
				requestedUntil: row.requested_until,
				reason: row.reason
			}
		: null;
}

export async function insertRequest(
	trx: Transaction<DB>,
	r: {
		commitmentId: number;
		kind: RequestKind;
		requestedOn: string;
		requestedUntil: string | null;
		reason: string;
	}
): Promise<number> {
	const row = await trx
		.insertInto('commitment_requests')
		.values({
			commitment_id: r.commitmentId,
			kind: r.kind,
			requested_on: r.requestedOn,
			requested_until: r.requestedUntil,
			reason: r.reason,
			decision: 'pending'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Compare-and-swap on `pending`: false when the request was decided meanwhile. */
export async function decideRequestIfPending(
	trx: Transaction<DB>,
	requestId: number,
	d: {
		decision: Exclude<Decision, 'pending'>;
		decidedOn: string;
		grantedUntil: string | null;
		note: string;
	}
): Promise<boolean> {
	const result = await trx
		.updateTable('commitment_requests')
		.set({
			decision: d.decision,
			decided_on: d.decidedOn,
			granted_until: d.grantedUntil,
			decision_note: d.note
		})
		.where('id', '=', requestId)
		.where('decision', '=', 'pending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * The committee-process status a commitment had before its latest request (the `from` of the
 * update that moved it to `extension_requested` or `drop_requested`), to go back to on refusal.
 */
export async function proceduralBeforeRequest(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number
): Promise<ProceduralStatus | null> {
	const row = await db
		.selectFrom('updates')
		.select('procedural_from')
		.where('commitment_id', '=', commitmentId)
		.where('procedural_to', 'in', ['extension_requested', 'drop_requested'])
		.orderBy('update_on', 'desc')
		.orderBy('id', 'desc')
		.executeTakeFirst();
	return row?.procedural_from ?? null;
}

export interface WorkspaceUpdate {
	id: number;
	updateOn: string;
	deliveryFrom: DeliveryStatus | null;
	deliveryTo: DeliveryStatus | null;
	proceduralFrom: ProceduralStatus | null;
	proceduralTo: ProceduralStatus | null;
	dueFrom: string | null;
	dueTo: string | null;
	reason: string | null;
	note: string;
	authorName: string;
	evidence: { id: number; type: EvidenceType; title: string; url: string | null }[];
}

/** The latest entries of a commitment's change log, drafts included, with their evidence. */
export async function listRecentUpdates(
	db: Kysely<DB>,
	commitmentId: number,
	limit = 20
): Promise<WorkspaceUpdate[]> {
	const rows = await db
		.selectFrom('updates')
		.select([
			'id',
			'update_on',
			'delivery_from',
			'delivery_to',
			'procedural_from',
			'procedural_to',
			'due_from',
			'due_to',
			'reason',
			'note',
			'author_name'
		])
		.where('commitment_id', '=', commitmentId)
		.orderBy('update_on', 'desc')
		.orderBy('id', 'desc')
		.limit(limit)
		.execute();
	if (rows.length === 0) return [];
	const evidence = await db
		.selectFrom('update_evidence as ue')
		.innerJoin('evidence as e', 'e.id', 'ue.evidence_id')
		.select(['ue.update_id', 'e.id', 'e.type', 'e.title', 'e.url'])
		.where(
			'ue.update_id',
			'in',
			rows.map((r) => r.id)
		)
		.orderBy('e.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		updateOn: r.update_on,
		deliveryFrom: r.delivery_from,
		deliveryTo: r.delivery_to,
		proceduralFrom: r.procedural_from,
		proceduralTo: r.procedural_to,
		dueFrom: r.due_from,
		dueTo: r.due_to,
		reason: r.reason,
		note: r.note,
		authorName: r.author_name,
		evidence: evidence
			.filter((e) => e.update_id === r.id)
			.map((e) => ({ id: e.id, type: e.type, title: e.title, url: e.url }))
	}));
}
