// People, offices, organisations and who held which office when (the Popolo shapes). Retired
// and merged rows are kept, so old records still name who said what; pickers offer only
// current rows.
import type { Kysely, Transaction } from 'kysely';
import type { DB, OrganisationKind } from '../db/schema';

type Handle = Kysely<DB> | Transaction<DB>;

export interface Option {
	id: number;
	label: string;
}

export interface OfficeOption extends Option {
	organisationId: number;
}

export interface Holding {
	personId: number;
	officeId: number;
}

/** Current people, offices and organisations for the selects of the workspace forms. */
export async function listReferenceOptions(db: Kysely<DB>) {
	const [people, offices, organisations, holdings] = await Promise.all([
		db
			.selectFrom('people')
			.select(['id', 'name as label'])
			.where('retired_at', 'is', null)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('offices as f')
			.innerJoin('organisations as o', 'o.id', 'f.organisation_id')
			.select(['f.id', 'f.title', 'f.organisation_id', 'o.name as organisation'])
			.where('f.retired_at', 'is', null)
			.orderBy('f.title')
			.execute(),
		db
			.selectFrom('organisations')
			.select(['id', 'name as label'])
			.where('retired_at', 'is', null)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('office_holdings as h')
			.innerJoin('people as p', 'p.id', 'h.person_id')
			.innerJoin('offices as f', 'f.id', 'h.office_id')
			.select(['h.person_id', 'h.office_id'])
			.where('p.retired_at', 'is', null)
			.where('f.retired_at', 'is', null)
			.orderBy('h.person_id')
			.orderBy('h.start_on', 'desc')
			.orderBy('h.id', 'desc')
			.execute()
	]);
	return {
		people: people as Option[],
		/** Who held which current office (past holdings too: a sitting may be years old). */
		holdings: holdings.map((h): Holding => ({ personId: h.person_id, officeId: h.office_id })),
		offices: offices.map((o): OfficeOption => ({
			id: o.id,
			label: o.title.includes(o.organisation) ? o.title : `${o.title} (${o.organisation})`,
			organisationId: o.organisation_id
		})),
		organisations: organisations as Option[]
	};
}

/** True when every id names a current (not retired) row of the table. */
export async function allCurrent(
	db: Handle,
	table: 'people' | 'offices' | 'organisations',
	ids: number[]
): Promise<boolean> {
	const unique = [...new Set(ids)];
	if (unique.length === 0) return true;
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('id', 'in', unique)
		.where('retired_at', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.n) === unique.length;
}

export interface PersonRow {
	id: number;
	name: string;
	retiredAt: string | null;
	mergedInto: string | null;
	holdings: { office: string; startOn: string | null; endOn: string | null }[];
}

/** People with every office they held (history kept), in two queries. */
export async function listPeople(db: Kysely<DB>, limit = 500): Promise<PersonRow[]> {
	const people = await db
		.selectFrom('people as p')
		.leftJoin('people as m', 'm.id', 'p.merged_into_id')
		.select(['p.id', 'p.name', 'p.retired_at', 'm.name as merged_into'])
		.orderBy('p.retired_at', 'desc')
		.orderBy('p.name')
		.limit(limit)
		.execute();
	const ids = people.map((p) => p.id);
	const holdings = ids.length
		? await db
				.selectFrom('office_holdings as h')
				.innerJoin('offices as f', 'f.id', 'h.office_id')
				.select(['h.person_id', 'f.title', 'h.start_on', 'h.end_on'])
				.where('h.person_id', 'in', ids)
				.orderBy('h.start_on', 'desc')
				.orderBy('h.id', 'desc')
				.execute()
		: [];
	return people.map((p) => ({
		id: p.id,
		name: p.name,
		retiredAt: p.retired_at,
		mergedInto: p.merged_into,
		holdings: holdings
			.filter((h) => h.person_id === p.id)
			.map((h) => ({ office: h.title, startOn: h.start_on, endOn: h.end_on }))
	}));
}

export async function listOffices(db: Kysely<DB>, limit = 500) {
	return db
		.selectFrom('offices as f')
		.innerJoin('organisations as o', 'o.id', 'f.organisation_id')
		.select(['f.id', 'f.title', 'f.retired_at as retiredAt', 'o.name as organisation'])
		.orderBy('f.retired_at', 'desc')
		.orderBy('f.title')
		.limit(limit)
		.execute();
}

export async function listOrganisations(db: Kysely<DB>, limit = 500) {
	return db
		.selectFrom('organisations as o')
		.leftJoin('organisations as m', 'm.id', 'o.merged_into_id')
		.select([
			'o.id',
			'o.name',
			'o.short_name as shortName',
			'o.kind',
			'o.retired_at as retiredAt',
			'm.name as mergedInto'
		])
		.orderBy('o.retired_at', 'desc')
		.orderBy('o.name')
		.limit(limit)
		.execute();
}

