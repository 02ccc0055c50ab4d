// Budget lines and figures entered by hand. Lines are shared across committees (Treasury data),
// so any clerk may add them. A figure is identified by its line, phase and as-of date: entering
// one that exists is a correction, which the clerk must confirm having seen the stored values.
// Every write refreshes the funding status of the commitments on the line, in one transaction.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { todayInNairobi, type BudgetPhase } from '../../domain';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';
import {
	commitmentIdsOnLine,
	figureLastSaved,
	findBudgetLineByKey,
	findFigure,
	getBudgetLine,
	insertBudgetLine,
	insertFigure,
	updateFigureIfUnchanged,
	voteNameIn,
	type NewBudgetLine
} from '../queries/budget-figures';
import { budgetLineName, enqueueChangeAlerts } from './alert-changes';
import { refreshFundingStatuses } from './funding-status';
import { InputError, StaleRecordError } from '../errors';
import { m } from '../../paraglide/messages';

// The same rule as the CSV import: a source that says it is illustrative marks the figure so.
const ILLUSTRATIVE_SOURCE = /\b(illustrative|example row)\b/i;

export async function addBudgetLine(
	db: Kysely<DB>,
	actor: Actor,
	line: NewBudgetLine
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const named = await voteNameIn(trx, line.fiscalYear, line.voteCode);
		if (named !== null && named !== line.voteName) {
			throw new InputError({
				vote_name: m.svc_bf_vote_named({
					code: line.voteCode,
					name: named,
					year: line.fiscalYear
				})
			});
		}
		if (await findBudgetLineByKey(trx, line)) {
			throw new InputError({
				programme: m.svc_bf_line_exists()
			});
		}
		const id = await insertBudgetLine(trx, line);
		await recordAudit(trx, actor, {
			action: 'budget_line.created',
			entityId: id,
			after: line
		});
		return id;
	});
}

export interface FigureInput {
	budgetLineId: number;
	phase: BudgetPhase;
	asOf: string;
	amountKes: number;
	sourceTitle: string;
	sourceUrl: string | null;
	/** The stamp of the stored figure the clerk confirmed correcting, or null for a new one. */
	replaces: string | null;
}

interface StoredFigure {
	amount_kes: number;
	source_title: string;
	source_url: string | null;
}

/** A fingerprint of a stored figure's values, carried by the correction form. */
export function figureStamp(f: StoredFigure): string {
	return createHash('sha256')
		.update(JSON.stringify([Number(f.amount_kes), f.source_title, f.source_url]))
		.digest('hex')
		.slice(0, 32);
}

/** A figure exists for this line, phase and date: the clerk must confirm the correction. */
export class FigureExistsError extends Error {
	constructor(
		readonly stored: { amountKes: number; sourceTitle: string; sourceUrl: string | null },
		readonly stamp: string
	) {
		super('A figure exists for this line, phase and date');
	}
}

export type SaveFigureResult = { kind: 'added' | 'corrected' | 'unchanged'; figureId: number };

export async function saveFigure(
	db: Kysely<DB>,
	actor: Actor,
	input: FigureInput,
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<SaveFigureResult> {
	if (input.asOf > today) {
		throw new InputError({ as_of: m.svc_bf_as_of_future() });
	}
	return db.transaction().execute(async (trx) => {
		const line = await getBudgetLine(trx, input.budgetLineId);
		if (!line) throw new InputError({ budget_line_id: m.svc_select_line() });
		const next = {
			amountKes: input.amountKes,
			sourceTitle: input.sourceTitle,
			sourceUrl: input.sourceUrl,
			illustrative: ILLUSTRATIVE_SOURCE.test(input.sourceTitle) ? (1 as const) : (0 as const)
		};
		const stored = await findFigure(trx, line.id, input.phase, input.asOf);
		let result: SaveFigureResult;
		if (!stored) {
			const id = await insertFigure(trx, line.id, input.phase, input.asOf, next);
			await recordAudit(trx, actor, {
				action: 'budget_figure.created',
				entityId: id,
				after: { budget_line_id: line.id, phase: input.phase, as_of: input.asOf, ...next }
			});
			result = { kind: 'added', figureId: id };
		} else {
			const seen = {
				amountKes: Number(stored.amount_kes),
				sourceTitle: stored.source_title,
				sourceUrl: stored.source_url
			};
			const stamp = figureStamp(stored);
			if (input.replaces === null) throw new FigureExistsError(seen, stamp);
			if (input.replaces !== stamp) {
				const last = await figureLastSaved(trx, stored.id);
				throw new StaleRecordError(last.by, last.at);
			}
			const same =
				seen.amountKes === next.amountKes &&
				seen.sourceTitle === next.sourceTitle &&
				seen.sourceUrl === next.sourceUrl;
			if (same) return { kind: 'unchanged', figureId: stored.id };
			if (!(await updateFigureIfUnchanged(trx, stored.id, seen, next))) {
				const last = await figureLastSaved(trx, stored.id);
				throw new StaleRecordError(last.by, last.at);
			}
			await recordAudit(trx, actor, {
				action: 'budget_figure.corrected',
				entityId: stored.id,
				before: { ...seen, illustrative: stored.illustrative },
				after: next
			});
			result = { kind: 'corrected', figureId: stored.id };
		}
		const commitments = await commitmentIdsOnLine(trx, line.id);
		if (commitments.length > 0) await refreshFundingStatuses(trx, commitments);
		// Each commitment on the line: its followers hear of the figure (drafts are skipped there),
		// one message per commitment. A figure has no version: the time of the save tells one
		// correction from the next.
		const at = new Date().toISOString();
		const detail = {
			kind: 'figure' as const,
			change: result.kind === 'added' ? ('added' as const) : ('corrected' as const),
			line: budgetLineName(line),
			phase: input.phase,
			asOf: input.asOf,
			amountKes: input.amountKes
		};
		for (const id of commitments) {
			const key = `figure:${result.figureId}:c${id}:${at}`;
			await enqueueChangeAlerts(trx, id, { key, note: null, detail });
		}
		return result;
	});
}
