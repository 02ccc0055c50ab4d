// The facts behind an MP's briefing pack: one query per section, published commitments of one
// committee only, whatever the number of rows. The domain (briefing.ts) decides what they mean.
import type { Kysely } from 'kysely';
import { DELIVERY_STATUSES, isDeliveryClosed } from '$lib/domain';
import type { DB } from '../db/schema';
import { joined, overdueCondition } from './commitment-search';

const CLOSED_DELIVERY = DELIVERY_STATUSES.filter(isDeliveryClosed);

/** The most updates a pack lists; an older "since" date should be narrowed. */
export const MAX_BRIEFING_UPDATES = 100;

/** Committees with the date of their latest published sitting on or before today. */
export async function listBriefingCommittees(db: Kysely<DB>, today: string) {
	const rows = await db
		.selectFrom('committees as k')
		.leftJoin('sittings as s', (join) =>
			join
				.onRef('s.committee_id', '=', 'k.id')
				.on('s.visibility', '=', 'published')
				.on('s.sat_on', '<=', today)
		)
		.select((eb) => [
			'k.id',
			'k.slug',
			'k.name',
			'k.abbreviation',
			'k.house',
			eb.fn.max('s.sat_on').as('last_sat_on')
		])
		.groupBy(['k.id', 'k.slug', 'k.name', 'k.abbreviation', 'k.house'])
		.orderBy('k.house')
		.orderBy('k.name')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		abbreviation: r.abbreviation,
		lastSatOn: (r.last_sat_on as string | null) ?? null
	}));
}

export type BriefingCommittee = Awaited<ReturnType<typeof listBriefingCommittees>>[number];

/** Every published commitment of the committee, briefly (for money and missing budget lines). */
export async function listCommitteeCommitments(db: Kysely<DB>, committeeId: number) {
	return db
		.selectFrom('commitments')
		.select(['id', 'ref', 'title', 'delivery_status', 'funding_status'])
		.where('committee_id', '=', committeeId)
		.where('visibility', '=', 'published')
		.orderBy('ref')
		.execute();
}

/**
 * Open published commitments of the committee that are overdue today or whose due date (or
 * granted extension) falls from today to `dueBy`, with their extensions and latest update.
 */
export async function listDeadlineCommitments(
	db: Kysely<DB>,
	committeeId: number,
	today: string,
	dueBy: string
) {
	const rows = await joined(db)
		.select((eb) => [
			'c.id',
			'c.ref',
			'c.title',
			'c.due_on',
			'c.due_basis',
			'c.delivery_status',
			'c.procedural_status',
			'o.name as organisation',
			// Only the latest granted extension can move the deadline, so one value per row.
			eb
				.selectFrom('commitment_requests as r')
				.select((e) => e.fn.max('r.granted_until').as('until'))
				.whereRef('r.commitment_id', '=', 'c.id')
				.where('r.kind', '=', 'extension')
				.where('r.decision', '=', 'granted')
				.as('granted_until'),
			eb
				.selectFrom('updates as u')
				.select('u.update_on')
				.whereRef('u.commitment_id', '=', 'c.id')
				.orderBy('u.update_on', 'desc')
				.orderBy('u.id', 'desc')
				.limit(1)
				.as('latest_update_on'),
			eb
				.selectFrom('updates as u')
				.select('u.note')
				.whereRef('u.commitment_id', '=', 'c.id')
				.orderBy('u.update_on', 'desc')
				.orderBy('u.id', 'desc')
				.limit(1)
				.as('latest_update_note')
		])
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.where('c.due_on', 'is not', null)
		.where('c.delivery_status', 'not in', CLOSED_DELIVERY)
		.where((eb) =>
			eb.or([
				overdueCondition(eb, today),
				eb.and([eb('c.due_on', '>=', today), eb('c.due_on', '<=', dueBy)]),
				eb.exists(
					eb
						.selectFrom('commitment_requests as r')
						.select('r.id')
						.whereRef('r.commitment_id', '=', 'c.id')
						.where('r.kind', '=', 'extension')
						.where('r.decision', '=', 'granted')
						.where('r.granted_until', '>=', today)
						.where('r.granted_until', '<=', dueBy)
				)
			])
		)
		.orderBy('c.due_on')
		.orderBy('c.ref')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		ref: r.ref,
		title: r.title,
		dueOn: r.due_on as string,
		dueBasis: r.due_basis,
		deliveryStatus: r.delivery_status,
		proceduralStatus: r.procedural_status,
		organisation: r.organisation,
		grantedExtensionsUntil: r.granted_until ? [r.granted_until as string] : [],
		latestUpdate:
			r.latest_update_on && r.latest_update_note !== null
				? { on: r.latest_update_on, note: r.latest_update_note }
				: null
	}));
}

