// Budget lines and their figures for the clerk workspace: a filtered, paged list, and the
// writes behind entering a line or a figure by hand. Writes take a Transaction.
import type { Kysely, Transaction } from 'kysely';
import { entitySpellings } from '../audit';
import type { BudgetPhase, DB, EconomicClass } from '../db/schema';
import type { BudgetLineIdentity } from '$lib/domain/budget';
import { lineIdentityOf } from './budget-line-columns';

export interface WorkspaceFigure {
	id: number;
	phase: BudgetPhase;
	amountKes: number;
	asOf: string;
	sourceTitle: string;
	sourceUrl: string | null;
	illustrative: boolean;
}

export interface WorkspaceLine extends BudgetLineIdentity {
	id: number;
	figures: WorkspaceFigure[];
}

export interface LineFilter {
	fiscalYear: string | null;
	voteCode: string | null;
	page: number;
	pageSize: number;
}

function filtered(db: Kysely<DB>, f: LineFilter) {
	return db
		.selectFrom('budget_lines as b')
		.$if(f.fiscalYear !== null, (q) => q.where('b.fiscal_year', '=', f.fiscalYear!))
		.$if(f.voteCode !== null, (q) => q.where('b.vote_code', '=', f.voteCode!));
}

/** One page of budget lines with all their figures, and the number of matching lines. */
export async function listWorkspaceLines(
	db: Kysely<DB>,
	f: LineFilter
): Promise<{ lines: WorkspaceLine[]; total: number }> {
	const [rows, count] = await Promise.all([
		filtered(db, f)
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
			.limit(f.pageSize)
			.offset((f.page - 1) * f.pageSize)
			.execute(),
		filtered(db, f)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	if (rows.length === 0) return { lines: [], total: Number(count.n) };
	const figures = await db
		.selectFrom('budget_figures')
		.select([
			'id',
			'budget_line_id',
			'phase',
			'amount_kes',
			'as_of',
			'source_title',
			'source_url',
			'illustrative'
		])
		.where(
			'budget_line_id',
			'in',
			rows.map((r) => r.id)
		)
		.orderBy('as_of')
		.orderBy('id')
		.execute();
	const lines = rows.map((r): WorkspaceLine => ({
		id: r.id,
		...lineIdentityOf(r),
		figures: figures
			.filter((x) => x.budget_line_id === r.id)
			.map((x) => ({
				id: x.id,
				phase: x.phase,
				amountKes: Number(x.amount_kes),
				asOf: x.as_of,
				sourceTitle: x.source_title,
				sourceUrl: x.source_url,
				illustrative: x.illustrative === 1
			}))
	}));
	return { lines, total: Number(count.n) };
}

export async function getBudgetLine(db: Kysely<DB> | Transaction<DB>, id: number) {
	return db.selectFrom('budget_lines').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The name a vote already has in a fiscal year (one name per vote and year), if any. */
export async function voteNameIn(
	db: Kysely<DB> | Transaction<DB>,
	fiscalYear: string,
	voteCode: string
): Promise<string | null> {
	const row = await db
		.selectFrom('budget_lines')
		.select('vote_name')
		.where('fiscal_year', '=', fiscalYear)
		.where('vote_code', '=', voteCode)
		.executeTakeFirst();
	return row?.vote_name ?? null;
}

export interface NewBudgetLine {
	fiscalYear: string;
	voteCode: string;
	voteName: string;
	programme: string;
	subProgramme: string;
	economicClass: EconomicClass;
}

export async function findBudgetLineByKey(db: Kysely<DB> | Transaction<DB>, l: NewBudgetLine) {
	return db
		.selectFrom('budget_lines')
		.select('id')
		.where('fiscal_year', '=', l.fiscalYear)
		.where('vote_code', '=', l.voteCode)
		.where('programme', '=', l.programme)
		.where('sub_programme', '=', l.subProgramme)
		.where('economic_class', '=', l.economicClass)
		.executeTakeFirst();
}

export async function insertBudgetLine(trx: Transaction<DB>, l: NewBudgetLine): Promise<number> {
	const row = await trx
		.insertInto('budget_lines')
		.values({
			fiscal_year: l.fiscalYear,
			vote_code: l.voteCode,
			vote_name: l.voteName,
			programme: l.programme,
			sub_programme: l.subProgramme,
			economic_class: l.economicClass,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function findFigure(
	db: Kysely<DB> | Transaction<DB>,
	lineId: number,
	phase: BudgetPhase,
	asOf: string
) {
	return db
		.selectFrom('budget_figures')
		.selectAll()
		.where('budget_line_id', '=', lineId)
		.where('phase', '=', phase)
		.where('as_of', '=', asOf)
		.executeTakeFirst();
}

export interface FigureValues {
	amountKes: number;
	sourceTitle: string;
	sourceUrl: string | null;
	illustrative: 0 | 1;
}

export async function insertFigure(
	trx: Transaction<DB>,
	lineId: number,
	phase: BudgetPhase,
	asOf: string,
	v: FigureValues
): Promise<number> {
	const row = await trx
		.insertInto('budget_figures')
		.values({
			budget_line_id: lineId,
			phase,
			as_of: asOf,
			amount_kes: v.amountKes,
			source_title: v.sourceTitle,
			source_url: v.sourceUrl,
			illustrative: v.illustrative,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Compare-and-swap on the values the clerk was shown (figures carry no version column, and
 * SQLite has no SELECT ... FOR UPDATE): false when the figure changed meanwhile.
 */
export async function updateFigureIfUnchanged(
	trx: Transaction<DB>,
	figureId: number,
	seen: Omit<FigureValues, 'illustrative'>,
	next: FigureValues
): Promise<boolean> {
	const result = await trx
		.updateTable('budget_figures')
		.set({
			amount_kes: next.amountKes,
			source_title: next.sourceTitle,
			source_url: next.sourceUrl,
			illustrative: next.illustrative
		})
		.where('id', '=', figureId)
		.where('amount_kes', '=', seen.amountKes)
		.where('source_title', '=', seen.sourceTitle)
		.where('source_url', seen.sourceUrl === null ? 'is' : '=', seen.sourceUrl)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** Commitments funded by a budget line: their funding status follows its figures. */
export async function commitmentIdsOnLine(
	db: Kysely<DB> | Transaction<DB>,
	lineId: number
): Promise<number[]> {
	const rows = await db
		.selectFrom('funding_links')
		.select('commitment_id')
		.where('budget_line_id', '=', lineId)
		.execute();
	return [...new Set(rows.map((r) => r.commitment_id))];
}

/** Who last changed a budget figure and when, from the audit log. */
export async function figureLastSaved(
	db: Kysely<DB> | Transaction<DB>,
	figureId: number
): Promise<{ by: string | null; at: string | null }> {
	const row = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['u.name', 'a.actor', 'a.at'])
		.where('a.entity', 'in', entitySpellings('budget_figure'))
		.where('a.entity_id', '=', String(figureId))
		.orderBy('a.at', 'desc')
		.orderBy('a.id', 'desc')
		.executeTakeFirst();
	return { by: row ? (row.name ?? row.actor) : null, at: row?.at ?? null };
}

/** Fiscal years and votes that have lines, for the filter form. */
export async function listBudgetFilters(db: Kysely<DB>) {
	const [years, votes] = await Promise.all([
		db
			.selectFrom('budget_lines')
			.select('fiscal_year')
			.distinct()
			.orderBy('fiscal_year', 'desc')
			.execute(),
		db
			.selectFrom('budget_lines')
			.select(['vote_code', (eb) => eb.fn.max('vote_name').as('vote_name')])
			.groupBy('vote_code')
			.orderBy('vote_code')
			.execute()
	]);
	return {
		fiscalYears: years.map((y) => y.fiscal_year),
		votes: votes.map((v) => ({ code: v.vote_code, name: v.vote_name ?? '' }))
	};
}

/** Lines to choose from when entering a figure (most recent years first, at most `limit`). */
export async function listLineOptions(
	db: Kysely<DB>,
	f: { fiscalYear: string | null; voteCode: string | null },
	limit = 300
) {
	const rows = await db
		.selectFrom('budget_lines')
		.select(['id', 'fiscal_year', 'vote_code', 'programme', 'sub_programme', 'economic_class'])
		.$if(f.fiscalYear !== null, (q) => q.where('fiscal_year', '=', f.fiscalYear!))
		.$if(f.voteCode !== null, (q) => q.where('vote_code', '=', f.voteCode!))
		.orderBy('fiscal_year', 'desc')
		.orderBy('vote_code')
		.orderBy('programme')
		.orderBy('sub_programme')
		.orderBy('economic_class')
		.limit(limit)
		.execute();
	return rows.map((r) => ({
		id: r.id,
		fiscalYear: r.fiscal_year,
		voteCode: r.vote_code,
		programme: r.programme,
		subProgramme: r.sub_programme,
		economicClass: r.economic_class
	}));
}
