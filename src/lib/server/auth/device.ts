// Browsers trusted for signing in (OWASP Authentication Cheat Sheet, "device cookies"). After a
// successful sign-in the browser keeps a random token in an HttpOnly cookie; only its SHA-256
// is stored, with the account it was earned for. A sign-in attempt that presents the token for
// the account it names is throttled per (account, device) and not by the account-wide or
// per-address limits, so strangers failing against an account cannot keep its owner out.
// Relative imports only: services/users.ts (used by the command-line scripts) imports this.
import type { Cookies } from '@sveltejs/kit';
import type { Kysely, Transaction } from 'kysely';
import { locales, localizeHref } from '../../paraglide/runtime';
import type { DB } from '../db/schema';
import { generateSessionToken, sessionIdOf } from './session';

export const DEVICE_COOKIE = 'ahadi_device';
const DAY_MS = 24 * 60 * 60 * 1000;
/** A device stays trusted this long after its last successful sign-in. */
export const DEVICE_LIFETIME_MS = 365 * DAY_MS;
/** Devices kept per user; signing in on one more forgets the least recently used. */
export const DEVICES_PER_USER = 10;

// The token has the session token's shape: 20 random bytes, base32 (32 characters).
const TOKEN_SHAPE = /^[a-z2-7]{32}$/;

/**
 * The stored id of the device whose cookie is `token`, when that device is trusted for the
 * account with this email (still within its lifetime), else null. Without a valid cookie for
 * the account the answer is null whether or not the email has an account.
 */
export async function findTrustedDevice(
	db: Kysely<DB>,
	token: string | undefined,
	email: string,
	now = Date.now()
): Promise<string | null> {
	if (!token || !TOKEN_SHAPE.test(token)) return null;
	const row = await db
		.selectFrom('sign_in_devices')
		.innerJoin('users', 'users.id', 'sign_in_devices.user_id')
		.select('sign_in_devices.id')
		.where('sign_in_devices.id', '=', sessionIdOf(token))
		.where('users.email', '=', email)
		.where('sign_in_devices.last_used_at', '>', now - DEVICE_LIFETIME_MS)
		.executeTakeFirst();
	return row?.id ?? null;
}

export interface TrustedDevice {
	token: string;
	expiresAt: Date;
}

/**
 * After a successful sign-in: keeps the browser's device (when `token` is trusted for this
 * user) or trusts a new one, and forgets the user's devices beyond DEVICES_PER_USER. A token
 * earned for another account is never reused, so a planted cookie gains nothing here.
 */
export async function trustDevice(
	trx: Transaction<DB>,
	userId: number,
	token: string | undefined,
	now = Date.now()
): Promise<TrustedDevice & { known: boolean }> {
	const expiresAt = new Date(now + DEVICE_LIFETIME_MS);
	if (token && TOKEN_SHAPE.test(token)) {
		const touched = await trx
			.updateTable('sign_in_devices')
			.set({ last_used_at: now })
			.where('id', '=', sessionIdOf(token))
			.where('user_id', '=', userId)
			.where('last_used_at', '>', now - DEVICE_LIFETIME_MS)
			.executeTakeFirst();
		if (touched.numUpdatedRows > 0n) return { token, expiresAt, known: true };
	}
	const fresh = generateSessionToken();
	await trx
		.insertInto('sign_in_devices')
		.values({ id: sessionIdOf(fresh), user_id: userId, created_at: now, last_used_at: now })
		.execute();
	await trx
		.deleteFrom('sign_in_devices')
		.where('user_id', '=', userId)
		.where('last_used_at', '<=', now - DEVICE_LIFETIME_MS)
		.execute();
	const beyondCap = await trx
		.selectFrom('sign_in_devices')
		.select('id')
		.where('user_id', '=', userId)
		.orderBy('last_used_at', 'desc')
		.orderBy('id')
		.limit(DEVICES_PER_USER)
		.offset(DEVICES_PER_USER)
		.execute();
	if (beyondCap.length > 0) {
		const ids = beyondCap.map((d) => d.id);
		await trx.deleteFrom('sign_in_devices').where('id', 'in', ids).execute();
	}
	return { token: fresh, expiresAt, known: false };
}

/** Forgets every device of the user (their password was changed or reset). */
export async function forgetUserDevices(db: Kysely<DB>, userId: number): Promise<void> {
	await db.deleteFrom('sign_in_devices').where('user_id', '=', userId).execute();
}

/**
 * The sign-in pages in every language ('/login', '/sw/login'): the only paths the device
 * cookie is sent to. Elsewhere the browser does not send it, so it neither travels with every
 * page nor bears on the shared front cache.
 */
export function signInPaths(): string[] {
	return locales.map((locale) => localizeHref('/login', { locale }));
}

/** Sets the device cookie, once per sign-in path (a cookie has one Path). */
export function setDeviceCookie(cookies: Cookies, device: TrustedDevice, secure: boolean) {
	for (const path of signInPaths()) {
		cookies.set(DEVICE_COOKIE, device.token, {
			httpOnly: true,
			sameSite: 'lax',
			path,
			secure,
			expires: device.expiresAt
		});
	}
}
