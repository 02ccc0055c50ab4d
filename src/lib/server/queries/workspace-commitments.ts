// Commitments as the clerk workspace sees them: drafts and withdrawn records included, limited
// to the user's committees (`committeeIds` null means every committee, for admins).
import type { Kysely, Transaction, Updateable } from 'kysely';
import { daysOverdue } from '$lib/domain';
import type {
	CommitmentTable,
	CommitmentType,
	DB,
	DeliveryStatus,
	NewCommitment,
	ProceduralStatus,
	Visibility
} from '../db/schema';
import { latestGrantedUntil, overdueCondition } from './deadline-sql';

type Scope = readonly number[] | null;
type Handle = Kysely<DB> | Transaction<DB>;

function scopedCommitments(db: Kysely<DB>, committeeIds: Scope) {
	return db
		.selectFrom('commitments as c')
		.$if(committeeIds !== null, (q) =>
			q.where('c.committee_id', 'in', committeeIds!.length ? [...committeeIds!] : [-1])
		);
}

export interface WorkspaceCommitmentRow {
	id: number;
	ref: string;
	title: string;
	committee: string;
	visibility: Visibility;
	dueOn: string | null;
	deliveryStatus: DeliveryStatus;
	proceduralStatus: ProceduralStatus;
	updatedAt: string;
}

const LIST_COLUMNS = [
	'c.id',
	'c.ref',
	'c.title',
	'c.visibility',
	'c.due_on',
	'c.delivery_status',
	'c.procedural_status',
	'c.updated_at',
	'k.abbreviation'
] as const;

function toListRow(r: {
	id: number;
	ref: string;
	title: string;
	visibility: Visibility;
	due_on: string | null;
	delivery_status: DeliveryStatus;
	procedural_status: ProceduralStatus;
	updated_at: string;
	abbreviation: string;
}): WorkspaceCommitmentRow {
	return {
		id: r.id,
		ref: r.ref,
		title: r.title,
		committee: r.abbreviation,
		visibility: r.visibility,
		dueOn: r.due_on,
		deliveryStatus: r.delivery_status,
		proceduralStatus: r.procedural_status,
		updatedAt: r.updated_at
	};
}

