// Account use cases: each write and its audit row in one transaction. Password hashing (slow
// by design) runs before the transaction opens, so no write lock is held while it works.
// Relative imports only: the command-line scripts and seeds use this module too.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import { InputError, NotFoundError, StaleRecordError } from '../errors';
import { forgetUserDevices } from '../auth/device';
import { hashPassword, passwordPolicyError, verifyPassword } from '../auth/password';
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
import {
	countOrganisationsById,
	dropUnusedInvitations,
	findInvitation,
	insertInvitation,
	replaceUserOrganisations,
	useInvitation
} from '../queries/ministry';
import { m } from '../../paraglide/messages';

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	committeeIds: number[];
	/** A ministry user's organisations (at least one); ignored for other roles. */
	organisationIds?: number[];
	password: string;
	/** True for a temporary password set by an admin (the usual case). */
	mustChangePassword: boolean;
}

/** A ministry user answers for at least one organisation; other roles for none. */
async function checkOrganisations(db: Kysely<DB>, role: Role, ids: number[]): Promise<number[]> {
	if (role !== 'ministry') return [];
	const unique = [...new Set(ids)];
	if (unique.length === 0) throw InputError.of('organisations', m.svc_us_ministry_organisation());
	if ((await countOrganisationsById(db, unique)) !== unique.length) {
		throw InputError.of('organisations', m.svc_us_organisations_list());
	}
	return unique;
}

/** Clerks need at least one committee; admins and ministries have none. */
async function checkCommittees(db: Kysely<DB>, role: Role, ids: number[]): Promise<number[]> {
	const unique = [...new Set(ids)];
	if (role === 'admin' || role === 'ministry') return [];
	if (role === 'clerk' && unique.length === 0) {
		throw InputError.of('committees', m.svc_us_clerk_committee());
	}
	if ((await countCommitteesById(db, unique)) !== unique.length) {
		throw InputError.of('committees', m.svc_us_committees_list());
	}
	return unique;
}

function auditView(
	u: { email: string; name: string; role: Role },
	committeeIds: number[],
	organisationIds: number[] = []
) {
	return {
		email: u.email,
		name: u.name,
		role: u.role,
		committeeIds: [...committeeIds].sort(),
		...(u.role === 'ministry' ? { organisationIds: [...organisationIds].sort() } : {})
	};
}

export async function createUser(db: Kysely<DB>, actor: Actor, input: NewUser): Promise<number> {
	const passwordHash = await hashPassword(input.password);
	return db.transaction().execute((trx) => createUserIn(trx, actor, input, passwordHash));
}

/** createUser inside the caller's transaction, with the password already hashed. */
async function createUserIn(
	trx: Transaction<DB>,
	actor: Actor,
	input: Omit<NewUser, 'password'>,
	passwordHash: string
): Promise<number> {
	const email = input.email.trim().toLowerCase();
	const committeeIds = await checkCommittees(trx, input.role, input.committeeIds);
	const organisationIds = await checkOrganisations(trx, input.role, input.organisationIds ?? []);
	{
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
		if (organisationIds.length > 0) await replaceUserOrganisations(trx, id, organisationIds);
		await recordAudit(trx, actor, {
			action: 'user.created',
			entityId: id,
			after: {
				...auditView({ email, name: input.name, role: input.role }, committeeIds, organisationIds),
				mustChangePassword: input.mustChangePassword
			}
		});
		return id;
	}
}

const INVITATION_DAYS = 14;

function tokenHashOf(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Invites someone (a ministry's liaison officer, usually): the account is created without a
 * usable password, and a one-time link, valid for 14 days, lets its holder choose one. Only the
 * SHA-256 of the link's token is stored; the link itself is returned once, to be handed over.
 */
export async function inviteUser(
	db: Kysely<DB>,
	actor: Actor,
	input: Omit<NewUser, 'password' | 'mustChangePassword'>
): Promise<{ userId: number; token: string; expiresAt: string }> {
	// Nobody knows this password: the account can only be entered through the invitation.
	const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
	const userId = await db.transaction().execute(async (trx) => {
		const id = await createUserIn(
			trx,
			actor,
			{ ...input, mustChangePassword: false },
			passwordHash
		);
		await insertInvitation(trx, {
			tokenHash: tokenHashOf(token),
			userId: id,
			createdBy: actor.id,
			expiresAt
		});
		await recordAudit(trx, actor, {
			action: 'invitation.created',
			entityId: id,
			after: { expiresAt }
		});
		return id;
	});
	return { userId, token, expiresAt };
}

/** A new link for an invited user who lost theirs; the old unused ones stop working. */
export async function reinviteUser(
	db: Kysely<DB>,
	actor: Actor,
	userId: number
): Promise<{ token: string; expiresAt: string }> {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000).toISOString();
	await db.transaction().execute(async (trx) => {
		if (!(await getUser(trx, userId))) throw new NotFoundError();
		await dropUnusedInvitations(trx, userId);
		await insertInvitation(trx, {
			tokenHash: tokenHashOf(token),
			userId,
			createdBy: actor.id,
			expiresAt
		});
		await recordAudit(trx, actor, {
			action: 'invitation.created',
			entityId: userId,
			after: { expiresAt }
		});
	});
	return { token, expiresAt };
}

/** The invitation behind a link, while it may still be used; null otherwise (said the same way). */
export async function openInvitation(db: Kysely<DB>, token: string, now = new Date()) {
	const row = await findInvitation(db, tokenHashOf(token));
	if (!row || row.used_at !== null || row.disabled_at !== null) return null;
	if (row.expires_at <= now.toISOString()) return null;
	return { userId: row.user_id, email: row.email, name: row.name };
}

/** Sets the invited person's password and uses the link up; returns the user's id. */
export async function acceptInvitation(
	db: Kysely<DB>,
	token: string,
	password: string
): Promise<number> {
	const invitation = await openInvitation(db, token);
	if (!invitation) throw new NotFoundError();
	const policy = passwordPolicyError(password, m.account_new_password());
	if (policy) throw InputError.of('new_password', policy);
	const passwordHash = await hashPassword(password);
	await db.transaction().execute(async (trx) => {
		if (!(await useInvitation(trx, tokenHashOf(token)))) throw new NotFoundError();
		await setUserPassword(trx, invitation.userId, passwordHash, false);
		await invalidateUserSessions(trx, invitation.userId);
		await recordAudit(
			trx,
			{ id: invitation.userId, label: `${invitation.name} <${invitation.email}>` },
			{
				action: 'invitation.accepted',
				entityId: invitation.userId
			}
		);
	});
	return invitation.userId;
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
		// A ministry user is made by invitation, which names its organisation.
		if (input.role === 'ministry' && before.role !== 'ministry') {
			throw InputError.of('role', m.svc_us_ministry_organisation());
		}
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
