// What the derived funding status is computed from (funding links and budget figures) and the
// stored column it is written to. Every id list is split so that no statement binds more than
// IN_LIST_MAX parameters, whatever the number of commitments.
import type { Kysely, Transaction } from 'kysely';
import type { DB, FundingStatus } from '../db/schema';

type Handle = Kysely<DB> | Transaction<DB>;

/** Bound on an `in (...)` list, well under SQLite's and PostgreSQL's parameter limits. */
const IN_LIST_MAX = 500;

function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

export interface CommitmentFundingStatus {
	id: number;
	funding_status: FundingStatus;
}

export async function listFundingStatuses(
	db: Handle,
	commitmentIds: readonly number[]
): Promise<CommitmentFundingStatus[]> {
	const rows: CommitmentFundingStatus[] = [];
	for (const ids of chunk(commitmentIds, IN_LIST_MAX)) {
		rows.push(
			...(await db
				.selectFrom('commitments')
				.select(['id', 'funding_status'])
				.where('id', 'in', ids)
				.execute())
		);
	}
	return rows;
}

/** One page of commitments after `afterId`, in id order (keyset pagination: an index range). */
export async function pageFundingStatuses(
	db: Handle,
	afterId: number,
	limit: number
): Promise<CommitmentFundingStatus[]> {
	return db
		.selectFrom('commitments')
		.select(['id', 'funding_status'])
		.where('id', '>', afterId)
		.orderBy('id')
		.limit(limit)
		.execute();
}

export async function listLinksOfCommitments(db: Handle, commitmentIds: readonly number[]) {
	const rows: { commitment_id: number; budget_line_id: number }[] = [];
	for (const ids of chunk(commitmentIds, IN_LIST_MAX)) {
		rows.push(
			...(await db
				.selectFrom('funding_links')
				.select(['commitment_id', 'budget_line_id'])
				.where('commitment_id', 'in', ids)
				.execute())
		);
	}
	return rows;
}

export async function listFiguresOfLines(db: Handle, lineIds: readonly number[]) {
	const rows = [];
	for (const ids of chunk(lineIds, IN_LIST_MAX)) {
		rows.push(
			...(await db
				.selectFrom('budget_figures')
				.select(['budget_line_id', 'phase', 'amount_kes', 'as_of'])
				.where('budget_line_id', 'in', ids)
				.execute())
		);
	}
	return rows;
}

/**
 * Sets the status of these commitments where it differs; returns how many rows changed.
 * Neither version nor updated_at is touched: a derived refresh is not an edit, and bumping the
 * version would make a clerk's open form fail its concurrency check.
 */
export async function setFundingStatus(
	db: Handle,
	commitmentIds: readonly number[],
	status: FundingStatus
): Promise<number> {
	let changed = 0;
	for (const ids of chunk(commitmentIds, IN_LIST_MAX)) {
		const result = await db
			.updateTable('commitments')
			.set({ funding_status: status })
			.where('id', 'in', ids)
			.where('funding_status', '<>', status)
			.executeTakeFirst();
		changed += Number(result.numUpdatedRows);
	}
	return changed;
}
