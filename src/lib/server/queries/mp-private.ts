// An MP's own watchlist and notes: every query is scoped by user id, so one MP never sees
// another's.
import type { Kysely, Transaction } from 'kysely';
import { daysOverdue } from '$lib/domain';
import type { DB } from '../db/schema';
import { latestUpdateColumn } from './commitment-search';
import { latestGrantedUntil } from './deadline-sql';

export async function getPrivateView(db: Kysely<DB>, userId: number, commitmentId: number) {
	const [watch, notes] = await Promise.all([
		db
			.selectFrom('watchlist')
			.select('created_at')
			.where('user_id', '=', userId)
			.where('commitment_id', '=', commitmentId)
			.executeTakeFirst(),
		db
			.selectFrom('private_notes')
			.select(['id', 'body', 'created_at', 'updated_at'])
			.where('user_id', '=', userId)
			.where('commitment_id', '=', commitmentId)
			.orderBy('created_at', 'desc')
			.orderBy('id', 'desc')
			.execute()
	]);
	return { watching: watch !== undefined, notes };
}

/**
 * The user's watchlist in one query: each watched commitment that is still public (a withdrawn
 * one stays, marked; a draft never shows), with its latest update, its latest granted extension
 * and the count of this user's notes on it, and how many days it is overdue `today`.
 */
export async function listWatchlist(db: Kysely<DB>, userId: number, today: string) {
	const rows = await db
		.selectFrom('watchlist as w')
		.innerJoin('commitments as c', 'c.id', 'w.commitment_id')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.select((eb) => [
			'c.id',
			'c.ref',
			'c.title',
			'c.visibility',
			'c.due_on',
			'c.delivery_status',
			'c.procedural_status',
			'c.funding_status',
			'k.name as committee_name',
			'k.abbreviation as committee_abbreviation',
			'w.created_at as watched_at',
			latestGrantedUntil(eb).as('granted_until'),
			latestUpdateColumn(eb, 'u.update_on').as('latest_update_on'),
			latestUpdateColumn(eb, 'u.note').as('latest_update_note'),
			eb
				.selectFrom('private_notes as n')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('n.commitment_id', '=', 'c.id')
				.where('n.user_id', '=', userId)
				.as('notes')
		])
		.where('w.user_id', '=', userId)
		.where('c.visibility', 'in', ['published', 'withdrawn'])
		.orderBy('c.ref')
		.execute();
	return rows.map((r) => {
		const grantedUntil = (r.granted_until as string | null) ?? null;
		const withdrawn = r.visibility === 'withdrawn';
		return {
			id: r.id,
			ref: r.ref,
			title: r.title,
			withdrawn,
			dueOn: r.due_on,
			deliveryStatus: r.delivery_status,
			proceduralStatus: r.procedural_status,
			fundingStatus: r.funding_status,
			committee: { name: r.committee_name, abbreviation: r.committee_abbreviation },
			watchedAt: r.watched_at,
			grantedUntil,
			// A withdrawn commitment is no longer tracked, so it is never overdue.
			daysOverdue: withdrawn
				? null
				: daysOverdue(
						{
							dueOn: r.due_on,
							deliveryStatus: r.delivery_status,
							grantedExtensionsUntil: grantedUntil ? [grantedUntil] : []
						},
						today
					),
			latestUpdate:
				r.latest_update_on && r.latest_update_note !== null
					? { on: r.latest_update_on, note: r.latest_update_note }
					: null,
			notes: Number(r.notes ?? 0)
		};
	});
}

export async function isWatching(
	db: Kysely<DB> | Transaction<DB>,
	userId: number,
	commitmentId: number
): Promise<boolean> {
	const row = await db
		.selectFrom('watchlist')
		.select('commitment_id')
		.where('user_id', '=', userId)
		.where('commitment_id', '=', commitmentId)
		.executeTakeFirst();
	return row !== undefined;
}

export async function insertWatch(
	trx: Transaction<DB>,
	userId: number,
	commitmentId: number,
	at: string
): Promise<void> {
	await trx
		.insertInto('watchlist')
		.values({ user_id: userId, commitment_id: commitmentId, created_at: at })
		.execute();
}

export async function deleteWatch(
	trx: Transaction<DB>,
	userId: number,
	commitmentId: number
): Promise<void> {
	await trx
		.deleteFrom('watchlist')
		.where('user_id', '=', userId)
		.where('commitment_id', '=', commitmentId)
		.execute();
}

export async function insertPrivateNote(
	trx: Transaction<DB>,
	note: { userId: number; commitmentId: number; body: string; at: string }
): Promise<number> {
	const row = await trx
		.insertInto('private_notes')
		.values({
			user_id: note.userId,
			commitment_id: note.commitmentId,
			body: note.body,
			created_at: note.at,
			updated_at: note.at
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/** Deletes the note only when it is `userId`'s own; false when there is no such note of theirs. */
export async function deleteOwnPrivateNote(
	trx: Transaction<DB>,
	userId: number,
	noteId: number
): Promise<boolean> {
	const result = await trx
		.deleteFrom('private_notes')
		.where('id', '=', noteId)
		.where('user_id', '=', userId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) > 0;
}
