// The reference lists behind sittings and commitments: clerks add people, offices and
// organisations and record who holds which office from when; admins also retire and merge.
// Each write and its audit row share one transaction.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import { InputError } from '../errors';
import type { DB, OrganisationKind } from '../db/schema';
import {
	allCurrent,
	endHoldings,
	freeSlug,
	getReferenceRow,
	insertHolding,
	insertOffice,
	insertOrganisation,
	insertPerson,
	listOpenHoldings,
	mergeOrganisationInto,
	mergePersonInto,
	retireReferenceRow,
	type ReferenceKind
} from '../queries/reference';
import { slugify } from './slug';
import { m } from '../../paraglide/messages';

export async function addPerson(db: Kysely<DB>, actor: Actor, name: string): Promise<number> {
	return db.transaction().execute((trx) => createPersonIn(trx, actor, name));
}

/** Adds a person within a transaction another use case opened (recording from a transcript). */
export async function createPersonIn(trx: Transaction<DB>, actor: Actor, name: string) {
	const slug = await freeSlug(trx, 'people', slugify(name));
	const id = await insertPerson(trx, slug, name);
	await recordAudit(trx, actor, { action: 'person.created', entityId: id, after: { slug, name } });
	return id;
}

export async function addOffice(
	db: Kysely<DB>,
	actor: Actor,
	input: { title: string; organisationId: number }
): Promise<number> {
	return db.transaction().execute((trx) => createOfficeIn(trx, actor, input));
}

/** Adds an office within a transaction another use case opened; `field` names the organisation's. */
export async function createOfficeIn(
	trx: Transaction<DB>,
	actor: Actor,
	input: { title: string; organisationId: number },
	field = 'organisation_id'
): Promise<number> {
	if (!(await allCurrent(trx, 'organisations', [input.organisationId]))) {
		throw InputError.of(field, m.svc_select_organisation());
	}
	const slug = await freeSlug(trx, 'offices', slugify(input.title));
	const id = await insertOffice(trx, {
		slug,
		title: input.title,
		organisation_id: input.organisationId
	});
	await recordAudit(trx, actor, {
		action: 'office.created',
		entityId: id,
		after: { slug, ...input }
	});
	return id;
}

export async function addOrganisation(
	db: Kysely<DB>,
	actor: Actor,
	input: { name: string; shortName: string | null; kind: OrganisationKind }
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const slug = await freeSlug(trx, 'organisations', slugify(input.name));
		const id = await insertOrganisation(trx, {
			slug,
			name: input.name,
			short_name: input.shortName,
			kind: input.kind
		});
		await recordAudit(trx, actor, {
			action: 'organisation.created',
			entityId: id,
			after: { slug, ...input }
		});
		return id;
	});
}

/**
 * Records that a person holds an office from a date. Whoever held the office before (with no
 * end date) is ended on that date, so the office's history reads as a succession.
 */
export async function recordOfficeHolding(
	db: Kysely<DB>,
	actor: Actor,
	input: { personId: number; officeId: number; startOn: string }
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		if (!(await allCurrent(trx, 'people', [input.personId]))) {
			throw InputError.of('holding_person_id', m.svc_select_person());
		}
		if (!(await allCurrent(trx, 'offices', [input.officeId]))) {
			throw InputError.of('holding_office_id', m.svc_select_office());
		}
		return createHoldingIn(trx, actor, input);
	});
}

/**
 * Records an office holding within an open transaction, person and office already checked;
 * whoever held the office before with no end date is ended on `startOn`.
 */
export async function createHoldingIn(
	trx: Transaction<DB>,
	actor: Actor,
	input: { personId: number; officeId: number; startOn: string }
): Promise<number> {
	const previous = (await listOpenHoldings(trx, input.officeId, input.startOn)).filter(
		(h) => h.person_id !== input.personId
	);
	await endHoldings(
		trx,
		previous.map((h) => h.id),
		input.startOn
	);
	const id = await insertHolding(trx, {
		person_id: input.personId,
		office_id: input.officeId,
		start_on: input.startOn
	});
	await recordAudit(trx, actor, {
		action: 'office_holding.created',
		entityId: id,
		after: { ...input, endedHoldings: previous.map((h) => h.id) }
	});
	return id;
}

/** Retired rows stay on old records but leave every picker. */
export async function retireReference(
	db: Kysely<DB>,
	actor: Actor,
	kind: ReferenceKind,
	id: number
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const row = await getReferenceRow(trx, kind, id);
		if (!row) throw InputError.of('retire_id', m.svc_rf_select_row());
		if (row.retired_at) throw InputError.of('retire_id', m.svc_rf_already_retired());
		const at = new Date().toISOString();
		await retireReferenceRow(trx, kind, id, at);
		await recordAudit(trx, actor, {
			action: `${kind}.retired`,
			entityId: id,
			before: { retired_at: null },
			after: { retired_at: at }
		});
	});
}

/**
 * Merges a duplicate into the row to keep, in one transaction: every reference moves, and the
 * duplicate is kept (retired, pointing at the row it became) so old links can be followed.
 */
export async function mergeReference(
	db: Kysely<DB>,
	actor: Actor,
	kind: 'person' | 'organisation',
	fromId: number,
	intoId: number
): Promise<void> {
	if (fromId === intoId) {
		throw InputError.of('merge_into_id', m.svc_rf_different_row());
	}
	await db.transaction().execute(async (trx) => {
		const from = await getReferenceRow(trx, kind, fromId);
		if (!from || from.retired_at) {
			throw InputError.of('merge_from_id', m.svc_rf_current_row());
		}
		const into = await getReferenceRow(trx, kind, intoId);
		if (!into || into.retired_at) {
			throw InputError.of('merge_into_id', m.svc_rf_current_row_into());
		}
		const at = new Date().toISOString();
		const moved =
			kind === 'person'
				? await mergePersonInto(trx, fromId, intoId, at)
				: await mergeOrganisationInto(trx, fromId, intoId, at);
		await recordAudit(trx, actor, {
			action: `${kind}.merged`,
			entityId: fromId,
			before: { slug: from.slug, merged_into_id: null, retired_at: null },
			after: { merged_into_id: intoId, into: into.slug, retired_at: at, moved }
		});
	});
}
