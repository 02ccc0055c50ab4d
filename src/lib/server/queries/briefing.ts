// The facts behind an MP's briefing pack: one query per section, published commitments of one
// committee only, whatever the number of rows. The domain (briefing.ts) decides what they mean.
import { sql, type Kysely } from 'kysely';
import { DELIVERY_STATUSES, isDeliveryClosed } from '$lib/domain';
import type { DB } from '../db/schema';
import { joined, latestUpdateColumn } from './commitment-search';
import { FUNDING_ROW_COLUMNS, streamFundingLinks } from './public-commitments';
import { effectiveDeadline, latestGrantedUntil, overdueCondition } from './deadline-sql';

/** Rows fetched at a time from PostgreSQL's cursor (SQLite steps one row at a time). */
const FUNDING_STREAM_CHUNK = 500;

const CLOSED_DELIVERY = DELIVERY_STATUSES.filter(isDeliveryClosed);

/** The most updates (and due-date changes) a pack lists; an older "since" should be narrowed. */
export const MAX_BRIEFING_UPDATES = 100;

/**
 * The most items a section of the pack lists (overdue, due soon, milestones, money, no budget
 * line); the rest are counted exactly and left to the explorer, so the pack stays a few hundred
 * kilobytes for a committee of any size.
 */
export const BRIEFING_SECTION_LIMIT = 50;

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

/**
 * How many published commitments the committee tracks, and the open ones with no budget line
 * identified: the first `limit` by reference and how many there are in all. One statement
 * whatever the size of the committee (one row even when no commitment lacks a line).
 */
export async function summariseCommitteeCommitments(
	db: Kysely<DB>,
	committeeId: number,
	limit: number
) {
	const tracked = db
		.selectFrom('commitments as c')
		.select((eb) => eb.fn.countAll<number>().as('tracked'))
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.as('t');
	const noLine = db
		.selectFrom('commitments as c')
		.select((eb) => ['c.ref', 'c.title', eb.fn.countAll<number>().over().as('in_all')])
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.where('c.funding_status', '=', 'no_line_identified')
		.where('c.delivery_status', 'not in', CLOSED_DELIVERY)
		.orderBy('c.ref')
		.limit(limit)
		.as('n');
	const rows = await db
		.selectFrom(tracked)
		.leftJoin(noLine, (join) => join.onTrue())
		.select(['t.tracked', 'n.ref', 'n.title', 'n.in_all'])
		.orderBy('n.ref')
		.execute();
	const noBudgetLine = rows.flatMap((r) =>
		r.ref !== null && r.title !== null ? [{ ref: r.ref, title: r.title }] : []
	);
	return {
		tracked: Number(rows[0]?.tracked ?? 0),
		noBudgetLine,
		noBudgetLineTotal: Number(rows[0]?.in_all ?? 0)
	};
}

/** The sections of the pack's deadlines, as `classifyDeadlines` (domain) sorts them. */
export type DeadlineSection = 'newly_overdue' | 'still_overdue' | 'due_soon';

/**
 * Open published commitments of the committee that are overdue today or whose due date (or
 * granted extension) falls from today to `dueBy`, with their extensions and latest update: in
 * each section (newly overdue: deadline on or after `since`; still overdue; due soon) the first
 * `limit` by deadline and reference, and how many the section has in all. The domain classifies
 * the rows again (a test checks that both agree); only the shown rows pay for the latest update.
 */
