import type { Kysely } from 'kysely';
import type { BudgetPhase, DB } from '../db/schema';
import type { BudgetLineIdentity } from '$lib/domain/budget';
import { lineIdentityOf } from './budget-line-columns';

export interface BudgetLineWithFigures extends BudgetLineIdentity {
	id: number;
	figures: { phase: BudgetPhase; amountKes: number; asOf: string; sourceTitle: string }[];
}

/** Budget lines of one fiscal year (or all) with all their figures, in one query. */
export async function listBudgetLinesWithFigures(
	db: Kysely<DB>,
	opts: { fiscalYear?: string; limit?: number } = {}
): Promise<BudgetLineWithFigures[]> {
	const lines = db
		.selectFrom('budget_lines')
		.select('id')
		.$if(opts.fiscalYear !== undefined, (q) => q.where('fiscal_year', '=', opts.fiscalYear!))
		.orderBy('fiscal_year', 'desc')
		.orderBy('vote_code')
		.orderBy('programme')
		.orderBy('id')
		.limit(opts.limit ?? 200);
	const rows = await db
		.selectFrom('budget_lines as b')
		.leftJoin('budget_figures as f', 'f.budget_line_id', 'b.id')
		.select([
			'b.id',
			'b.fiscal_year',
			'b.vote_code',
			'b.vote_name',
			'b.programme',
			'b.sub_programme',
			'b.economic_class',
			'f.phase',
			'f.amount_kes',
			'f.as_of',
			'f.source_title'
		])
		.where('b.id', 'in', lines)
		.orderBy('b.fiscal_year', 'desc')
		.orderBy('b.vote_code')
		.orderBy('b.programme')
		.orderBy('b.id')
		.orderBy('f.as_of')
		// Ties broken by insertion order, or the two databases list same-day figures differently.
		.orderBy('f.id')
		.execute();
	const byId = new Map<number, BudgetLineWithFigures>();
	for (const r of rows) {
		let line = byId.get(r.id);
		if (!line) {
			line = {
				id: r.id,
				...lineIdentityOf(r),
				figures: []
			};
			byId.set(r.id, line);
		}
		if (r.phase && r.amount_kes !== null && r.as_of) {
			line.figures.push({
				phase: r.phase,
				amountKes: r.amount_kes,
				asOf: r.as_of,
				sourceTitle: r.source_title ?? ''
			});
		}
	}
	return [...byId.values()];
}

export async function listFiscalYears(db: Kysely<DB>): Promise<string[]> {
	const rows = await db
		.selectFrom('budget_lines')
		.select('fiscal_year')
		.distinct()
		.orderBy('fiscal_year', 'desc')
		.execute();
	return rows.map((r) => r.fiscal_year);
}
