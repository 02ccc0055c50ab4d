// Aggregates for the public dashboard: every section is one grouped query, whatever the number
// of commitments, and only published commitments count.
import { sql, type Kysely } from 'kysely';
import type { MoneyChainTotals } from '$lib/domain';
import type { BudgetPhase, DB, DeliveryStatus } from '../db/schema';
import { overdueCondition } from './deadline-sql';

export interface GroupCounts {
	id: number;
	slug: string;
	name: string;
	tracked: number;
	onTrack: number;
	troubled: number;
	completed: number;
	overdue: number;
}

/**
 * Headline counts per committee or per responsible organisation: commitments are counted per
 * group id from one covering index, and only the dozens of groups are joined for their names.
 */
export async function countByGroup(
	db: Kysely<DB>,
	by: 'committee' | 'organisation',
	today: string
): Promise<GroupCounts[]> {
	const key = by === 'committee' ? 'c.committee_id' : 'c.organisation_id';
	const counts = db
		.selectFrom('commitments as c')
		.select((eb) => [
			eb.ref(key).as('group_id'),
			eb.fn.countAll<number>().as('tracked'),
			eb.fn
				.sum<number>(eb.case().when('c.delivery_status', '=', 'on_track').then(1).else(0).end())
				.as('on_track'),
			eb.fn
				.sum<number>(
					eb
						.case()
						.when('c.delivery_status', 'in', ['with_challenges', 'off_track'])
						.then(1)
						.else(0)
						.end()
				)
				.as('troubled'),
			eb.fn
				.sum<number>(
					eb
						.case()
						.when('c.delivery_status', 'in', ['completed', 'completed_modified'])
						.then(1)
						.else(0)
						.end()
				)
				.as('completed'),
			eb.fn
				.sum<number>(eb.case().when(overdueCondition(eb, today)).then(1).else(0).end())
				.as('overdue')
		])
		.where('c.visibility', '=', 'published')
		.groupBy(key)
		.as('n');
	const rows = await (
		by === 'committee'
			? db
					.selectFrom(counts)
					.innerJoin('committees as g', 'g.id', 'n.group_id')
					.select(['g.id', 'g.slug', 'g.name'])
			: db
					.selectFrom(counts)
					.innerJoin('organisations as g', 'g.id', 'n.group_id')
					.select(['g.id', 'g.slug', 'g.name'])
	)
		.select(['n.tracked', 'n.on_track', 'n.troubled', 'n.completed', 'n.overdue'])
		.orderBy('g.name')
		.orderBy('g.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		slug: r.slug,
		name: r.name,
		tracked: Number(r.tracked),
		onTrack: Number(r.on_track),
		troubled: Number(r.troubled),
		completed: Number(r.completed),
		overdue: Number(r.overdue)
	}));
}

