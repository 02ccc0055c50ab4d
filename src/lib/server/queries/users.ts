// All SQL about user accounts and their committee memberships. Relative imports only: the
// command-line scripts use this module too.
import type { Kysely, Transaction } from 'kysely';
import type { DB, Role } from '../db/schema';

export interface CommitteeOption {
	id: number;
	slug: string;
	name: string;
	abbreviation: string;
}

export interface UserSummary {
	id: number;
	email: string;
	name: string;
	role: Role;
	mustChangePassword: boolean;
	disabledAt: string | null;
	version: number;
	createdAt: string;
	updatedAt: string;
	committees: CommitteeOption[];
}

/** What sign-in needs. The only function here that returns a password hash. */
export async function findUserForSignIn(db: Kysely<DB>, email: string) {
	return db
		.selectFrom('users')
		.select(['id', 'email', 'name', 'role', 'password_hash', 'must_change_password', 'disabled_at'])
		.where('email', '=', email)
		.executeTakeFirst();
}

export async function getPasswordHash(db: Kysely<DB>, userId: number): Promise<string | null> {
	const row = await db
		.selectFrom('users')
		.select('password_hash')
		.where('id', '=', userId)
		.executeTakeFirst();
	return row?.password_hash ?? null;
}

export async function emailExists(db: Kysely<DB>, email: string): Promise<boolean> {
	const row = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', email)
		.executeTakeFirst();
	return row !== undefined;
}

const userColumns = [
	'id',
	'email',
	'name',
	'role',
	'must_change_password',
	'disabled_at',
	'version',
	'created_at',
	'updated_at'
] as const;

async function committeesOf(db: Kysely<DB>, userIds: number[]) {
	if (userIds.length === 0) return new Map<number, CommitteeOption[]>();
	const rows = await db
		.selectFrom('user_committees as uc')
		.innerJoin('committees as c', 'c.id', 'uc.committee_id')
		.select(['uc.user_id', 'c.id', 'c.slug', 'c.name', 'c.abbreviation'])
		.where('uc.user_id', 'in', userIds)
		.orderBy('c.name')
		.execute();
	const byUser = new Map<number, CommitteeOption[]>();
	for (const { user_id, ...committee } of rows) {
		const list = byUser.get(user_id) ?? [];
		list.push(committee);
		byUser.set(user_id, list);
	}
	return byUser;
}

type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['execute']>>[number];

function selectUsers(db: Kysely<DB>) {
	return db.selectFrom('users').select(userColumns);
}

function toSummary(row: UserRow, committees: CommitteeOption[]): UserSummary {
	return {
		id: row.id,
		email: row.email,
		name: row.name,
		role: row.role,
		mustChangePassword: row.must_change_password === 1,
		disabledAt: row.disabled_at,
		version: row.version,
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		committees
	};
}

export async function getUser(db: Kysely<DB>, id: number): Promise<UserSummary | null> {
	const row = await selectUsers(db).where('id', '=', id).executeTakeFirst();
	if (!row) return null;
	const committees = await committeesOf(db, [row.id]);
	return toSummary(row, committees.get(row.id) ?? []);
}

export async function getUserByEmail(db: Kysely<DB>, email: string) {
	const row = await selectUsers(db).where('email', '=', email).executeTakeFirst();
	return row ? getUser(db, row.id) : null;
}

/** One page of users, alphabetical by name, with their committees (two queries in all). */
export async function listUsers(
	db: Kysely<DB>,
	{ page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}
): Promise<{ rows: UserSummary[]; total: number }> {
	const size = Math.min(Math.max(1, pageSize), 200);
	const [rows, count] = await Promise.all([
		selectUsers(db)
			.orderBy('name')
			.orderBy('id')
			.limit(size)
			.offset((Math.max(1, page) - 1) * size)
			.execute(),
		db
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow()
	]);
	const committees = await committeesOf(
		db,
		rows.map((r) => r.id)
	);
	return {
		rows: rows.map((r) => toSummary(r, committees.get(r.id) ?? [])),
		total: Number(count.n)
	};
}

/** Everyone, for filter menus: id, name, email. */
export async function listUserOptions(db: Kysely<DB>) {
	return db.selectFrom('users').select(['id', 'name', 'email']).orderBy('name').execute();
}

export async function listCommitteeOptions(db: Kysely<DB>): Promise<CommitteeOption[]> {
	return db
		.selectFrom('committees')
		.select(['id', 'slug', 'name', 'abbreviation'])
		.orderBy('name')
		.execute();
}

export async function findCommitteesBySlug(db: Kysely<DB>, slugs: string[]) {
	if (slugs.length === 0) return [];
	return db.selectFrom('committees').select(['id', 'slug']).where('slug', 'in', slugs).execute();
}

export async function countCommitteesById(db: Kysely<DB>, ids: number[]): Promise<number> {
	if (ids.length === 0) return 0;
	const row = await db
		.selectFrom('committees')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('id', 'in', ids)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function insertUser(
	trx: Transaction<DB>,
	values: {
		email: string;
		name: string;
		role: Role;
		passwordHash: string;
		mustChangePassword: boolean;
	}
): Promise<number> {
	const row = await trx
		.insertInto('users')
		.values({
			email: values.email,
			name: values.name,
			role: values.role,
			password_hash: values.passwordHash,
			must_change_password: values.mustChangePassword ? 1 : 0
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export async function replaceUserCommittees(
	trx: Transaction<DB>,
	userId: number,
	committeeIds: readonly number[]
): Promise<void> {
	await trx.deleteFrom('user_committees').where('user_id', '=', userId).execute();
	if (committeeIds.length === 0) return;
	await trx
		.insertInto('user_committees')
		.values(committeeIds.map((committee_id) => ({ user_id: userId, committee_id })))
		.execute();
}

/**
 * Compare-and-swap on `version` (SQLite has no SELECT ... FOR UPDATE): returns false when
 * someone else changed the user since `version` was read.
 */
export async function updateUserProfile(
	trx: Transaction<DB>,
	id: number,
	version: number,
	values: { name: string; role: Role }
): Promise<boolean> {
	const result = await trx
		.updateTable('users')
		.set((eb) => ({
			name: values.name,
			role: values.role,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', id)
		.where('version', '=', version)
		.executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

export async function setUserDisabledAt(
	trx: Transaction<DB>,
	id: number,
	disabledAt: string | null
): Promise<void> {
	await trx
		.updateTable('users')
		.set((eb) => ({
			disabled_at: disabledAt,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', id)
		.execute();
}

export async function setUserPassword(
	trx: Transaction<DB>,
	id: number,
	passwordHash: string,
	mustChangePassword: boolean
): Promise<void> {
	await trx
		.updateTable('users')
		.set((eb) => ({
			password_hash: passwordHash,
			must_change_password: mustChangePassword ? 1 : 0,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', id)
		.execute();
}
