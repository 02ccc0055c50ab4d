import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';

export async function setWatching(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	commitmentId: number,
	watching: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const existing = await trx
			.selectFrom('watchlist')
			.select('commitment_id')
			.where('user_id', '=', actor.id)
			.where('commitment_id', '=', commitmentId)
			.executeTakeFirst();
		if (watching === (existing !== undefined)) return;
		if (watching) {
			await trx
				.insertInto('watchlist')
				.values({
					user_id: actor.id,
					commitment_id: commitmentId,
					created_at: new Date().toISOString()
				})
				.execute();
		} else {
			await trx
				.deleteFrom('watchlist')
				.where('user_id', '=', actor.id)
				.where('commitment_id', '=', commitmentId)
				.execute();
		}
		await recordAudit(trx, actor, {
			action: watching ? 'watchlist.added' : 'watchlist.removed',
			entityId: commitmentId
		});
	});
}

export async function addPrivateNote(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	commitmentId: number,
	body: string
): Promise<number> {
	return db.transaction().execute(async (trx) => {
		const now = new Date().toISOString();
		const row = await trx
			.insertInto('private_notes')
			.values({
				user_id: actor.id,
				commitment_id: commitmentId,
				body,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// The audit log records that a note was written, not what it says: notes are private.
		await recordAudit(trx, actor, {
			action: 'private_note.created',
			entityId: row.id,
			after: { commitment_id: commitmentId, length: body.length }
		});
		return row.id;
	});
}

/** Deletes one of the actor's own notes; returns false when there is no such note of theirs. */
export async function deletePrivateNote(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	noteId: number
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		const result = await trx
			.deleteFrom('private_notes')
			.where('id', '=', noteId)
			.where('user_id', '=', actor.id)
			.executeTakeFirst();
		if (Number(result.numDeletedRows) === 0) return false;
		await recordAudit(trx, actor, { action: 'private_note.deleted', entityId: noteId });
		return true;
	});
}
