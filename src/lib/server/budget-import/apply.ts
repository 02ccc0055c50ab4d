// Applying a budget CSV: compared again inside one transaction, then new lines, renames,
// changed figures (compare-and-swap, as a clerk's correction by hand), new figures, the funding
// status of affected commitments and the audit rows. Any error rolls everything back.
import type { Kysely, Transaction } from 'kysely';
import { budgetLineKey, isIllustrativeSource, type BudgetCsvRow } from '../../domain/budget-csv';
import { recordAudit, type Actor } from '../audit';
import { lockForWrite } from '../db/locks';
import type { DB } from '../db/schema';
import { updateFigureIfUnchanged } from '../queries/budget-figures';
import {
	INSERT_BATCH,
	commitmentIdsOnLines,
	insertBudgetFigures,
	insertBudgetLines,
	renameBudgetLineIfUnchanged,
	type NewFigure
} from '../queries/budget-import';
import { refreshFundingStatuses } from '../services/funding-status';
import { planBudgetImport, type ImportCounts, type ImportPlan } from './compare';

/**
 * A figure (at a line of the file) or a budget line changed between the comparison and the
 * write: another writer got there first. Facts only; the page says it in the reader's language.
 */
export class ImportConflictError extends Error {
	constructor(readonly conflict: { line: number } | { budgetLineId: number }) {
		super(
			'line' in conflict
				? `Line ${conflict.line}: the stored figure changed during the import`
				: `Budget line ${conflict.budgetLineId} changed during the import`
		);
	}
}

export interface ImportResult extends ImportCounts {
	/** Commitments whose derived funding status was recomputed and changed. */
	fundingStatusesChanged: number;
}

export interface ApplyOptions {
	/** File name and SHA-256 recorded in the audit summary. */
	source?: { name?: string; sha256?: string };
	/** Called after each batch; with it, the event loop is yielded so progress can be sent. */
	onProgress?: (done: number, total: number) => void;
}

type Trx = Transaction<DB>;

async function insertNewLines(trx: Trx, plan: ImportPlan): Promise<void> {
	const pending = new Map<string, BudgetCsvRow>();
	for (const { row, newLine } of plan.preview.added) {
		const key = budgetLineKey(row);
		if (newLine && !pending.has(key)) pending.set(key, row);
	}
	for (const l of await insertBudgetLines(trx, [...pending.values()])) {
		plan.lineIds.set(budgetLineKey(l), l.id);
	}
}

async function applyRenames(trx: Trx, plan: ImportPlan, actor: Actor): Promise<void> {
	for (const r of plan.preview.lineRenames) {
		if (!(await renameBudgetLineIfUnchanged(trx, r.budgetLineId, r.from, r.to))) {
			throw new ImportConflictError({ budgetLineId: r.budgetLineId });
		}
		await recordAudit(trx, actor, {
			action: 'budget_line.updated',
			entityId: r.budgetLineId,
			before: { vote_name: r.from },
			after: { vote_name: r.to }
		});
	}
}

async function applyChanges(trx: Trx, plan: ImportPlan, actor: Actor): Promise<void> {
	for (const { row, before, changedFields, figureId } of plan.preview.changed) {
		// Only the line's vote name differs: applyRenames has done it.
		if (changedFields.length === 1 && changedFields[0] === 'voteName') continue;
		const next = {
			amountKes: row.amountKes,
			sourceTitle: row.sourceTitle,
			sourceUrl: row.sourceUrl,
			illustrative: isIllustrativeSource(row.sourceTitle)
		};
		if (!(await updateFigureIfUnchanged(trx, figureId!, before!, next))) {
			throw new ImportConflictError({ line: row.line });
		}
		await recordAudit(trx, actor, {
			action: 'budget_figure.corrected',
			entityId: figureId!,
			before: {
				amount_kes: before!.amountKes,
				source_title: before!.sourceTitle,
				source_url: before!.sourceUrl
			},
			after: { amount_kes: row.amountKes, source_title: row.sourceTitle, source_url: row.sourceUrl }
		});
	}
}

async function insertNewFigures(
	trx: Trx,
	plan: ImportPlan,
	progress: (batchSize: number) => Promise<void>
): Promise<void> {
	const { added } = plan.preview;
	for (let start = 0; start < added.length; start += INSERT_BATCH) {
		const batch: NewFigure[] = added.slice(start, start + INSERT_BATCH).map(({ row }) => ({
			budgetLineId: plan.lineIds.get(budgetLineKey(row))!,
			phase: row.phase,
			asOf: row.asOf,
			amountKes: row.amountKes,
			sourceTitle: row.sourceTitle,
			sourceUrl: row.sourceUrl,
			illustrative: isIllustrativeSource(row.sourceTitle)
		}));
		await insertBudgetFigures(trx, batch);
		await progress(batch.length);
	}
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes `rows` in one transaction: new lines, new and changed figures, their audit rows (one
 * summary plus one per change) and the funding status of affected commitments. Any error rolls
 * everything back. Importing the same rows again adds and changes nothing.
 */
export async function applyBudgetImport(
	db: Kysely<DB>,
	rows: readonly BudgetCsvRow[],
	actor: Actor,
	opts: ApplyOptions = {}
): Promise<ImportResult> {
	const total = rows.length;
	return db.transaction().execute(async (trx) => {
		// One import at a time (on PostgreSQL across instances), so the plan below stays true.
		await lockForWrite(trx, 'budgetImport');
		// Compared again inside the transaction: the preview the clerk saw may be stale.
		const plan = await planBudgetImport(trx, rows);
		const { counts } = plan.preview;
		let done = counts.unchanged;
		const progress = async (n: number) => {
			done += n;
			if (!opts.onProgress) return;
			opts.onProgress(done, total);
			await yieldToEventLoop();
		};
		await progress(0);

		await insertNewLines(trx, plan);
		await applyRenames(trx, plan, actor);
		await applyChanges(trx, plan, actor);
		await progress(counts.changed);
		await insertNewFigures(trx, plan, progress);

		const commitmentIds = await commitmentIdsOnLines(trx, plan.touchedLineIds);
		const fundingStatusesChanged =
			commitmentIds.length > 0 ? await refreshFundingStatuses(trx, commitmentIds) : 0;

		await recordAudit(trx, actor, {
			action: 'import.applied',
			entityId: null,
			after: {
				file: opts.source?.name ?? null,
				sha256: opts.source?.sha256 ?? null,
				...counts,
				fundingStatusesChanged
			}
		});
		return { ...counts, fundingStatusesChanged };
	});
}