/**
 * Milestones of the committee's published commitments worth a line in the pack: done or edited
 * after `since`, planned in the window (late if not met), or planned up to `dueBy`.
 */
export async function listBriefingMilestones(
	db: Kysely<DB>,
	committeeId: number,
	since: string,
	changedAfter: string,
	dueBy: string
) {
	const rows = await db
		.selectFrom('milestones as m')
		.innerJoin('commitments as c', 'c.id', 'm.commitment_id')
		.leftJoin('evidence as e', 'e.id', 'm.evidence_id')
		.select([
			'm.id',
			'm.title',
			'm.planned_on',
			'm.actual_on',
			'm.status',
			'm.updated_at',
			'c.ref',
			'c.title as commitment_title',
			'e.type as evidence_type',
			'e.title as evidence_title',
			'e.url as evidence_url',
			'e.published_on as evidence_on',
			'e.illustrative as evidence_illustrative'
		])
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.where((eb) =>
			eb.or([
				eb('m.actual_on', '>', since),
				eb('m.updated_at', '>=', changedAfter),
				eb.and([eb('m.planned_on', '>', since), eb('m.planned_on', '<=', dueBy)])
			])
		)
		.orderBy('m.planned_on')
		.orderBy('m.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		ref: r.ref,
		commitmentTitle: r.commitment_title,
		title: r.title,
		plannedOn: r.planned_on,
		actualOn: r.actual_on,
		status: r.status,
		updatedAt: r.updated_at,
		evidence:
			r.evidence_title && r.evidence_type
				? {
						type: r.evidence_type,
						title: r.evidence_title,
						url: r.evidence_url,
						on: r.evidence_on,
						illustrative: r.evidence_illustrative === 1
					}
				: null
	}));
}

/** Updates to the committee's published commitments dated after `since`, newest first. */
export async function listUpdatesSince(db: Kysely<DB>, committeeId: number, since: string) {
	const rows = await db
		.selectFrom('updates as u')
		.innerJoin('commitments as c', 'c.id', 'u.commitment_id')
		.select([
			'u.id',
			'u.update_on',
			'u.delivery_from',
			'u.delivery_to',
			'u.procedural_from',
			'u.procedural_to',
			'u.due_from',
			'u.due_to',
			'u.reason',
			'u.note',
			'c.ref',
			'c.title'
		])
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.where('u.update_on', '>', since)
		.orderBy('u.update_on', 'desc')
		.orderBy('u.id', 'desc')
		// One more than shown, to tell the reader that the list was cut.
		.limit(MAX_BRIEFING_UPDATES + 1)
		.execute();
	return rows;
}

/** The evidence cited by the given updates, in one query. */
export async function listEvidenceOfUpdates(db: Kysely<DB>, updateIds: number[]) {
	if (updateIds.length === 0) return [];
	return db
		.selectFrom('update_evidence as ue')
		.innerJoin('evidence as e', 'e.id', 'ue.evidence_id')
		.select([
			'ue.update_id',
			'e.id',
			'e.type',
			'e.title',
			'e.url',
			'e.published_on',
			'e.illustrative'
		])
		.where('ue.update_id', 'in', updateIds)
		.orderBy('e.published_on', 'desc')
		.orderBy('e.id')
		.execute();
}

/** Due-date changes of the committee's published commitments made after `since`. */
export async function listDueDateChangesSince(db: Kysely<DB>, committeeId: number, since: string) {
	return db
		.selectFrom('due_date_changes as d')
		.innerJoin('commitments as c', 'c.id', 'd.commitment_id')
		.select([
			'd.id',
			'd.changed_on',
			'd.from_on',
			'd.to_on',
			'd.reason',
			'd.update_id',
			'c.ref',
			'c.title'
		])
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.where('d.changed_on', '>', since)
		.orderBy('d.changed_on', 'desc')
		.orderBy('d.id', 'desc')
		.execute();
}
