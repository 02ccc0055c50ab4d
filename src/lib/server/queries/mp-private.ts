// An MP's own watchlist and notes: every query is scoped by user id, so one MP never sees
// another's.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

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
