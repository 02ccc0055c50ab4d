// The SQL of the budget CSV import: what is stored for the votes of a file, and the batched
// writes of new lines and figures. Figures changed by an import go through
// budget-figures.ts:updateFigureIfUnchanged, as when a clerk corrects one by hand.
import type { Kysely, Transaction } from 'kysely';
import type { BudgetPhase, DB } from '../db/schema';
import type { FigureValues, NewBudgetLine } from './budget-figures';
import { lineIdentityOf, type BudgetLineColumns } from './budget-line-columns';

type Db = Kysely<DB> | Transaction<DB>;

/** Bound on an `in (...)` list, well under SQLite's and PostgreSQL's parameter limits. */
const IN_LIST_MAX = 500;
/** Rows per multi-row INSERT: 7 parameters each stays far below both databases' limits. */
export const INSERT_BATCH = 500;

function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

export interface StoredLine extends NewBudgetLine {
	id: number;
}

export interface StoredFigure {
	id: number;
	budgetLineId: number;
	phase: BudgetPhase;
	asOf: string;
	amountKes: number;
	sourceTitle: string;
	sourceUrl: string | null;
}

const lineOf = (l: BudgetLineColumns & { id: number }): StoredLine => ({
	id: l.id,
	...lineIdentityOf(l)
});

const LINE_COLUMNS = [
	'id',
	'fiscal_year',
	'vote_code',
	'vote_name',
	'programme',
	'sub_programme',
	'economic_class'
] as const;

/**
 * The lines and figures of every (fiscal year, vote) given: two queries per 500 years × 500
 * votes, however many rows a file has. Figures of other programmes of those votes come along.
 */
export async function listLinesAndFiguresOfVotes(
	db: Db,
	years: readonly string[],
	votes: readonly string[]
): Promise<{ lines: StoredLine[]; figures: StoredFigure[] }> {
	const lines: StoredLine[] = [];
	const figures: StoredFigure[] = [];
	for (const yearList of chunk(years, IN_LIST_MAX)) {
		for (const voteList of chunk(votes, IN_LIST_MAX)) {
			const lineRows = await db
				.selectFrom('budget_lines')
				.select(LINE_COLUMNS)
				.where('fiscal_year', 'in', yearList)
				.where('vote_code', 'in', voteList)
				.execute();
			for (const l of lineRows) lines.push(lineOf(l));
			if (lineRows.length === 0) continue;
			const figureRows = await db
				.selectFrom('budget_figures as f')
				.innerJoin('budget_lines as l', 'l.id', 'f.budget_line_id')
				.select([
					'f.id',
					'f.budget_line_id',
					'f.phase',
					'f.as_of',
					'f.amount_kes',
					'f.source_title',
					'f.source_url'
				])
				.where('l.fiscal_year', 'in', yearList)
				.where('l.vote_code', 'in', voteList)
				.execute();
			for (const f of figureRows) {
				figures.push({
					id: f.id,
					budgetLineId: f.budget_line_id,
					phase: f.phase,
					asOf: f.as_of,
					amountKes: Number(f.amount_kes),
					sourceTitle: f.source_title,
					sourceUrl: f.source_url
				});
			}
		}
	}
	return { lines, figures };
}

/** Inserts lines in batches; returns them with their ids (in no particular order). */
export async function insertBudgetLines(
	trx: Transaction<DB>,
	lines: readonly NewBudgetLine[]
): Promise<StoredLine[]> {
	const stored: StoredLine[] = [];
	for (const batch of chunk(lines, INSERT_BATCH)) {
		// PostgreSQL does not promise that RETURNING follows the order of a multi-row VALUES
		// list: callers match the lines by their natural key.
		const inserted = await trx
			.insertInto('budget_lines')
			.values(
				batch.map((r) => ({
					fiscal_year: r.fiscalYear,
					vote_code: r.voteCode,
					vote_name: r.voteName,
					programme: r.programme,
					sub_programme: r.subProgramme,
					economic_class: r.economicClass
				}))
			)
			.returning(LINE_COLUMNS)
			.execute();
		for (const l of inserted) stored.push(lineOf(l));
	}
	return stored;
}

/** Compare-and-swap on the name the comparison saw: false when it changed meanwhile. */
export async function renameBudgetLineIfUnchanged(
	trx: Transaction<DB>,
	id: number,
	from: string,
	to: string
): Promise<boolean> {
	const result = await trx
		.updateTable('budget_lines')
		.set({ vote_name: to })
		.where('id', '=', id)
		.where('vote_name', '=', from)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface NewFigure extends FigureValues {
	budgetLineId: number;
	phase: BudgetPhase;
	asOf: string;
}

/** One multi-row INSERT: at most INSERT_BATCH figures. */
export async function insertBudgetFigures(
	trx: Transaction<DB>,
	figures: readonly NewFigure[]
): Promise<void> {
	if (figures.length === 0) return;
	await trx
		.insertInto('budget_figures')
		.values(
			figures.map((f) => ({
				budget_line_id: f.budgetLineId,
				phase: f.phase,
				amount_kes: f.amountKes,
				as_of: f.asOf,
				source_title: f.sourceTitle,
				source_url: f.sourceUrl,
				illustrative: f.illustrative
			}))
		)
		.execute();
}

/** Commitments funded by any of the given lines (their funding status follows the figures). */
export async function commitmentIdsOnLines(db: Db, lineIds: Iterable<number>): Promise<number[]> {
	const ids = new Set<number>();
	for (const part of chunk([...new Set(lineIds)], IN_LIST_MAX)) {
		const links = await db
			.selectFrom('funding_links')
			.select('commitment_id')
			.where('budget_line_id', 'in', part)
			.execute();
		for (const l of links) ids.add(l.commitment_id);
	}
	return [...ids];
}
