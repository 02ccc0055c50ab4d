import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Every committee with its chair and its members (users assigned to it), in two queries. */
export async function listCommitteesWithMembers(db: Kysely<DB>) {
	const [committees, members] = await Promise.all([
		db
			.selectFrom('committees as k')
			.leftJoin('people as p', 'p.id', 'k.chair_person_id')
			.select([
				'k.id',
				'k.slug',
				'k.name',
				'k.abbreviation',
				'k.house',
				'k.chair_person_id',
				'p.name as chair'
			])
			.orderBy('k.house')
			.orderBy('k.name')
			.execute(),
		db
			.selectFrom('user_committees as uc')
			.innerJoin('users as u', 'u.id', 'uc.user_id')
			.select(['uc.committee_id', 'u.id', 'u.name', 'u.role', 'u.disabled_at'])
			.orderBy('u.name')
			.execute()
	]);
	return committees.map((k) => ({
		...k,
		members: members.filter((m) => m.committee_id === k.id)
	}));
}

export async function listPeopleForChair(db: Kysely<DB>) {
	return db
		.selectFrom('people')
		.select(['id', 'name'])
		.where('retired_at', 'is', null)
		.orderBy('name')
		.execute();
}
