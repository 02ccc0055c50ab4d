import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';
import {
	deleteOwnPrivateNote,
	deleteWatch,
	insertPrivateNote,
	insertWatch,
	isWatching
} from '../queries/mp-private';

export async function setWatching(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	commitmentId: number,
	watching: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		if (watching === (await isWatching(trx, actor.id, commitmentId))) return;
		if (watching) {
			await insertWatch(trx, actor.id, commitmentId, new Date().toISOString());
		} else {
			await deleteWatch(trx, actor.id, commitmentId);
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
		const id = await insertPrivateNote(trx, {
			userId: actor.id,
			commitmentId,
			body,
			at: new Date().toISOString()
		});
		// The audit log records that a note was written, not what it says: notes are private.
		await recordAudit(trx, actor, {
			action: 'private_note.created',
			entityId: id,
			after: { commitment_id: commitmentId, length: body.length }
		});
		return id;
	});
}

/** Deletes one of the actor's own notes; returns false when there is no such note of theirs. */
export async function deletePrivateNote(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	noteId: number
): Promise<boolean> {
	return db.transaction().execute(async (trx) => {
		if (!(await deleteOwnPrivateNote(trx, actor.id, noteId))) return false;
		await recordAudit(trx, actor, { action: 'private_note.deleted', entityId: noteId });
		return true;
	});
}
