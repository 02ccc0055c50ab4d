// Committee scope for the clerk workspace: a record outside the user's committees is treated as
// missing (the route answers 404), so ids typed into a URL or a form reveal nothing.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { canEditCommittee } from './access';

type Editor = { role: import('../db/schema').Role; committeeIds: readonly number[] };

export async function findEditableCommitment(db: Kysely<DB>, user: Editor | null, id: number) {
	if (!Number.isSafeInteger(id) || id < 1) return null;
	const row = await db
		.selectFrom('commitments')
		.selectAll()
		.where('id', '=', id)
		.executeTakeFirst();
	return row && canEditCommittee(user, row.committee_id) ? row : null;
}

export async function findEditableSitting(db: Kysely<DB>, user: Editor | null, id: number) {
	if (!Number.isSafeInteger(id) || id < 1) return null;
	const row = await db.selectFrom('sittings').selectAll().where('id', '=', id).executeTakeFirst();
	return row && canEditCommittee(user, row.committee_id) ? row : null;
}

/** Parses a route id parameter: a positive integer, or null. */
export function parseId(param: string): number | null {
	return /^[1-9]\d{0,15}$/.test(param) && Number.isSafeInteger(Number(param))
		? Number(param)
		: null;
}
