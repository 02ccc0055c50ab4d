// A commitment's funding links (commitment ↔ budget line, with a share) for the clerk workspace,
// and the budget-line search used to choose a line. Writes take a Transaction.
import type { Kysely, Transaction } from 'kysely';
import type { FigureInput } from '../../domain';
import type { BudgetPhase, DB, FundingBasis, ShareKind } from '../db/schema';
import { containsIgnoringCase } from './text-match';
import { lineIdentityOf, type BudgetLineColumns } from './budget-line-columns';
import type { BudgetLineIdentity } from '$lib/domain/budget';

export interface LineLabel extends BudgetLineIdentity {
	id: number;
}

export interface WorkspaceLink {
	id: number;
	shareKind: ShareKind;
	shareBasisPoints: number | null;
	shareAmountKes: number | null;
	basis: FundingBasis;
	note: string | null;
	line: LineLabel;
	figures: FigureInput[];
}

const LINE_COLUMNS = [
	'b.id as line_id',
	'b.fiscal_year',
	'b.vote_code',
	'b.vote_name',
	'b.programme',
	'b.sub_programme',
	'b.economic_class'
] as const;

/** The basis of every funding link of the given commitments (one query), for the money badge. */
export async function listFundingBases(db: Kysely<DB>, commitmentIds: number[]) {
	if (commitmentIds.length === 0) return [];
	return db
		.selectFrom('funding_links')
		.select(['commitment_id', 'basis'])
		.where('commitment_id', 'in', commitmentIds)
		.execute();
}

/** The commitment's links with every figure of each linked line (two queries). */
export async function listFundingLinks(
	db: Kysely<DB>,
	commitmentId: number
): Promise<WorkspaceLink[]> {
	const links = await db
		.selectFrom('funding_links as l')
		.innerJoin('budget_lines as b', 'b.id', 'l.budget_line_id')
		.select([
			'l.id',
			'l.share_kind',
			'l.share_basis_points',
			'l.share_amount_kes',
			'l.basis',
			'l.note',
			...LINE_COLUMNS
		])
		.where('l.commitment_id', '=', commitmentId)
		.orderBy('b.fiscal_year', 'desc')
		.orderBy('b.vote_code')
		.orderBy('l.id')
		.execute();
	if (links.length === 0) return [];
	const figures = await db
		.selectFrom('budget_figures')
		.select(['budget_line_id', 'phase', 'amount_kes', 'as_of'])
		.where(
			'budget_line_id',
			'in',
			links.map((l) => l.line_id)
		)
		.execute();
	return links.map((l) => ({
		id: l.id,
		shareKind: l.share_kind,
		shareBasisPoints: l.share_basis_points,
		shareAmountKes: l.share_amount_kes === null ? null : Number(l.share_amount_kes),
		basis: l.basis,
		note: l.note,
		line: lineLabelOf(l),
		figures: figures
			.filter((f) => f.budget_line_id === l.line_id)
			.map((f) => ({
				phase: f.phase as BudgetPhase,
				amountKes: Number(f.amount_kes),
				asOf: f.as_of
			}))
	}));
}

/** A budget line's label from the columns every funding-link query selects. */
export function lineLabelOf(r: BudgetLineColumns & { line_id: number }): LineLabel {
	return { id: r.line_id, ...lineIdentityOf(r) };
}

export interface LineSearch {
	fiscalYear: string | null;
	voteCode: string | null;
	programme: string | null;
}

