// Budget lines for the open data API and downloads: filtered and paged in SQL, with every figure
// and its source, and the published commitments each line funds. Four queries per call.
import type { Kysely } from 'kysely';
import type { BudgetLineQuery } from '$lib/domain/budget-query';
import type { BudgetPhase, DB } from '../db/schema';
import { containsIgnoringCase } from './text-match';
import type { BudgetLineIdentity } from '$lib/domain/budget';
import { lineIdentityOf } from './budget-line-columns';

export interface BudgetFigureRecord {
	phase: BudgetPhase;
	amountKes: number;
	asOf: string;
	sourceTitle: string;
	sourceUrl: string | null;
	illustrative: boolean;
}

export interface BudgetLineRecord extends BudgetLineIdentity {
	id: number;
	figures: BudgetFigureRecord[];
	/** Published commitments linked to this line (drafts are never listed). */
	commitments: { ref: string; title: string }[];
}

function filteredLines(db: Kysely<DB>, q: BudgetLineQuery) {
	return db
		.selectFrom('budget_lines as b')
		.$if(q.fiscalYear !== null, (qb) => qb.where('b.fiscal_year', '=', q.fiscalYear!))
		.$if(q.vote.length > 0, (qb) => qb.where('b.vote_code', 'in', q.vote))
		.$if(q.programme !== null, (qb) =>
			qb.where((eb) =>
				eb.or([
					containsIgnoringCase(eb.ref('b.programme'), q.programme!),
					containsIgnoringCase(eb.ref('b.sub_programme'), q.programme!)
				])
			)
		);
}

/** The earliest and latest fiscal years of any budget line ('2024/25' sorts as text), or null. */
export async function getBudgetFiscalYearSpan(
	db: Kysely<DB>
): Promise<{ first: string; last: string } | null> {
	const row = await db
		.selectFrom('budget_lines')
		.select((eb) => [eb.fn.min('fiscal_year').as('first'), eb.fn.max('fiscal_year').as('last')])
		.executeTakeFirstOrThrow();
	return row.first === null || row.last === null ? null : { first: row.first, last: row.last };
}

/** A page of budget lines (or all of them with `all`, for downloads) and the total count. */
export async function searchBudgetLines(
	db: Kysely<DB>,
	q: BudgetLineQuery,
	opts: { all?: boolean } = {}
): Promise<{ lines: BudgetLineRecord[]; total: number }> {
	let page = filteredLines(db, q)
		.select([
			'b.id',
			'b.fiscal_year',
			'b.vote_code',
			'b.vote_name',
			'b.programme',
			'b.sub_programme',
			'b.economic_class'
		])
		.orderBy('b.fiscal_year', 'desc')
		.orderBy('b.vote_code')
		.orderBy('b.programme')
		.orderBy('b.sub_programme')
		.orderBy('b.economic_class')
		.orderBy('b.id');
	if (!opts.all) page = page.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
	const [rows, count] = await Promise.all([
		page.execute(),
		filteredLines(db, q)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	if (rows.length === 0) return { lines: [], total: Number(count.n) };

	const ids = opts.all ? filteredLines(db, q).select('b.id') : rows.map((r) => r.id);
	const [figures, links] = await Promise.all([
		db
			.selectFrom('budget_figures')
			.select([
				'budget_line_id',
				'phase',
				'amount_kes',
				'as_of',
				'source_title',
				'source_url',
				'illustrative'
			])
			.where('budget_line_id', 'in', ids)
			.orderBy('budget_line_id')
			.orderBy('as_of')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('funding_links as l')
			.innerJoin('commitments as c', 'c.id', 'l.commitment_id')
			.select(['l.budget_line_id', 'c.ref', 'c.title'])
			.where('c.visibility', '=', 'published')
			.where('l.budget_line_id', 'in', ids)
			.orderBy('c.ref')
			.execute()
	]);

	const lines = new Map<number, BudgetLineRecord>();
	for (const r of rows) {
		lines.set(r.id, {
			id: r.id,
			...lineIdentityOf(r),
			figures: [],
			commitments: []
		});
	}
	for (const f of figures) {
		lines.get(f.budget_line_id)?.figures.push({
			phase: f.phase,
			amountKes: Number(f.amount_kes),
			asOf: f.as_of,
			sourceTitle: f.source_title,
			sourceUrl: f.source_url,
			illustrative: f.illustrative === 1
		});
	}
	for (const l of links) {
		lines.get(l.budget_line_id)?.commitments.push({ ref: l.ref, title: l.title });
	}
	return { lines: [...lines.values()], total: Number(count.n) };
}
