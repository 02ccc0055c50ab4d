// Committees are maintained by admins; every change is audited. Membership (which clerks and
// MPs belong to a committee) is set on each user's page.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import { InputError, NotFoundError } from '../errors';
import type { DB, House } from '../db/schema';
import {
	committeeSlugTaken,
	findCommitteeNamed,
	getCommittee,
	insertCommittee,
	updateCommittee
} from '../queries/committees';
import { allCurrent } from '../queries/reference';
import { slugify } from './slug';
import { m } from '../../paraglide/messages';

export interface CommitteeInput {
	name: string;
	abbreviation: string;
	house: House;
	chair_person_id?: number | undefined;
}

async function checkUnique(trx: Transaction<DB>, input: CommitteeInput, exceptId?: number) {
	const clash = await findCommitteeNamed(trx, input, exceptId);
	if (!clash) return;
	if (clash.abbreviation === input.abbreviation) {
		throw InputError.of(
			'abbreviation',
			m.svc_ck_abbreviation_taken({ abbreviation: input.abbreviation, name: clash.name })
		);
	}
	throw InputError.of('name', m.svc_ck_name_taken());
}

async function checkChair(trx: Transaction<DB>, personId: number | undefined) {
	if (personId === undefined) return;
	if (!(await allCurrent(trx, 'people', [personId]))) {
		throw InputError.of('chair_person_id', m.svc_ck_select_chair());
	}
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
		if (await committeeSlugTaken(trx, values.slug)) {
			values.slug = `${values.slug}-${input.abbreviation.toLowerCase()}`;
		}
		const id = await insertCommittee(trx, values);
		await recordAudit(trx, actor, {
			action: 'committee.created',
			entityId: id,
			after: values
		});
		return id;
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
		const before = await getCommittee(trx, id);
		if (!before) throw new NotFoundError();
		await checkUnique(trx, input, id);
		await checkChair(trx, input.chair_person_id);
		const after = {
			name: input.name,
			abbreviation: input.abbreviation,
			house: input.house,
			chair_person_id: input.chair_person_id ?? null
		};
		await updateCommittee(trx, id, after);
		await recordAudit(trx, actor, {
			action: 'committee.updated',
			entityId: id,
			before,
			after: { ...before, ...after }
		});
	});
}
