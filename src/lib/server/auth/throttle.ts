// Sign-in throttling kept in the database (table login_throttle), so that it holds across
// restarts and across several server instances sharing one database.
//
// Every attempt is counted *before* the password is checked, with one atomic upsert per key,
// so that a burst of parallel guesses cannot all slip past a check-then-record race.
//
// Locks never cover a whole account for everyone (OWASP Authentication Cheat Sheet, "Account
// lockout" and "device cookies"): anyone who knows an address could otherwise keep its owner
// out. Instead an attempt is counted
// - from a browser trusted for the account (see device.ts): per (account, device) only;
// - from anywhere else: per client address, per (account, address), and account-wide with a
//   higher limit that slows guessing spread over many addresses. That last lock refuses only
//   untrusted browsers: the owner's own browser still gets in.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

export interface ThrottleRule {
	/** Attempts allowed in one window; the next one is refused. */
	limit: number;
	windowMs: number;
	/** How long a key stays locked once over the limit (at least the window, see `fresh`). */
	lockMs: number;
}

const MINUTE = 60_000;

/** One client address, across accounts (untrusted browsers). */
export const ADDRESS_RULE: ThrottleRule = { limit: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** One account from one client address (untrusted browsers). */
export const PAIR_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** One account from one browser trusted for it. */
export const DEVICE_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
/** One account from all untrusted browsers together: slows distributed guessing. */
export const ACCOUNT_RULE: ThrottleRule = { limit: 50, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE };
/** Guessing the current password on the account page (a signed-in user, by id). */
export const PASSWORD_CHANGE_RULE: ThrottleRule = PAIR_RULE;

const RULES = [ADDRESS_RULE, PAIR_RULE, DEVICE_RULE, ACCOUNT_RULE, PASSWORD_CHANGE_RULE];

function normalEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function accountKey(email: string): string {
	return `account:${normalEmail(email)}`;
}

export function addressKey(address: string): string {
	return `address:${address}`;
}

// The address first: it comes from the server, never contains a space, and ends at the first.
export function pairKey(email: string, address: string): string {
	return `pair:${address} ${normalEmail(email)}`;
}

/** `deviceId` is the stored id (hash) of a device trusted for this account. */
export function deviceKey(email: string, deviceId: string): string {
	return `device:${deviceId} ${normalEmail(email)}`;
}

export function passwordChangeKey(userId: number): string {
	return `password-change:${userId}`;
}

/**
 * Counts one attempt against `key`. Returns null when the attempt may go ahead, or the number
 * of seconds to wait (for Retry-After) when the key is locked.
 */
export async function countAttempt(
	db: Kysely<DB>,
	key: string,
	rule: ThrottleRule,
	now = Date.now()
): Promise<number | null> {
	const row = await db
		.insertInto('login_throttle')
		.values({ key, failures: 1, window_started_at: now, locked_until: null })
		.onConflict((oc) =>
			oc.column('key').doUpdateSet((eb) => {
				// A new window starts when the old one is over and no lock is running.
				const fresh = eb.and([
					eb('login_throttle.window_started_at', '<=', now - rule.windowMs),
					eb.or([
						eb('login_throttle.locked_until', 'is', null),
						eb('login_throttle.locked_until', '<=', now)
					])
				]);
				return {
					failures: eb
						.case()
						.when(fresh)
						.then(eb.val(1))
						.else(eb('login_throttle.failures', '+', 1))
						.end(),
					window_started_at: eb
						.case()
						.when(fresh)
						.then(eb.val(now))
						.else(eb.ref('login_throttle.window_started_at'))
						.end(),
					locked_until: eb
						.case()
						.when(fresh)
						.then(eb.val<number | null>(null))
						.else(eb.ref('login_throttle.locked_until'))
						.end()
				};
			})
		)
		.returning(['failures', 'locked_until'])
		.executeTakeFirstOrThrow();

	if (row.locked_until !== null && row.locked_until > now) {
		return secondsUntil(row.locked_until, now);
	}
	if (row.failures <= rule.limit) return null;
	const lockedUntil = now + rule.lockMs;
	await db
		.updateTable('login_throttle')
		.set({ locked_until: lockedUntil })
		.where('key', '=', key)
		.execute();
	return secondsUntil(lockedUntil, now);
}

function secondsUntil(at: number, now: number): number {
	return Math.max(1, Math.ceil((at - now) / 1000));
}

/** Forgets the attempts counted against `key` (after a success). */
export async function clearAttempts(db: Kysely<DB>, key: string): Promise<void> {
	await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Gives one attempt back to `key`, so that successes from one address do not count. */
export async function refundAttempt(db: Kysely<DB>, key: string): Promise<void> {
	await db
		.updateTable('login_throttle')
		.set((eb) => ({ failures: eb('failures', '-', 1) }))
		.where('key', '=', key)
		.where('failures', '>', 0)
		.execute();
}

/** Who is signing in, from where: `device` is the id of a device trusted for `email`, or null. */
export interface SignInSource {
	email: string;
	address: string;
	device: string | null;
}

/**
 * After a successful sign-in the (account, address) or (account, device) pair starts afresh.
 * The address and the account-wide count only get this attempt back: resetting the address
 * would let someone with one valid account wipe the per-address count between guesses at
 * other accounts, and resetting the account would hand a distributed guesser a fresh allowance
 * each time the owner signs in.
 */
export async function recordSignInSuccess(db: Kysely<DB>, source: SignInSource) {
	const { email, address, device } = source;
	if (device !== null) {
		await clearAttempts(db, deviceKey(email, device));
		return;
	}
	await clearAttempts(db, pairKey(email, address));
	await refundAttempt(db, addressKey(address));
	await refundAttempt(db, accountKey(email));
}

/** Drops rows whose window and lock are both over (keeps the table small). */
export async function pruneThrottle(db: Kysely<DB>, now = Date.now()) {
	const oldest = now - Math.max(...RULES.map((r) => Math.max(r.windowMs, r.lockMs)));
	await db
		.deleteFrom('login_throttle')
		.where('window_started_at', '<', oldest)
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
		.execute();
}

/**
 * Counts a sign-in attempt and returns the seconds to wait when it is refused, or null. Keys
 * use the email as typed (whether or not it has an account), so the throttle does not reveal
 * which emails have accounts.
 *
 * The keys are counted in turn and counting stops at the first lock: an attempt refused for
 * its address or pair does not also use up the account-wide allowance, so one address alone
 * cannot lock the account for everyone's new browsers.
 */
export async function countSignInAttempt(
	db: Kysely<DB>,
	source: SignInSource,
	now = Date.now()
): Promise<number | null> {
	await pruneThrottle(db, now);
	const { email, address, device } = source;
	if (device !== null) return countAttempt(db, deviceKey(email, device), DEVICE_RULE, now);
	const steps: [string, ThrottleRule][] = [
		[addressKey(address), ADDRESS_RULE],
		[pairKey(email, address), PAIR_RULE],
		[accountKey(email), ACCOUNT_RULE]
	];
	for (const [key, rule] of steps) {
		const wait = await countAttempt(db, key, rule, now);
		if (wait !== null) return wait;
	}
	return null;
}