export async function countOverdue(db: Kysely<DB>, today: string): Promise<number> {
	// Commitments alone (no joined names): a range of the overdue index.
	const row = await db
		.selectFrom('commitments as c')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('c.visibility', '=', 'published')
		.where((eb) => overdueCondition(eb, today))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function countByDelivery(db: Kysely<DB>) {
	const rows = await db
		.selectFrom('commitments')
		.select(['delivery_status', (eb) => eb.fn.countAll<number>().as('n')])
		.where('visibility', '=', 'published')
		.groupBy('delivery_status')
		.execute();
	return rows.map((r) => ({ status: r.delivery_status as DeliveryStatus, count: Number(r.n) }));
}

export type ProgressBucket = 'unknown' | '0' | '1-49' | '50-99' | '100';

/**
 * How far along published commitments are, bucketed in SQL. Score = 2 × met weight + partly met
 * weight, out of 2 × total weight (partly met counts half, as in the domain's progress rule).
 */
export async function countByProgress(db: Kysely<DB>): Promise<Record<ProgressBucket, number>> {
	// Per commitment with milestones, from the milestones' covering index; weights are positive,
	// so a commitment without milestones is the only "unknown", counted apart.
	const perCommitment = db
		.selectFrom('milestones as m')
		.innerJoin('commitments as c', 'c.id', 'm.commitment_id')
		.select((eb) => [
			'm.commitment_id',
			eb.fn.sum<number>('m.weight').as('total'),
			eb.fn
				.sum<number>(
					eb
						.case()
						.when('m.status', '=', 'met')
						.then(sql<number>`2 * m.weight`)
						.when('m.status', '=', 'partly_met')
						.then(eb.ref('m.weight'))
						.else(0)
						.end()
				)
				.as('score')
		])
		.where('c.visibility', '=', 'published')
		.groupBy('m.commitment_id')
		.as('p');
	const rows = await db
		.selectFrom(perCommitment)
		.select((eb) => [
			eb
				.case()
				.when('p.score', '=', 0)
				.then('0')
				.when(eb('p.score', '>=', sql<number>`2 * p.total`))
				.then('100')
				.when(eb('p.score', '>=', eb.ref('p.total')))
				.then('50-99')
				.else('1-49')
				.end()
				.as('bucket'),
			eb.fn.countAll<number>().as('n')
		])
		.groupBy('bucket')
		.unionAll(
			db
				.selectFrom('commitments as c')
				.select((eb) => [sql<string>`'unknown'`.as('bucket'), eb.fn.countAll<number>().as('n')])
				.where('c.visibility', '=', 'published')
				.where((eb) =>
					eb.not(
						eb.exists(
							eb
								.selectFrom('milestones as m')
								.select('m.commitment_id')
								.whereRef('m.commitment_id', '=', 'c.id')
						)
					)
				)
		)
		.execute();
	const result: Record<ProgressBucket, number> = {
		unknown: 0,
		'0': 0,
		'1-49': 0,
		'50-99': 0,
		'100': 0
	};
	for (const r of rows) result[r.bucket as ProgressBucket] = Number(r.n);
	return result;
}

/** The date of the figure each step of a chain stands on (the latest among its lines). */
export interface ChainDates {
	requested: string | null;
	allocated: string | null;
	released: string | null;
	spent: string | null;
}

export interface GroupMoney extends MoneyChainTotals {
	/** null for the total over every published commitment. */
	groupId: number | null;
	asOfEach: ChainDates;
}

export const NO_DATES: ChainDates = {
	requested: null,
	allocated: null,
	released: null,
	spent: null
};

/** The money chain of a group without any funded line. */
export const NO_MONEY: MoneyChainTotals = {
	requested: 0,
	allocated: 0,
	released: 0,
	spent: 0,
	gap: null,
	asOf: null
};

/**
 * The money chain of the budget lines funding published commitments, in total and per
 * committee and organisation, computed in the database: the dashboard then reads dozens of rows
 * instead of every funding link and budget figure (94,000 figures at 100,000 commitments).
 *
 * The rules are the domain's (summariseLine, attributeShare, sumPercentShares):
 * - each phase of a line counts its latest figure; the current allocation is Supplementary II,
 *   else Supplementary I, else the approved estimate, else the ceiling;
 * - within a group the shares of one line add up: percent shares in basis points, fixed amounts
 *   as amount / current allocation (0 without an allocation), capped at the whole line;
 * - every amount is scaled by basis points / 10,000 rounded half up to whole shillings, per line,
 *   with integer arithmetic (amounts are non-negative by the table's check), then summed.
 * Only the lines of `fiscalYear` count: figures of different years are never added up.
 */
export async function sumLinkedMoney(
	db: Kysely<DB>,
	fiscalYear: string
): Promise<{
	total: GroupMoney;
	byCommittee: Map<number, GroupMoney>;
	byOrganisation: Map<number, GroupMoney>;
}> {
	const phase = (p: BudgetPhase) =>
		sql<number | null>`max(case when phase = ${p} then amount_kes end)`;
	const dateOf = (p: BudgetPhase) => sql<string | null>`max(case when phase = ${p} then as_of end)`;
	const { rows } = await sql<{
		grp: 'all' | 'committee' | 'organisation';
		grp_id: number;
		requested: number | string;
		any_requested: number | string;
		allocated: number | string;
		released: number | string;
		spent: number | string;
		as_of: string | null;
		requested_as_of: string | null;
		allocation_as_of: string | null;
		released_as_of: string | null;
		spent_as_of: string | null;
	}>`
		with pub_links as materialized (
			select c.committee_id, c.organisation_id, l.budget_line_id, l.share_kind,
				l.share_basis_points, l.share_amount_kes
			from funding_links l
			inner join commitments c on c.id = l.commitment_id
			inner join budget_lines b on b.id = l.budget_line_id
			where c.visibility = 'published' and b.fiscal_year = ${fiscalYear}
		),
		latest as (
			select f.budget_line_id, f.phase, f.amount_kes, f.as_of
			from budget_figures f
			inner join (
				select budget_line_id, phase, max(as_of) as as_of
				from budget_figures
				where budget_line_id in (select budget_line_id from pub_links)
				group by budget_line_id, phase
			) g on g.budget_line_id = f.budget_line_id and g.phase = f.phase and g.as_of = f.as_of
		),
		lines as materialized (
			select budget_line_id,
				${phase('requested')} as requested,
				coalesce(${phase('supplementary_2')}, ${phase('supplementary_1')},
					${phase('approved')}, ${phase('ceiling')}) as allocation,
				${phase('released')} as released,
				${phase('spent')} as spent,
				max(as_of) as as_of,
				${dateOf('requested')} as requested_as_of,
				coalesce(${dateOf('supplementary_2')}, ${dateOf('supplementary_1')},
					${dateOf('approved')}, ${dateOf('ceiling')}) as allocation_as_of,
				${dateOf('released')} as released_as_of,
				${dateOf('spent')} as spent_as_of
			from latest
			group by budget_line_id
		),
		shares as (
			select 'all' as grp, 0 as grp_id, budget_line_id,
				sum(case when share_kind = 'percent' then share_basis_points else 0 end) as bp,
				sum(case when share_kind = 'amount' then share_amount_kes else 0 end) as amount
			from pub_links group by budget_line_id
			union all
			select 'committee', committee_id, budget_line_id,
				sum(case when share_kind = 'percent' then share_basis_points else 0 end),
				sum(case when share_kind = 'amount' then share_amount_kes else 0 end)
			from pub_links group by committee_id, budget_line_id
			union all
			select 'organisation', organisation_id, budget_line_id,
				sum(case when share_kind = 'percent' then share_basis_points else 0 end),
				sum(case when share_kind = 'amount' then share_amount_kes else 0 end)
			from pub_links group by organisation_id, budget_line_id
		),
		parts as (
			select s.grp, s.grp_id, ln.requested, ln.allocation, ln.released, ln.spent, ln.as_of,
				ln.requested_as_of, ln.allocation_as_of, ln.released_as_of, ln.spent_as_of,
				cast(s.bp as bigint) + case when ln.allocation > 0
					then (2 * cast(s.amount as bigint) * 10000 + ln.allocation) / (2 * ln.allocation)
					else 0 end as raw_bp
			from shares s
			inner join lines ln on ln.budget_line_id = s.budget_line_id
		),
		capped as (
			select grp, grp_id, requested, allocation, released, spent, as_of,
				requested_as_of, allocation_as_of, released_as_of, spent_as_of,
				case when raw_bp > 10000 then 10000 else raw_bp end as bp
			from parts
			where raw_bp > 0
		)
		select grp, grp_id,
			cast(coalesce(sum((2 * requested * bp + 10000) / 20000), 0) as bigint) as requested,
			count(requested) as any_requested,
			cast(coalesce(sum((2 * allocation * bp + 10000) / 20000), 0) as bigint) as allocated,
			cast(coalesce(sum((2 * released * bp + 10000) / 20000), 0) as bigint) as released,
			cast(coalesce(sum((2 * spent * bp + 10000) / 20000), 0) as bigint) as spent,
			max(as_of) as as_of,
			max(requested_as_of) as requested_as_of,
			max(allocation_as_of) as allocation_as_of,
			max(released_as_of) as released_as_of,
			max(spent_as_of) as spent_as_of
		from capped
		group by grp, grp_id
	`.execute(db);
	const result = {
		total: { ...NO_MONEY, groupId: null, asOfEach: NO_DATES } as GroupMoney,
		byCommittee: new Map<number, GroupMoney>(),
		byOrganisation: new Map<number, GroupMoney>()
	};
	for (const r of rows) {
		const requested = Number(r.requested);
		const allocated = Number(r.allocated);
		const money: GroupMoney = {
			groupId: r.grp === 'all' ? null : Number(r.grp_id),
			requested,
			allocated,
			released: Number(r.released),
			spent: Number(r.spent),
			gap: Number(r.any_requested) > 0 ? requested - allocated : null,
			asOf: r.as_of,
			asOfEach: {
				requested: r.requested_as_of,
				allocated: r.allocation_as_of,
				released: r.released_as_of,
				spent: r.spent_as_of
			}
		};
		if (r.grp === 'all') result.total = money;
		else if (r.grp === 'committee') result.byCommittee.set(Number(r.grp_id), money);
		else result.byOrganisation.set(Number(r.grp_id), money);
	}
	return result;
}

/** The fiscal years of the budget lines funding published commitments, the latest first. */
export async function listLinkedFiscalYears(db: Kysely<DB>): Promise<string[]> {
	const rows = await db
		.selectFrom('funding_links as l')
		.innerJoin('commitments as c', 'c.id', 'l.commitment_id')
		.innerJoin('budget_lines as b', 'b.id', 'l.budget_line_id')
		.where('c.visibility', '=', 'published')
		.select('b.fiscal_year')
		.distinct()
		.orderBy('b.fiscal_year', 'desc')
		.execute();
	return rows.map((r) => r.fiscal_year);
}

/** The newest entries of the public change log. */
export async function listLatestUpdates(db: Kysely<DB>, limit: number) {
	const rows = await db
		.selectFrom('updates as u')
		.innerJoin('commitments as c', 'c.id', 'u.commitment_id')
		.select((eb) => [
			'u.id',
			'u.update_on',
			'u.note',
			'u.delivery_from',
			'u.delivery_to',
			'u.procedural_to',
			'u.due_to',
			'c.ref',
			'c.title',
			eb
				.selectFrom('update_evidence as ue')
				.innerJoin('evidence as e', 'e.id', 'ue.evidence_id')
				.select('e.url')
				.whereRef('ue.update_id', '=', 'u.id')
				.where('e.url', 'is not', null)
				.orderBy('e.id')
				.limit(1)
				.as('evidence_url')
		])
		.where('c.visibility', '=', 'published')
		.orderBy('u.update_on', 'desc')
		.orderBy('u.id', 'desc')
		.limit(limit)
		.execute();
	return rows;
}

/** Choices for the explorer's filters: tags in use and the range of dates given. */
export async function listExplorerChoices(db: Kysely<DB>) {
	const [tags, range] = await Promise.all([
		// A tag is in use once one published commitment has it: the probe stops at the first.
		db
			.selectFrom('tags as t')
			.select(['t.slug', 't.name'])
			.where((eb) =>
				eb.exists(
					eb
						.selectFrom('commitment_tags as ct')
						.innerJoin('commitments as c', 'c.id', 'ct.commitment_id')
						.select('ct.tag_id')
						.whereRef('ct.tag_id', '=', 't.id')
						.where('c.visibility', '=', 'published')
				)
			)
			.orderBy('t.name')
			.orderBy('t.slug')
			.execute(),
		db
			.selectFrom('commitments')
			.select((eb) => [eb.fn.min('given_on').as('first'), eb.fn.max('given_on').as('last')])
			.where('visibility', '=', 'published')
			.executeTakeFirst()
	]);
	return { tags, firstGiven: range?.first ?? null, lastGiven: range?.last ?? null };
}
