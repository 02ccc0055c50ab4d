import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { CommitteeTable, DB, Role } from '../db/schema';

type Handle = Kysely<DB> | Transaction<DB>;

/** Committees with their count of published commitments, in one query. */
export async function listCommitteesWithCounts(db: Kysely<DB>) {
	const rows = await db
		.selectFrom('committees as k')
		.leftJoin('commitments as c', (join) =>
			join.onRef('c.committee_id', '=', 'k.id').on('c.visibility', '=', 'published')
		)
		.select([
			'k.id',
			'k.slug',
			'k.name',
			'k.abbreviation',
			'k.house',
			(eb) => eb.fn.count<number>('c.id').as('published')
		])
		.groupBy(['k.id', 'k.slug', 'k.name', 'k.abbreviation', 'k.house'])
		.orderBy('k.house')
		.orderBy('k.name')
		.execute();
	return rows.map((r) => ({ ...r, published: Number(r.published) }));
}

export async function getCommitteeBySlug(db: Kysely<DB>, slug: string) {
	return db
		.selectFrom('committees as k')
		.leftJoin('people as p', 'p.id', 'k.chair_person_id')
		.select(['k.id', 'k.slug', 'k.name', 'k.abbreviation', 'k.house', 'p.name as chair'])
		.where('k.slug', '=', slug)
		.executeTakeFirst();
}

/** The committees a user may edit: all for admins, their own for clerks. */
export async function listEditableCommittees(
	db: Kysely<DB>,
	user: { role: Role; committeeIds: readonly number[] }
) {
	return db
		.selectFrom('committees')
		.select(['id', 'slug', 'name', 'abbreviation'])
		.$if(user.role !== 'admin', (q) =>
			q.where('id', 'in', user.committeeIds.length ? [...user.committeeIds] : [-1])
		)
		.orderBy('name')
		.execute();
}

export async function getCommittee(db: Handle, id: number) {
	return db.selectFrom('committees').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A committee other than `exceptId` that already has this name or abbreviation. */
export async function findCommitteeNamed(
	db: Handle,
	names: { name: string; abbreviation: string },
	exceptId?: number
) {
	return db
		.selectFrom('committees')
		.select(['id', 'name', 'abbreviation'])
		.where((eb) =>
			eb.or([eb('name', '=', names.name), eb('abbreviation', '=', names.abbreviation)])
		)
		.$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
		.executeTakeFirst();
}

export async function committeeSlugTaken(db: Handle, slug: string): Promise<boolean> {
	const row = await db
		.selectFrom('committees')
		.select('id')
		.where('slug', '=', slug)
		.executeTakeFirst();
	return row !== undefined;
}

export async function insertCommittee(
	trx: Transaction<DB>,
	values: Insertable<CommitteeTable>
): Promise<number> {
	const row = await trx
		.insertInto('committees')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function updateCommittee(
	trx: Transaction<DB>,
	id: number,
	values: Updateable<CommitteeTable>
): Promise<void> {
	await trx.updateTable('committees').set(values).where('id', '=', id).execute();
}
