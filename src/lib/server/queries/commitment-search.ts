// The commitment explorer and the open data API: filtering, sorting and paging in SQL, always on
// published commitments only. A search costs three queries whatever the page size: the page (with
// the latest granted extension behind overdue), the count, and the milestones behind progress.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import { daysOverdue, deliveryProgress, fiscalYearRange, type MilestoneStatus } from '$lib/domain';
import {
	EMPTY_COMMITMENT_QUERY,
	searchWords,
	type CommitmentQuery
} from '$lib/domain/commitment-query';
import type { DB } from '../db/schema';
import { toRow, type CommitmentRow } from './public-commitments';
import { effectiveDeadline, latestGrantedUntil, overdueCondition, type EB } from './deadline-sql';
import { containsIgnoringCase } from './text-match';

export { parseCommitmentQuery, type CommitmentQuery } from '$lib/domain/commitment-query';

export interface CommitmentSearchRow extends CommitmentRow {
	organisationSlug: string;
	quote: string;
	quoteSource: { title: string; url: string | null };
	updatedAt: string;
	/** 0..1 from milestone weights; null when there are no milestones (unknown, not 0). */
	progress: number | null;
	milestoneCount: number;
	daysOverdue: number | null;
	overdue: boolean;
}

/** The query plus an exact reference, used to look one commitment up with the same rules. */
type SearchFilter = CommitmentQuery & { ref?: string };

export function joined(db: Kysely<DB>) {
	return db
		.selectFrom('commitments as c')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.innerJoin('organisations as o', 'o.id', 'c.organisation_id')
		.innerJoin('offices as f', 'f.id', 'c.office_id');
}

/** Published commitments alone: filters and counts never need the joined names. */
function commitmentsOnly(db: Kysely<DB>) {
	return db.selectFrom('commitments as c');
}

type Only = ReturnType<typeof commitmentsOnly>;

/** One column of the newest update of the commitment `c` (a later id wins on the same day). */
export function latestUpdateColumn(eb: EB, column: 'u.update_on' | 'u.note') {
	return eb
		.selectFrom('updates as u')
		.select(column)
		.whereRef('u.commitment_id', '=', 'c.id')
		.orderBy('u.update_on', 'desc')
		.orderBy('u.id', 'desc')
		.limit(1);
}

function conditions(eb: EB, f: SearchFilter, today: string): Expression<SqlBool>[] {
	// Lists show published records only. By reference, a withdrawn record is found too: it keeps
	// its public page, API record and feed (with why it was withdrawn), as it was once public.
	const list: Expression<SqlBool>[] =
		f.ref === undefined
			? [eb('c.visibility', '=', 'published')]
			: [eb('c.visibility', 'in', ['published', 'withdrawn']), eb('c.ref', '=', f.ref)];
	if (f.q) {
		for (const term of searchWords(f.q)) {
			list.push(
				eb.or([
					containsIgnoringCase(eb.ref('c.title'), term),
					containsIgnoringCase(eb.ref('c.summary'), term),
					containsIgnoringCase(eb.ref('c.quote'), term)
				])
			);
		}
	}
	// `k` and `o` are joined by `filtered` only when these filters are set (see there).
	if (f.committee.length > 0) list.push(eb(sql.ref<string>('k.slug'), 'in', f.committee));
	if (f.organisation.length > 0) list.push(eb(sql.ref<string>('o.slug'), 'in', f.organisation));
	if (f.deliveryStatus.length > 0) list.push(eb('c.delivery_status', 'in', f.deliveryStatus));
	if (f.proceduralStatus.length > 0) {
		list.push(eb('c.procedural_status', 'in', f.proceduralStatus));
	}
	if (f.fundingStatus.length > 0) list.push(eb('c.funding_status', 'in', f.fundingStatus));
	if (f.tag.length > 0) {
		list.push(
			eb.exists(
				eb
					.selectFrom('commitment_tags as ct')
					.innerJoin('tags as t', 't.id', 'ct.tag_id')
					.select('ct.tag_id')
					.whereRef('ct.commitment_id', '=', 'c.id')
					.where('t.slug', 'in', f.tag)
			)
		);
	}
	if (f.overdue !== null) {
		const overdue = overdueCondition(eb, today);
		list.push(f.overdue ? overdue : eb.not(overdue));
	}
	if (f.fiscalYear) {
		const { start, end } = fiscalYearRange(f.fiscalYear);
		list.push(eb('c.given_on', '>=', start), eb('c.given_on', '<=', end));
	}
	if (f.givenFrom) list.push(eb('c.given_on', '>=', f.givenFrom));
	if (f.givenTo) list.push(eb('c.given_on', '<=', f.givenTo));
	return list;
}

/** The matching commitments, without the joined names (for counts and ids). */
function filtered(db: Kysely<DB>, f: SearchFilter, today: string) {
	// Joined only for a committee or organisation filter: the planner then starts from the
	// chosen committee's index entries. Inner joins on non-null foreign keys never change a count.
	return commitmentsOnly(db)
		.$if(f.committee.length > 0, (q) => q.innerJoin('committees as k', 'k.id', 'c.committee_id'))
		.$if(f.organisation.length > 0, (q) =>
			q.innerJoin('organisations as o', 'o.id', 'c.organisation_id')
		)
		.where((eb) => eb.and(conditions(eb, f, today)));
}

type Filtered = ReturnType<typeof joined>;

