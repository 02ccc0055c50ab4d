// Sittings as the clerk workspace sees them: drafts included, limited to the user's committees
// (`committeeIds` null means every committee, for admins).
import type { Kysely, Transaction } from 'kysely';
import type { DB, Visibility } from '../db/schema';

type Scope = readonly number[] | null;

export interface SittingListRow {
	id: number;
	satOn: string;
	subject: string;
	committee: string;
	visibility: Visibility;
	commitments: number;
}

export async function listWorkspaceSittings(
	db: Kysely<DB>,
	committeeIds: Scope,
	opts: { page: number; pageSize: number; committeeId?: number }
): Promise<{ rows: SittingListRow[]; total: number }> {
	const scoped = db
		.selectFrom('sittings as s')
		.$if(committeeIds !== null, (q) =>
			q.where('s.committee_id', 'in', committeeIds!.length ? [...committeeIds!] : [-1])
		)
		.$if(opts.committeeId !== undefined, (q) => q.where('s.committee_id', '=', opts.committeeId!));
	const [rows, count] = await Promise.all([
		scoped
			.innerJoin('committees as k', 'k.id', 's.committee_id')
			.leftJoin('commitments as c', 'c.sitting_id', 's.id')
			.select([
				's.id',
				's.sat_on',
				's.subject',
				's.visibility',
				'k.abbreviation',
				(eb) => eb.fn.count<number>('c.id').as('commitments')
			])
			.groupBy(['s.id', 's.sat_on', 's.subject', 's.visibility', 'k.abbreviation'])
			.orderBy('s.sat_on', 'desc')
			.orderBy('s.id', 'desc')
			.limit(opts.pageSize)
			.offset((opts.page - 1) * opts.pageSize)
			.execute(),
		scoped.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
	]);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			satOn: r.sat_on,
			subject: r.subject,
			committee: r.abbreviation,
			visibility: r.visibility,
			commitments: Number(r.commitments)
		})),
		total: Number(count.n)
	};
}

/** One sitting with its committee, who appeared, and the commitments given in it. */
export async function getSittingDetail(db: Kysely<DB>, id: number) {
	const head = await db
		.selectFrom('sittings as s')
		.innerJoin('committees as k', 'k.id', 's.committee_id')
		.selectAll('s')
		.select(['k.name as committee_name', 'k.abbreviation as committee_abbreviation'])
		.where('s.id', '=', id)
		.executeTakeFirst();
	if (!head) return null;
	const [appearances, commitments] = await Promise.all([
		db
			.selectFrom('sitting_appearances as a')
			.innerJoin('people as p', 'p.id', 'a.person_id')
			.innerJoin('offices as f', 'f.id', 'a.office_id')
			.select(['a.id', 'a.person_id', 'a.office_id', 'p.name as person', 'f.title as office'])
			.where('a.sitting_id', '=', id)
			.orderBy('a.id')
			.execute(),
		db
			.selectFrom('commitments')
			.select(['id', 'ref', 'title', 'visibility', 'due_on'])
			.where('sitting_id', '=', id)
			.orderBy('ref')
			.execute()
	]);
	return { ...head, appearances, commitments };
}

export type SittingDetail = NonNullable<Awaited<ReturnType<typeof getSittingDetail>>>;

export interface SittingValues {
	committee_id: number;
	sat_on: string;
	subject: string;
	source_title: string;
	source_url: string | null;
	source_locator: string | null;
}

export async function insertSitting(trx: Transaction<DB>, values: SittingValues): Promise<number> {
	const now = new Date().toISOString();
	const row = await trx
		.insertInto('sittings')
		.values({ ...values, visibility: 'draft', created_at: now, updated_at: now })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function replaceAppearances(
	trx: Transaction<DB>,
	sittingId: number,
	appearances: { personId: number; officeId: number }[]
): Promise<void> {
	await trx.deleteFrom('sitting_appearances').where('sitting_id', '=', sittingId).execute();
	if (appearances.length === 0) return;
	await trx
		.insertInto('sitting_appearances')
		.values(
			appearances.map((a) => ({
				sitting_id: sittingId,
				person_id: a.personId,
				office_id: a.officeId
			}))
		)
		.execute();
}

/**
 * Compare-and-swap on `version` (SQLite has no SELECT ... FOR UPDATE): false when someone
 * else saved the sitting after `version` was read. The committee never changes.
 */
export async function updateSittingIfVersion(
	trx: Transaction<DB>,
	id: number,
	version: number,
	values: Omit<SittingValues, 'committee_id'>
): Promise<boolean> {
	const result = await trx
		.updateTable('sittings')
		.set((eb) => ({
			...values,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** The stored row, read inside a use case's transaction before it is changed. */
export async function getSittingRow(db: Kysely<DB> | Transaction<DB>, id: number) {
	return db.selectFrom('sittings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Who appeared at the sitting, in the order they were recorded. */
export async function listAppearances(db: Kysely<DB> | Transaction<DB>, sittingId: number) {
	return db
		.selectFrom('sitting_appearances')
		.select(['person_id as personId', 'office_id as officeId'])
		.where('sitting_id', '=', sittingId)
		.orderBy('id')
		.execute();
}

/** Sittings have no updated_by column: the audit log says who saved last. */
export async function lastSittingChange(db: Kysely<DB> | Transaction<DB>, id: number) {
	const row = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['a.at', 'a.actor', 'u.name'])
		.where('a.entity', '=', 'sitting')
		.where('a.entity_id', '=', String(id))
		.orderBy('a.id', 'desc')
		.executeTakeFirst();
	return row ? { by: row.name ?? row.actor, at: row.at } : null;
}

export async function publishSittingIfDraft(trx: Transaction<DB>, id: number): Promise<boolean> {
	const result = await trx
		.updateTable('sittings')
		.set((eb) => ({
			visibility: 'published',
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', id)
		.where('visibility', '=', 'draft')
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}
