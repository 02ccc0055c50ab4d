// Account use cases: each write and its audit row in one transaction. Password hashing (slow
// by design) runs before the transaction opens, so no write lock is held while it works.
// Relative imports only: the command-line scripts and seeds use this module too.
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import { forgetUserDevices } from '../auth/device';
import { hashPassword, verifyPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import type { DB, Role } from '../db/schema';
import {
	countCommitteesById,
	emailExists,
	getPasswordHash,
	getUser,
	insertUser,
	replaceUserCommittees,
	setUserDisabledAt,
	setUserPassword,
	updateUserProfile
} from '../queries/users';
import { m } from '../../paraglide/messages';

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	committeeIds: number[];
	password: string;
	/** True for a temporary password set by an admin (the usual case). */
	mustChangePassword: boolean;
}

/** Clerks need at least one committee; admins have none (they edit everything). */
async function checkCommittees(db: Kysely<DB>, role: Role, ids: number[]): Promise<number[]> {
	const unique = [...new Set(ids)];
	if (role === 'admin') return [];
	if (role === 'clerk' && unique.length === 0) {
		throw InputError.of('committees', m.svc_us_clerk_committee());
	}
	if ((await countCommitteesById(db, unique)) !== unique.length) {
		throw InputError.of('committees', m.svc_us_committees_list());
	}
	return unique;
}

function auditView(u: { email: string; name: string; role: Role }, committeeIds: number[]) {
	return { email: u.email, name: u.name, role: u.role, committeeIds: [...committeeIds].sort() };
}

export async function createUser(db: Kysely<DB>, actor: Actor, input: NewUser): Promise<number> {
	const email = input.email.trim().toLowerCase();
	const committeeIds = await checkCommittees(db, input.role, input.committeeIds);
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute(async (trx) => {
		if (await emailExists(trx, email)) {
			throw InputError.of('email', m.svc_us_email_taken());
		}
		const id = await insertUser(trx, {
			email,
			name: input.name,
			role: input.role,
			passwordHash,
			mustChangePassword: input.mustChangePassword
		});
		await replaceUserCommittees(trx, id, committeeIds);
		await recordAudit(trx, actor, {
			action: 'user.created',
			entityId: id,
			after: {
				...auditView({ email, name: input.name, role: input.role }, committeeIds),
				mustChangePassword: input.mustChangePassword
			}
		});
		return id;
	});
}

export async function updateUser(
	db: Kysely<DB>,
	actor: Actor,
	id: number,
	input: { name: string; role: Role; committeeIds: number[]; version: number }
): Promise<void> {
	const committeeIds = await checkCommittees(db, input.role, input.committeeIds);
	await db.transaction().execute(async (trx) => {
		const before = await getUser(trx, id);
		if (!before) throw new NotFoundError();
		const ok = await updateUserProfile(trx, id, input.version, input);
		if (!ok) throw new StaleRecordError();
		await replaceUserCommittees(trx, id, committeeIds);
		await recordAudit(trx, actor, {
			action: 'user.updated',
			entityId: id,
			before: auditView(
				before,
				before.committees.map((c) => c.id)
			),
			after: auditView({ ...before, ...input }, committeeIds)
		});
	});
}

/** Disabling ends every session of the user in the same transaction. */
export async function setUserDisabled(
	db: Kysely<DB>,
	actor: Actor,
	id: number,
	disabled: boolean
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const before = await getUser(trx, id);
		if (!before) throw new NotFoundError();
		const disabledAt = disabled ? new Date().toISOString() : null;
		await setUserDisabledAt(trx, id, disabledAt);
		if (disabled) await invalidateUserSessions(trx, id);
		await recordAudit(trx, actor, {
			action: disabled ? 'user.disabled' : 'user.enabled',
			entityId: id,
			before: { disabledAt: before.disabledAt },
			after: { disabledAt }
		});
	});
}

/**
 * An admin sets a temporary password: it must be changed at next sign-in; sessions end and no
 * browser stays trusted for signing in.
 */
export async function setTemporaryPassword(
	db: Kysely<DB>,
	actor: Actor,
	id: number,
	password: string
): Promise<void> {
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		if (!(await getUser(trx, id))) throw new NotFoundError();
		await setUserPassword(trx, id, passwordHash, true);
		await invalidateUserSessions(trx, id);
		await forgetUserDevices(trx, id);
		await recordAudit(trx, actor, {
			action: 'user.temporary_password_set',
			entityId: id,
			after: { mustChangePassword: true }
		});
	});
}

/**
 * A user changes their own password. Every session of theirs ends (the caller opens a fresh
 * one for the browser in use) and every trusted device is forgotten, so a stolen cookie dies
 * with the old password.
 */
export async function changeOwnPassword(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	currentPassword: string,
	newPassword: string
): Promise<void> {
	const currentHash = await getPasswordHash(db, actor.id);
	if (!currentHash || !(await verifyPassword(currentHash, currentPassword))) {
		throw InputError.of('current_password', m.svc_us_current_wrong());
	}
	if (currentPassword === newPassword) {
		throw InputError.of('new_password', m.svc_us_must_differ());
	}
	const passwordHash = await hashPassword(newPassword);
	await db.transaction().execute(async (trx) => {
		await setUserPassword(trx, actor.id, passwordHash, false);
		await invalidateUserSessions(trx, actor.id);
		await forgetUserDevices(trx, actor.id);
		await recordAudit(trx, actor, {
			action: 'user.password_changed',
			entityId: actor.id
		});
	});
}
