// Aggregates for the public dashboard: every section is one grouped query, whatever the number
// of commitments, and only published commitments count.
import { sql, type Kysely } from 'kysely';
import type { BudgetPhase, DB, DeliveryStatus } from '../db/schema';
import { overdueCondition } from './commitment-search';

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

export interface LinkShareRow {
	committeeId: number;
	organisationId: number;
	budgetLineId: number;
	shareKind: 'percent' | 'amount';
	basisPoints: number;
	amountKes: number;
}

/**
 * Funding links of published commitments, summed per committee, organisation, budget line and
 * kind of share: as many rows as there are distinct lines per group, not one per commitment.
 */
export async function listLinkShares(db: Kysely<DB>): Promise<LinkShareRow[]> {
	const rows = await db
		.selectFrom('funding_links as l')
		.innerJoin('commitments as c', 'c.id', 'l.commitment_id')
		.select((eb) => [
			'c.committee_id',
			'c.organisation_id',
			'l.budget_line_id',
			'l.share_kind',
			eb.fn.sum<number>('l.share_basis_points').as('bp'),
			eb.fn.sum<number>('l.share_amount_kes').as('amount')
		])
		.where('c.visibility', '=', 'published')
		.groupBy(['c.committee_id', 'c.organisation_id', 'l.budget_line_id', 'l.share_kind'])
		.execute();
	return rows.map((r) => ({
		committeeId: r.committee_id,
		organisationId: r.organisation_id,
		budgetLineId: r.budget_line_id,
		shareKind: r.share_kind,
		basisPoints: Number(r.bp ?? 0),
		amountKes: Number(r.amount ?? 0)
	}));
}

/** Every figure of the budget lines that fund published commitments, in one query. */
export async function listLinkedLineFigures(db: Kysely<DB>) {
	const linked = db
		.selectFrom('funding_links as l')
		.innerJoin('commitments as c', 'c.id', 'l.commitment_id')
		.select('l.budget_line_id')
		.where('c.visibility', '=', 'published');
	// Only the latest figure of each phase counts (summariseLine), and (line, phase, as_of) is
	// unique: the older figures are left in the database, one index probe each.
	const rows = await db
		.selectFrom('budget_figures as f')
		.select(['f.budget_line_id', 'f.phase', 'f.amount_kes', 'f.as_of'])
		.where('f.budget_line_id', 'in', linked)
		.where('f.as_of', '=', (eb) =>
			eb
				.selectFrom('budget_figures as g')
				.select((e) => e.fn.max('g.as_of').as('latest'))
				.whereRef('g.budget_line_id', '=', 'f.budget_line_id')
				.whereRef('g.phase', '=', 'f.phase')
		)
		.execute();
	return rows.map((r) => ({
		budgetLineId: r.budget_line_id,
		phase: r.phase as BudgetPhase,
		amountKes: r.amount_kes,
		asOf: r.as_of
	}));
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