/** The workspace list: newest change first, filtered and paginated in SQL. */
export async function listWorkspaceCommitments(
	db: Kysely<DB>,
	committeeIds: Scope,
	opts: { page: number; pageSize: number; committeeId?: number; visibility?: Visibility }
): Promise<{ rows: WorkspaceCommitmentRow[]; total: number }> {
	const filtered = scopedCommitments(db, committeeIds)
		.$if(opts.committeeId !== undefined, (q) => q.where('c.committee_id', '=', opts.committeeId!))
		.$if(opts.visibility !== undefined, (q) => q.where('c.visibility', '=', opts.visibility!));
	const [rows, count] = await Promise.all([
		filtered
			.innerJoin('committees as k', 'k.id', 'c.committee_id')
			.select(LIST_COLUMNS)
			.orderBy('c.updated_at', 'desc')
			.orderBy('c.id', 'desc')
			.limit(opts.pageSize)
			.offset((opts.page - 1) * opts.pageSize)
			.execute(),
		filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return { rows: rows.map(toListRow), total: Number(count.n) };
}

/** Drafts awaiting publication, oldest first (they have waited longest). */
export async function listDraftCommitments(db: Kysely<DB>, committeeIds: Scope, limit = 10) {
	const rows = await scopedCommitments(db, committeeIds)
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.select(LIST_COLUMNS)
		.where('c.visibility', '=', 'draft')
		.orderBy('c.created_at')
		.orderBy('c.id')
		.limit(limit)
		.execute();
	return rows.map(toListRow);
}

export async function listRecentlyChangedCommitments(
	db: Kysely<DB>,
	committeeIds: Scope,
	limit = 10
) {
	const rows = await scopedCommitments(db, committeeIds)
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.select(LIST_COLUMNS)
		.orderBy('c.updated_at', 'desc')
		.orderBy('c.id', 'desc')
		.limit(limit)
		.execute();
	return rows.map(toListRow);
}

/** Published commitments overdue `today` (granted extensions counted), oldest due first. */
export async function listOverdueCommitments(
	db: Kysely<DB>,
	committeeIds: Scope,
	today: string,
	limit: number
) {
	const rows = await scopedCommitments(db, committeeIds)
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.select(LIST_COLUMNS)
		.select((eb) => latestGrantedUntil(eb).as('granted_until'))
		.where('c.visibility', '=', 'published')
		.where((eb) => overdueCondition(eb, today))
		.orderBy('c.due_on')
		.orderBy('c.id')
		.limit(limit)
		.execute();
	return rows.map((r) => {
		const until = r.granted_until as string | null;
		const row = toListRow(r);
		const input = { ...row, grantedExtensionsUntil: until ? [until] : [] };
		return { ...row, daysLate: daysOverdue(input, today) };
	});
}

/** Everything the edit page shows about one commitment. */
export async function getWorkspaceCommitment(db: Kysely<DB>, id: number) {
	const head = await db
		.selectFrom('commitments as c')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.innerJoin('sittings as s', 's.id', 'c.sitting_id')
		.leftJoin('users as u', 'u.id', 'c.updated_by')
		.leftJoin('deadline_rules as r', 'r.id', 'c.deadline_rule_id')
		.selectAll('c')
		.select([
			'k.name as committee_name',
			'k.abbreviation as committee_abbreviation',
			's.sat_on as sitting_sat_on',
			's.subject as sitting_subject',
			'u.name as updated_by_name',
			'r.name as deadline_rule_name'
		])
		.where('c.id', '=', id)
		.executeTakeFirst();
	if (!head) return null;
	const tags = await listCommitmentTagNames(db, id);
	return { ...head, tags };
}

export type WorkspaceCommitment = NonNullable<Awaited<ReturnType<typeof getWorkspaceCommitment>>>;

/** The stored row, read inside a use case's transaction before it is changed. */
export async function getCommitmentRow(db: Handle, id: number) {
	return db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The commitments of a sitting among `ids`, with what publishing them needs to know. */
export async function listSittingCommitmentStates(db: Handle, sittingId: number, ids: number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('commitments')
		.select(['id', 'ref', 'version', 'visibility'])
		.where('sitting_id', '=', sittingId)
		.where('id', 'in', ids)
		.orderBy('ref')
		.execute();
}

export async function listCommitmentTagNames(db: Handle, id: number): Promise<string[]> {
	const rows = await db
		.selectFrom('commitment_tags as ct')
		.innerJoin('tags as t', 't.id', 'ct.tag_id')
		.select('t.name')
		.where('ct.commitment_id', '=', id)
		.orderBy('t.name')
		.execute();
	return rows.map((r) => r.name);
}

/** Who saved the commitment last, and when: for the "someone else saved this" refusal. */
export async function lastCommitmentChange(db: Handle, id: number) {
	const row = await db
		.selectFrom('commitments as c')
		.leftJoin('users as u', 'u.id', 'c.updated_by')
		.select(['c.updated_at', 'c.version', 'u.name'])
		.where('c.id', '=', id)
		.executeTakeFirst();
	return row ? { by: row.name ?? 'another user', at: row.updated_at, version: row.version } : null;
}

/** The highest number used so far in refs of the form `${prefix}NNN` (0 when none). */
export async function maxRefNumber(db: Handle, prefix: string): Promise<number> {
	const rows = await db
		.selectFrom('commitments')
		.select('ref')
		.where('ref', 'like', `${prefix}%`)
		.execute();
	let max = 0;
	for (const { ref } of rows) {
		const n = /^\d+$/.test(ref.slice(prefix.length)) ? Number(ref.slice(prefix.length)) : 0;
		if (n > max) max = n;
	}
	return max;
}

export async function insertCommitment(trx: Transaction<DB>, values: NewCommitment) {
	const row = await trx
		.insertInto('commitments')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface CommitmentEdit {
	title: string;
	summary: string;
	quote: string;
	quote_source_title: string;
	quote_source_url: string | null;
	quote_source_locator: string | null;
	organisation_id: number;
	office_id: number;
	person_id: number | null;
	type: CommitmentType;
	measurable_target: string | null;
	given_on?: string;
	due_on?: string | null;
	deadline_rule_id?: number | null;
	due_basis?: string | null;
	visibility?: Visibility;
	published_at?: string | null;
	withdrawn_at?: string | null;
	withdrawn_reason?: string | null;
}

/**
 * Compare-and-swap on `version` (SQLite has no SELECT ... FOR UPDATE): false when someone
 * else saved the commitment after `version` was read, and then nothing is written. On
 * PostgreSQL a concurrent writer waits for the first to commit, then finds the version moved.
 * Every change to a commitment row (edit, publish, withdraw, update) goes through here.
 */
export async function updateCommitmentIfVersion(
	trx: Transaction<DB>,
	id: number,
	version: number,
	userId: number | null,
	values: Updateable<CommitmentTable>
): Promise<boolean> {
	const result = await trx
		.updateTable('commitments')
		.set((eb) => ({
			...values,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString(),
			updated_by: userId
		}))
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** The tag ids for these names, creating the missing ones (matched by slug). */
export async function ensureTags(
	trx: Transaction<DB>,
	tags: { slug: string; name: string }[]
): Promise<number[]> {
	if (tags.length === 0) return [];
	const slugs = tags.map((t) => t.slug);
	const existing = await trx
		.selectFrom('tags')
		.select(['id', 'slug'])
		.where('slug', 'in', slugs)
		.execute();
	const found = new Map(existing.map((t) => [t.slug, t.id]));
	for (const t of tags) {
		if (found.has(t.slug)) continue;
		const row = await trx.insertInto('tags').values(t).returning('id').executeTakeFirstOrThrow();
		found.set(t.slug, row.id);
	}
	return slugs.map((s) => found.get(s)!);
}

export async function replaceCommitmentTags(
	trx: Transaction<DB>,
	commitmentId: number,
	tagIds: number[]
): Promise<void> {
	await trx.deleteFrom('commitment_tags').where('commitment_id', '=', commitmentId).execute();
	if (tagIds.length === 0) return;
	await trx
		.insertInto('commitment_tags')
		.values([...new Set(tagIds)].map((tag_id) => ({ commitment_id: commitmentId, tag_id })))
		.execute();
}

export async function insertDueDateChange(
	trx: Transaction<DB>,
	values: {
		commitment_id: number;
		changed_on: string;
		from_on: string | null;
		to_on: string | null;
		deadline_rule_id: number | null;
		reason: string;
	}
): Promise<void> {
	await trx
		.insertInto('due_date_changes')
		.values({ ...values, update_id: null })
		.execute();
}

/** A row of the public change log that changes no status (a note, a withdrawal). */
export async function insertNoteUpdate(
	trx: Transaction<DB>,
	values: {
		commitment_id: number;
		update_on: string;
		note: string;
		reason: string | null;
		author_id: number | null;
		author_name: string;
	}
): Promise<number> {
	const row = await trx
		.insertInto('updates')
		.values({ ...values, created_at: new Date().toISOString() })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function getCommitteeAbbreviation(db: Handle, committeeId: number) {
	const row = await db
		.selectFrom('committees')
		.select('abbreviation')
		.where('id', '=', committeeId)
		.executeTakeFirst();
	return row?.abbreviation ?? null;
}
