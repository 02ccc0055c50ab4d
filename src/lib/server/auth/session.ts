// Sessions as the Lucia authors now recommend (lucia-auth.com, "Sessions"): a random token
// in the cookie, only its SHA-256 stored, sliding expiry. No dependency on the deprecated
// `lucia` package.
import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import type { DB, Role } from '../db/schema';

export const SESSION_COOKIE = 'ahadi_session';
const DAY_MS = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
const RENEW_WITHIN_MS = 15 * DAY_MS;

export interface SessionUser {
	id: number;
	email: string;
	name: string;
	role: Role;
	mustChangePassword: boolean;
	committeeIds: number[];
	/** The organisations a ministry user answers for (empty for every other role). */
	organisationIds: number[];
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored id of a session: SHA-256 of its token, hex (Node's native hash: this runs on
 * every signed-in request, and a hash in JavaScript cost about 0.15 ms of it). */
export function sessionIdOf(token: string): string {
	return createHash('sha256').update(token, 'utf8').digest('hex');
}

export async function createSession(
	db: Kysely<DB>,
	token: string,
	userId: number,
	now = Date.now()
): Promise<Session> {
	const session = {
		id: sessionIdOf(token),
		userId,
		expiresAt: new Date(now + SESSION_LIFETIME_MS)
	};
	await db
		.insertInto('sessions')
		.values({ id: session.id, user_id: userId, expires_at: session.expiresAt.getTime() })
		.execute();
	return session;
}

/**
 * Looks the session up by the hash of the token (the lookup is by primary key, so no secret is
 * compared in application code), ends expired or disabled-user sessions, and slides the expiry.
 */
export async function validateSessionToken(db: Kysely<DB>, token: string, now = Date.now()) {
	const id = sessionIdOf(token);
	const row = await db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.user_id')
		.select([
			'sessions.id as session_id',
			'sessions.expires_at',
			'users.id as user_id',
			'users.email',
			'users.name',
			'users.role',
			'users.must_change_password',
			'users.disabled_at'
		])
		.where('sessions.id', '=', id)
		.executeTakeFirst();
	if (!row) return { session: null, user: null };
	if (now >= row.expires_at || row.disabled_at !== null) {
		await db.deleteFrom('sessions').where('id', '=', id).execute();
		return { session: null, user: null };
	}
	const session: Session = { id, userId: row.user_id, expiresAt: new Date(row.expires_at) };
	if (now >= row.expires_at - RENEW_WITHIN_MS) {
		session.expiresAt = new Date(now + SESSION_LIFETIME_MS);
		await db
			.updateTable('sessions')
			.set({ expires_at: session.expiresAt.getTime() })
			.where('id', '=', id)
			.execute();
	}
	const [committees, organisations] = await Promise.all([
		db
			.selectFrom('user_committees')
			.select('committee_id')
			.where('user_id', '=', row.user_id)
			.execute(),
		row.role === 'ministry'
			? db
					.selectFrom('user_organisations')
					.select('organisation_id')
					.where('user_id', '=', row.user_id)
					.execute()
			: []
	]);
	const user: SessionUser = {
		id: row.user_id,
		email: row.email,
		name: row.name,
		role: row.role,
		mustChangePassword: row.must_change_password === 1,
		committeeIds: committees.map((c) => c.committee_id),
		organisationIds: organisations.map((o) => o.organisation_id)
	};
	return { session, user };
}

export type SessionValidationResult = Awaited<ReturnType<typeof validateSessionToken>>;

export async function invalidateSession(db: Kysely<DB>, sessionId: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function invalidateUserSessions(
	db: Kysely<DB>,
	userId: number,
	exceptSessionId?: string
): Promise<void> {
	let q = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (exceptSessionId) q = q.where('id', '<>', exceptSessionId);
	await q.execute();
}

export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: Date,
	secure: boolean
) {
	cookies.set(SESSION_COOKIE, token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure });
}