export async function listDeadlineCommitments(
	db: Kysely<DB>,
	committeeId: number,
	today: string,
	dueBy: string,
	since: string,
	limit: number
) {
	const sectioned = db
		.selectFrom('commitments as c')
		.select((eb) => {
			const deadline = effectiveDeadline(eb);
			return [
				'c.id',
				'c.ref',
				deadline.as('deadline'),
				eb
					.case()
					.when(overdueCondition(eb, today))
					.then(
						eb
							.case()
							.when(deadline, '>=', since)
							.then(sql<DeadlineSection>`'newly_overdue'`)
							.else(sql<DeadlineSection>`'still_overdue'`)
							.end()
					)
					.when(eb.and([eb(deadline, '>=', today), eb(deadline, '<=', dueBy)]))
					.then(sql<DeadlineSection>`'due_soon'`)
					.else(null)
					.end()
					.as('section')
			];
		})
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.where('c.due_on', 'is not', null)
		.where('c.delivery_status', 'not in', CLOSED_DELIVERY)
		.as('d');
	const ranked = db
		.selectFrom(sectioned)
		.select((eb) => [
			'd.id',
			'd.section',
			eb.fn
				.agg<number>('row_number')
				.over((ob) => ob.partitionBy('d.section').orderBy('d.deadline').orderBy('d.ref'))
				.as('position'),
			eb.fn
				.countAll<number>()
				.over((ob) => ob.partitionBy('d.section'))
				.as('in_section')
		])
		.where('d.section', 'is not', null)
		.as('p');
	const rows = await joined(db)
		.innerJoin(ranked, 'p.id', 'c.id')
		.select((eb) => [
			'c.id',
			'c.ref',
			'c.title',
			'c.due_on',
			'c.due_basis',
			'c.delivery_status',
			'c.procedural_status',
			'o.name as organisation',
			'p.section',
			'p.in_section',
			// Only the latest granted extension can move the deadline, so one value per row.
			latestGrantedUntil(eb).as('granted_until'),
			latestUpdateColumn(eb, 'u.update_on').as('latest_update_on'),
			latestUpdateColumn(eb, 'u.note').as('latest_update_note'),
			// Postponements on record (repeated slippage is a question of its own weight).
			eb
				.selectFrom('due_date_changes as dc')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('dc.commitment_id', '=', 'c.id')
				.whereRef('dc.to_on', '>', 'dc.from_on')
				.as('postponements')
		])
		.where('p.position', '<=', limit)
		.orderBy('c.due_on')
		.orderBy('c.ref')
		.execute();
	const totals: Record<DeadlineSection, number> = {
		newly_overdue: 0,
		still_overdue: 0,
		due_soon: 0
	};
	for (const r of rows) if (r.section) totals[r.section] = Number(r.in_section);
	return {
		totals,
		rows: rows.map((r) => ({
			id: r.id,
			ref: r.ref,
			title: r.title,
			dueOn: r.due_on as string,
			dueBasis: r.due_basis,
			deliveryStatus: r.delivery_status,
			proceduralStatus: r.procedural_status,
			organisation: r.organisation,
			grantedExtensionsUntil: r.granted_until ? [r.granted_until as string] : [],
			postponements: Number(r.postponements ?? 0),
			latestUpdate:
				r.latest_update_on && r.latest_update_note !== null
					? { on: r.latest_update_on, note: r.latest_update_note }
					: null
		}))
	};
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
	return (
		db
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
			// As for updates: one more than shown, to tell the reader that the list was cut.
			.limit(MAX_BRIEFING_UPDATES + 1)
			.execute()
	);
}

/**
 * Funding links of the committee's published commitments (with the commitment's ref and title),
 * each with the latest figure of every phase of its line: the only figures the pack's money
 * flags and their sources use (summariseLine keeps the latest of each phase, and a line has one
 * figure per phase and date). One query, filtered by committee rather than by a list of ids,
 * read as a stream: a large committee has thousands of links (35,000 rows at 100,000
 * commitments), and the pack keeps only the first few dozen that raise a flag. Do not query
 * the same database while iterating: on SQLite the stream holds the only connection.
 */
export function streamCommitteeFunding(db: Kysely<DB>, committeeId: number) {
	const rows = db
		.selectFrom('funding_links as l')
		.innerJoin('commitments as c', 'c.id', 'l.commitment_id')
		.innerJoin('budget_lines as b', 'b.id', 'l.budget_line_id')
		.leftJoin('budget_figures as f', (join) =>
			join.onRef('f.budget_line_id', '=', 'b.id').on((eb) =>
				eb(
					'f.as_of',
					'=',
					eb
						.selectFrom('budget_figures as g')
						.select((e) => e.fn.max('g.as_of').as('latest'))
						.whereRef('g.budget_line_id', '=', 'f.budget_line_id')
						.whereRef('g.phase', '=', 'f.phase')
				)
			)
		)
		.select([...FUNDING_ROW_COLUMNS, 'c.ref', 'c.title'])
		.where('c.committee_id', '=', committeeId)
		.where('c.visibility', '=', 'published')
		.orderBy('b.fiscal_year')
		.orderBy('l.id')
		.orderBy('f.as_of')
		.orderBy('f.id')
		.stream(FUNDING_STREAM_CHUNK);
	return streamFundingLinks(rows, (r) => ({ ref: r.ref, title: r.title }));
}