/** A slug not yet used in the table: 'name', then 'name-2', 'name-3'… */
export async function freeSlug(
	db: Handle,
	table: 'people' | 'offices' | 'organisations' | 'tags',
	base: string
): Promise<string> {
	const taken = new Set(
		(
			await db
				.selectFrom(table)
				.select('slug')
				.where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
				.execute()
		).map((r) => r.slug)
	);
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function insertPerson(trx: Transaction<DB>, slug: string, name: string) {
	const row = await trx
		.insertInto('people')
		.values({ slug, name, retired_at: null, merged_into_id: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function insertOffice(
	trx: Transaction<DB>,
	values: { slug: string; title: string; organisation_id: number }
) {
	const row = await trx
		.insertInto('offices')
		.values({ ...values, retired_at: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function insertOrganisation(
	trx: Transaction<DB>,
	values: { slug: string; name: string; short_name: string | null; kind: OrganisationKind }
) {
	const row = await trx
		.insertInto('organisations')
		.values({ ...values, parent_id: null, retired_at: null, merged_into_id: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Open holdings of an office (no end date) that began before `startOn`. */
export async function listOpenHoldings(trx: Transaction<DB>, officeId: number, startOn: string) {
	return trx
		.selectFrom('office_holdings')
		.select(['id', 'person_id', 'start_on'])
		.where('office_id', '=', officeId)
		.where('end_on', 'is', null)
		.where((eb) => eb.or([eb('start_on', 'is', null), eb('start_on', '<', startOn)]))
		.execute();
}

export async function endHoldings(trx: Transaction<DB>, ids: number[], endOn: string) {
	if (ids.length === 0) return;
	await trx.updateTable('office_holdings').set({ end_on: endOn }).where('id', 'in', ids).execute();
}

export async function insertHolding(
	trx: Transaction<DB>,
	values: { person_id: number; office_id: number; start_on: string }
) {
	const row = await trx
		.insertInto('office_holdings')
		.values({ ...values, end_on: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export type ReferenceKind = 'person' | 'office' | 'organisation';
const TABLE = { person: 'people', office: 'offices', organisation: 'organisations' } as const;

export async function getReferenceRow(db: Handle, kind: ReferenceKind, id: number) {
	const table = TABLE[kind];
	const row = await db
		.selectFrom(table)
		.select(['id', 'slug', 'retired_at'])
		.where('id', '=', id)
		.executeTakeFirst();
	return row ?? null;
}

export async function retireReferenceRow(
	trx: Transaction<DB>,
	kind: ReferenceKind,
	id: number,
	at: string
) {
	await trx.updateTable(TABLE[kind]).set({ retired_at: at }).where('id', '=', id).execute();
}

/**
 * Points every reference to person `fromId` at `intoId`, then marks `fromId` merged and
 * retired. Returns how many rows of each table moved (for the audit log).
 */
export async function mergePersonInto(
	trx: Transaction<DB>,
	fromId: number,
	intoId: number,
	at: string
) {
	const moved = async (q: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) =>
		Number((await q.executeTakeFirst()).numUpdatedRows);
	const counts = {
		commitments: await moved(
			trx.updateTable('commitments').set({ person_id: intoId }).where('person_id', '=', fromId)
		),
		sittingAppearances: await moved(
			trx
				.updateTable('sitting_appearances')
				.set({ person_id: intoId })
				.where('person_id', '=', fromId)
		),
		officeHoldings: await moved(
			trx.updateTable('office_holdings').set({ person_id: intoId }).where('person_id', '=', fromId)
		),
		committeeChairs: await moved(
			trx
				.updateTable('committees')
				.set({ chair_person_id: intoId })
				.where('chair_person_id', '=', fromId)
		)
	};
	await trx
		.updateTable('people')
		.set({ merged_into_id: intoId, retired_at: at })
		.where('id', '=', fromId)
		.execute();
	return counts;
}

/** The same for organisations: offices, commitments and child organisations move. */
export async function mergeOrganisationInto(
	trx: Transaction<DB>,
	fromId: number,
	intoId: number,
	at: string
) {
	const moved = async (q: { executeTakeFirst(): Promise<{ numUpdatedRows: bigint }> }) =>
		Number((await q.executeTakeFirst()).numUpdatedRows);
	const counts = {
		offices: await moved(
			trx
				.updateTable('offices')
				.set({ organisation_id: intoId })
				.where('organisation_id', '=', fromId)
		),
		commitments: await moved(
			trx
				.updateTable('commitments')
				.set({ organisation_id: intoId })
				.where('organisation_id', '=', fromId)
		),
		children: await moved(
			trx
				.updateTable('organisations')
				.set({ parent_id: intoId })
				.where('parent_id', '=', fromId)
				.where('id', '<>', intoId)
		)
	};
	await trx
		.updateTable('organisations')
		.set({ merged_into_id: intoId, retired_at: at })
		.where('id', '=', fromId)
		.execute();
	return counts;
}