/** Budget lines matching the search, for choosing one to link (at most `limit`). */
export async function searchLinkableLines(
	db: Kysely<DB>,
	s: LineSearch,
	limit = 100
): Promise<LineLabel[]> {
	const rows = await db
		.selectFrom('budget_lines as b')
		.select([...LINE_COLUMNS])
		.$if(s.fiscalYear !== null, (q) => q.where('b.fiscal_year', '=', s.fiscalYear!))
		.$if(s.voteCode !== null, (q) => q.where('b.vote_code', '=', s.voteCode!))
		.$if(s.programme !== null, (q) =>
			q.where((eb) =>
				eb.or([
					containsIgnoringCase(eb.ref('b.programme'), s.programme!),
					containsIgnoringCase(eb.ref('b.sub_programme'), s.programme!)
				])
			)
		)
		.orderBy('b.fiscal_year', 'desc')
		.orderBy('b.vote_code')
		.orderBy('b.programme')
		.orderBy('b.sub_programme')
		.orderBy('b.economic_class')
		.limit(limit)
		.execute();
	return rows.map(lineLabelOf);
}

export async function budgetLineExists(db: Kysely<DB> | Transaction<DB>, id: number) {
	const row = await db
		.selectFrom('budget_lines')
		.select('id')
		.where('id', '=', id)
		.executeTakeFirst();
	return row !== undefined;
}

export async function getFundingLink(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number,
	linkId: number
) {
	return db
		.selectFrom('funding_links')
		.selectAll()
		.where('id', '=', linkId)
		.where('commitment_id', '=', commitmentId)
		.executeTakeFirst();
}

export async function findLinkToLine(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number,
	lineId: number
) {
	return db
		.selectFrom('funding_links')
		.select('id')
		.where('commitment_id', '=', commitmentId)
		.where('budget_line_id', '=', lineId)
		.executeTakeFirst();
}

export interface LinkShare {
	shareKind: ShareKind;
	shareBasisPoints: number | null;
	shareAmountKes: number | null;
	basis: FundingBasis;
	note: string | null;
}

export async function insertFundingLink(
	trx: Transaction<DB>,
	commitmentId: number,
	lineId: number,
	s: LinkShare
): Promise<number> {
	const row = await trx
		.insertInto('funding_links')
		.values({
			commitment_id: commitmentId,
			budget_line_id: lineId,
			share_kind: s.shareKind,
			share_basis_points: s.shareBasisPoints,
			share_amount_kes: s.shareAmountKes,
			basis: s.basis,
			note: s.note,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Compare-and-swap on the values the clerk saw (funding links carry no version column, and
 * SQLite has no SELECT ... FOR UPDATE): false when the link changed or went meanwhile.
 */
export async function updateFundingLinkIfUnchanged(
	trx: Transaction<DB>,
	linkId: number,
	seen: LinkShare,
	next: LinkShare
): Promise<boolean> {
	const result = await trx
		.updateTable('funding_links')
		.set({
			share_kind: next.shareKind,
			share_basis_points: next.shareBasisPoints,
			share_amount_kes: next.shareAmountKes,
			basis: next.basis,
			note: next.note
		})
		.where('id', '=', linkId)
		.where('share_kind', '=', seen.shareKind)
		.where('share_basis_points', seen.shareBasisPoints === null ? 'is' : '=', seen.shareBasisPoints)
		.where('share_amount_kes', seen.shareAmountKes === null ? 'is' : '=', seen.shareAmountKes)
		.where('basis', '=', seen.basis)
		.where('note', seen.note === null ? 'is' : '=', seen.note)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteFundingLink(trx: Transaction<DB>, linkId: number): Promise<boolean> {
	const result = await trx.deleteFrom('funding_links').where('id', '=', linkId).executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

/** Who last changed a funding link and when, from the audit log. */
export async function fundingLinkLastSaved(
	db: Kysely<DB> | Transaction<DB>,
	linkId: number
): Promise<{ by: string | null; at: string | null }> {
	const row = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['u.name', 'a.actor', 'a.at'])
		.where('a.entity', '=', 'funding_link')
		.where('a.entity_id', '=', String(linkId))
		.orderBy('a.at', 'desc')
		.orderBy('a.id', 'desc')
		.executeTakeFirst();
	return { by: row ? (row.name ?? row.actor) : null, at: row?.at ?? null };
}
