// Checking credentials and opening or closing a session, with the audit row for each.
import type { Kysely } from 'kysely';
import { actorOf, recordAudit } from '../audit';
import { trustDevice, type TrustedDevice } from '../auth/device';
import { verifyAgainstDummy, verifyPassword } from '../auth/password';
import { createSession, invalidateSession, type Session } from '../auth/session';
import type { DB, Role } from '../db/schema';
import { findUserForSignIn } from '../queries/users';

export interface SignInUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	mustChangePassword: boolean;
}

/**
 * The account for this email and password, or null. Always does one Argon2 verification, even
 * for an unknown email (against a dummy hash), so the time taken does not reveal whether an
 * account exists; a disabled account answers like a wrong password.
 */
export async function checkCredentials(
	db: Kysely<DB>,
	email: string,
	password: string
): Promise<SignInUser | null> {
	const user = await findUserForSignIn(db, email);
	if (!user) return verifyAgainstDummy(password).then(() => null);
	const valid = await verifyPassword(user.password_hash, password);
	if (!valid || user.disabled_at !== null) return null;
	return {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		mustChangePassword: user.must_change_password === 1
	};
}

/**
 * Opens a session for `token` (see generateSessionToken), trusts this browser for the account
 * (keeping its device when `deviceToken` is already trusted for this user), and records the
 * sign-in, all in one transaction. The caller sets both cookies.
 */
export async function startSession(
	db: Kysely<DB>,
	user: { id: number; email: string; name: string },
	token: string,
	deviceToken?: string
): Promise<{ session: Session; device: TrustedDevice }> {
	return db.transaction().execute(async (trx) => {
		const session = await createSession(trx, token, user.id);
		const { known, ...device } = await trustDevice(trx, user.id, deviceToken);
		await recordAudit(trx, actorOf(user), {
			action: 'session.started',
			entityId: user.id,
			after: { device: known ? 'trusted' : 'new' }
		});
		return { session, device };
	});
}

export async function endSession(
	db: Kysely<DB>,
	user: { id: number; email: string; name: string },
	sessionId: string
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await invalidateSession(trx, sessionId);
		await recordAudit(trx, actorOf(user), {
			action: 'session.ended',
			entityId: user.id
		});
	});
}
