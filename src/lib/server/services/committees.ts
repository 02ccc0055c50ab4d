// Committees are maintained by admins; every change is audited. Membership (which clerks and
// MPs belong to a committee) is set on each user's page.
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import type { DB, House } from '../db/schema';
import { slugify } from './slug';
import { m } from '../../paraglide/messages';

export class CommitteeInputError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}
export class CommitteeNotFoundError extends Error {}

export interface CommitteeInput {
	name: string;
	abbreviation: string;
	house: House;
	chair_person_id?: number | undefined;
}

async function checkUnique(db: Kysely<DB>, input: CommitteeInput, exceptId?: number) {
	const clash = await db
		.selectFrom('committees')
		.select(['id', 'name', 'abbreviation'])
		.where((eb) =>
			eb.or([eb('name', '=', input.name), eb('abbreviation', '=', input.abbreviation)])
		)
		.$if(exceptId !== undefined, (q) => q.where('id', '<>', exceptId!))
		.executeTakeFirst();
	if (!clash) return;
	if (clash.abbreviation === input.abbreviation) {
		throw new CommitteeInputError(
			'abbreviation',
			m.svc_ck_abbreviation_taken({ abbreviation: input.abbreviation, name: clash.name })
		);
	}
	throw new CommitteeInputError('name', m.svc_ck_name_taken());
}

async function checkChair(db: Kysely<DB>, personId: number | undefined) {
	if (personId === undefined) return;
	const person = await db
		.selectFrom('people')
		.select('id')
		.where('id', '=', personId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	if (!person) throw new CommitteeInputError('chair_person_id', m.svc_ck_select_chair());
}

export async function addCommittee(db: Kysely<DB>, actor: Actor, input: CommitteeInput) {
	return db.transaction().execute(async (trx) => {
		await checkUnique(trx, input);
		await checkChair(trx, input.chair_person_id);
		const values = {
			slug: slugify(input.name),
			name: input.name,
			abbreviation: input.abbreviation,
			house: input.house,
			chair_person_id: input.chair_person_id ?? null
		};
		const taken = await trx
			.selectFrom('committees')
			.select('id')
			.where('slug', '=', values.slug)
			.executeTakeFirst();
		if (taken) values.slug = `${values.slug}-${input.abbreviation.toLowerCase()}`;
		const row = await trx
			.insertInto('committees')
			.values(values)
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(trx, actor, {
			action: 'committee.created',
			entityId: row.id,
			after: values
		});
		return row.id;
	});
}

/** Renames or re-chairs a committee; its address (slug) stays, so shared links keep working. */
export async function editCommittee(
	db: Kysely<DB>,
	actor: Actor,
	id: number,
	input: CommitteeInput
) {
	await db.transaction().execute(async (trx) => {
		const before = await trx
			.selectFrom('committees')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirst();
		if (!before) throw new CommitteeNotFoundError();
		await checkUnique(trx, input, id);
		await checkChair(trx, input.chair_person_id);
		const after = {
			name: input.name,
			abbreviation: input.abbreviation,
			house: input.house,
			chair_person_id: input.chair_person_id ?? null
		};
		await trx.updateTable('committees').set(after).where('id', '=', id).execute();
		await recordAudit(trx, actor, {
			action: 'committee.updated',
			entityId: id,
			before,
			after: { ...before, ...after }
		});
	});
}
