// Lists of commitments show a money badge; when every funding link of a commitment is indicative
// it names the line's status as the line's (isIndicativeOnly). One query for the whole list.
import type { Kysely } from 'kysely';
import { isIndicativeOnly, type FundingBasis } from '$lib/domain';
import type { DB } from '../db/schema';
import { listFundingBases } from '../queries/funding-links';

export async function markIndicativeOnly<R extends { id: number }>(
	db: Kysely<DB>,
	rows: readonly R[]
): Promise<(R & { indicativeOnly: boolean })[]> {
	const bases = new Map<number, FundingBasis[]>();
	for (const l of await listFundingBases(
		db,
		rows.map((r) => r.id)
	)) {
		bases.set(l.commitment_id, [...(bases.get(l.commitment_id) ?? []), l.basis]);
	}
	return rows.map((r) => ({ ...r, indicativeOnly: isIndicativeOnly(bases.get(r.id) ?? []) }));
}
