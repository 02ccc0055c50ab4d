import type { Kysely } from 'kysely';
import { daysOverdue, deliveryProgress, todayInNairobi } from '$lib/domain';
import type { DB } from '../db/schema';
import {
	listGrantedExtensions,
	listMilestoneFacts,
	type CommitmentRow
} from '../queries/commitments';

export interface CommitmentCard extends CommitmentRow {
	progress: number | null;
	milestoneCount: number;
	daysOverdue: number | null;
}

/** Adds progress and overdue (both derived, never stored) to a page of rows: two queries. */
export async function withProgressAndOverdue(
	db: Kysely<DB>,
	rows: CommitmentRow[],
	today = todayInNairobi()
): Promise<CommitmentCard[]> {
	const ids = rows.map((r) => r.id);
	const [milestones, extensions] = await Promise.all([
		listMilestoneFacts(db, ids),
		listGrantedExtensions(db, ids)
	]);
	return rows.map((row) => {
		const own = milestones.filter((m) => m.commitmentId === row.id);
		const until = extensions.filter((e) => e.commitmentId === row.id).map((e) => e.grantedUntil);
		return {
			...row,
			progress: deliveryProgress(own),
			milestoneCount: own.length,
			daysOverdue: daysOverdue(
				{ dueOn: row.dueOn, deliveryStatus: row.deliveryStatus, grantedExtensionsUntil: until },
				today
			)
		};
	});
}