/**
 * The query's order, on `c` only, for the page of ids and again for the joined page (its rows
 * come back from `IN (ids)` in no particular order). Every order ends with the unique ref.
 */
function sorted<Q extends Filtered | Only>(query: Q, f: SearchFilter, today: string): Q {
	return orderedOnCommitments(query as unknown as Only, f, today) as unknown as Q;
}

function orderedOnCommitments(q: Only, f: SearchFilter, today: string): Only {
	switch (f.sort) {
		case 'given':
			return q.orderBy('c.given_on', 'asc').orderBy('c.ref');
		case 'due':
			return q.orderBy('c.due_on', (ob) => ob.asc().nullsLast()).orderBy('c.ref');
		case '-due':
			return q.orderBy('c.due_on', (ob) => ob.desc().nullsLast()).orderBy('c.ref');
		case 'title':
			return q.orderBy('c.title', 'asc').orderBy('c.ref');
		case '-title':
			return q.orderBy('c.title', 'desc').orderBy('c.ref');
		case 'overdue':
			return q
				.orderBy((eb) => eb.case().when(overdueCondition(eb, today)).then(0).else(1).end())
				.orderBy(
					(eb) => effectiveDeadline(eb),
					(ob) => ob.asc().nullsLast()
				)
				.orderBy('c.ref');
		case '-updated':
			return q.orderBy('c.updated_at', 'desc').orderBy('c.ref');
		case '-given':
		default:
			return q.orderBy('c.given_on', 'desc').orderBy('c.ref');
	}
}

/**
 * One page of published commitments matching the query (or every match with `all`, for
 * downloads), with progress and overdue derived by the domain rules, and the total count.
 */
export async function searchCommitments(
	db: Kysely<DB>,
	query: CommitmentQuery,
	today: string,
	opts: { all?: boolean } = {}
): Promise<{ rows: CommitmentSearchRow[]; total: number }> {
	return runSearch(db, query, today, opts.all ?? false);
}

/**
 * One public commitment by reference (published, or withdrawn after publication), shaped
 * exactly like a search result. Never a draft.
 */
export async function findPublicCommitment(
	db: Kysely<DB>,
	ref: string,
	today: string
): Promise<CommitmentSearchRow | null> {
	const { rows } = await runSearch(
		db,
		{ ...EMPTY_COMMITMENT_QUERY, pageSize: 1, ref },
		today,
		false
	);
	return rows[0] ?? null;
}

async function runSearch(
	db: Kysely<DB>,
	f: SearchFilter,
	today: string,
	all: boolean
): Promise<{ rows: CommitmentSearchRow[]; total: number }> {
	// The page is chosen on commitments alone (an index, no joins, the overdue test and the
	// extension deadline only where the filter or order needs them), then joined for its names.
	let ids = sorted(filtered(db, f, today), f, today).select('c.id');
	if (!all) ids = ids.limit(f.pageSize).offset((f.page - 1) * f.pageSize);
	const page = sorted(
		all ? joined(db).where((eb) => eb.and(conditions(eb, f, today))) : joined(db),
		f,
		today
	)
		.$if(!all, (q) => q.where('c.id', 'in', ids))
		.select((eb) => [
			'c.id',
			'c.ref',
			'c.title',
			'c.summary',
			'c.type',
			'c.given_on',
			'c.due_on',
			'c.delivery_status',
			'c.procedural_status',
			'c.funding_status',
			'c.quote',
			'c.quote_source_title',
			'c.quote_source_url',
			'c.updated_at',
			'k.slug as committee_slug',
			'k.name as committee_name',
			'k.abbreviation as committee_abbreviation',
			'o.slug as organisation_slug',
			'o.name as organisation_name',
			'f.title as office_title',
			// Only the latest granted extension can move the deadline, so one value per row.
			latestGrantedUntil(eb).as('granted_until')
		]);
	const [rows, count] = await Promise.all([
		page.execute(),
		filtered(db, f, today)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	if (rows.length === 0) return { rows: [], total: Number(count.n) };

	// A page names its ids (at most 200); a download names them by the same filter instead, so
	// no statement ever carries thousands of parameters.
	const idsOf = all ? filtered(db, f, today).select('c.id') : rows.map((r) => r.id);
	const milestones = await db
		.selectFrom('milestones')
		.select(['commitment_id', 'weight', 'status'])
		.where('commitment_id', 'in', idsOf)
		.execute();
	const milestonesOf = groupBy(milestones, (m) => m.commitment_id);

	return {
		total: Number(count.n),
		rows: rows.map((r) => {
			const own: { weight: number; status: MilestoneStatus }[] = milestonesOf.get(r.id) ?? [];
			const until = r.granted_until as string | null;
			const late = daysOverdue(
				{
					dueOn: r.due_on,
					deliveryStatus: r.delivery_status,
					grantedExtensionsUntil: until ? [until] : []
				},
				today
			);
			return {
				...toRow(r),
				organisationSlug: r.organisation_slug,
				quote: r.quote,
				quoteSource: { title: r.quote_source_title, url: r.quote_source_url },
				updatedAt: r.updated_at,
				progress: deliveryProgress(own),
				milestoneCount: own.length,
				daysOverdue: late,
				overdue: late !== null
			};
		})
	};
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
	const map = new Map<number, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = map.get(k);
		if (list) list.push(item);
		else map.set(k, [item]);
	}
	return map;
}
