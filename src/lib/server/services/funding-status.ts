// Funding status is derived from funding links and budget figures, never typed in. This keeps the
// stored column (used for filters and lists) in step with the figures after any change to links,
// figures or budget lines.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import {
	listFiguresOfLines,
	listFundingStatuses,
	listLinksOfCommitments,
	pageFundingStatuses,
	setFundingStatus
} from '../queries/funding-status';
import {
	deriveFundingStatus,
	summariseLine,
	type FigureInput,
	type FundingStatus,
	type LineSummary
} from '../../domain/index';

type Db = Kysely<DB> | Transaction<DB>;

/** Commitments handled per round: bounds memory and statement size at 100,000 commitments. */
const COMMITMENT_BATCH = 2_000;

function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

/** Adds to `cache` the summaries of lines not yet in it. */
async function loadLineSummaries(
	db: Db,
	lineIds: Iterable<number>,
	cache: Map<number, LineSummary>
): Promise<void> {
	const missing = [...new Set(lineIds)].filter((id) => !cache.has(id));
	if (missing.length === 0) return;
	const byLine = new Map<number, FigureInput[]>();
	for (const f of await listFiguresOfLines(db, missing)) {
		const list = byLine.get(f.budget_line_id) ?? [];
		list.push({ phase: f.phase, amountKes: Number(f.amount_kes), asOf: f.as_of });
		byLine.set(f.budget_line_id, list);
	}
	// Lines without figures are cached too, so they are not queried again next batch.
	for (const id of missing) cache.set(id, summariseLine(byLine.get(id) ?? []));
}

/** Computes and stores the status of one batch; returns how many rows changed. */
async function refreshBatch(
	db: Db,
	commitments: ReadonlyArray<{ id: number; funding_status: FundingStatus }>,
	lineCache: Map<number, LineSummary>
): Promise<number> {
	if (commitments.length === 0) return 0;
	const links = await listLinksOfCommitments(
		db,
		commitments.map((c) => c.id)
	);
	await loadLineSummaries(
		db,
		links.map((l) => l.budget_line_id),
		lineCache
	);

	const linesByCommitment = new Map<number, LineSummary[]>();
	for (const link of links) {
		// The status is read from the whole line, not the commitment's share of it: the stage a
		// line has reached does not depend on the share, and rounding a scaled figure could
		// otherwise flip 'partly_released' to 'released' by one shilling.
		const line = lineCache.get(link.budget_line_id) ?? summariseLine([]);
		const list = linesByCommitment.get(link.commitment_id) ?? [];
		list.push(line);
		linesByCommitment.set(link.commitment_id, list);
	}

	const idsByStatus = new Map<FundingStatus, number[]>();
	for (const c of commitments) {
		const status = deriveFundingStatus(linesByCommitment.get(c.id) ?? []);
		if (status === c.funding_status) continue;
		const ids = idsByStatus.get(status) ?? [];
		ids.push(c.id);
		idsByStatus.set(status, ids);
	}

	let changed = 0;
	for (const [status, ids] of idsByStatus) changed += await setFundingStatus(db, ids, status);
	return changed;
}

/**
 * Recomputes `commitments.funding_status` for the given commitments (all when omitted) and
 * writes only the ones that changed. Returns the number of rows changed.
 */
export async function refreshFundingStatuses(
	db: Kysely<DB> | Transaction<DB>,
	commitmentIds?: number[]
): Promise<number> {
	const lineCache = new Map<number, LineSummary>();
	let changed = 0;

	if (commitmentIds !== undefined) {
		const unique = [...new Set(commitmentIds)];
		for (const batch of chunk(unique, COMMITMENT_BATCH)) {
			const commitments = await listFundingStatuses(db, batch);
			changed += await refreshBatch(db, commitments, lineCache);
		}
		return changed;
	}

	// Keyset pagination keeps every page an index range scan, however many commitments exist.
	let afterId = 0;
	for (;;) {
		const commitments = await pageFundingStatuses(db, afterId, COMMITMENT_BATCH);
		if (commitments.length === 0) break;
		changed += await refreshBatch(db, commitments, lineCache);
		afterId = commitments[commitments.length - 1]!.id;
		if (commitments.length < COMMITMENT_BATCH) break;
	}
	return changed;
}
