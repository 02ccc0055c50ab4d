// Sign-in throttling kept in the database (table login_throttle), so that it holds across
// restarts and across several server instances sharing one database.
//
// Every attempt is counted *before* the password is checked, with one atomic upsert, so that a
// burst of parallel guesses cannot all slip past a check-then-record race. A success then
// clears the account's counter and refunds the attempt to the client address.
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

export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const ADDRESS_RULE: ThrottleRule = { limit: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export function accountKey(email: string): string {
	return `account:${email.trim().toLowerCase()}`;
}

export function addressKey(address: string): string {
	return `address:${address}`;
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

/** Forgets the attempts counted against `key` (after a success for that account). */
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

/**
 * After a successful sign-in the account starts afresh. The address only gets this attempt
 * back: resetting it would let someone with one valid account wipe the per-address count
 * between guesses at other accounts.
 */
export async function recordSignInSuccess(db: Kysely<DB>, email: string, address: string) {
	await clearAttempts(db, accountKey(email));
	await refundAttempt(db, addressKey(address));
}

/** Drops rows whose window and lock are both over (keeps the table small). */
export async function pruneThrottle(db: Kysely<DB>, now = Date.now()) {
	const oldest = now - Math.max(ACCOUNT_RULE.windowMs, ADDRESS_RULE.windowMs);
	await db
		.deleteFrom('login_throttle')
		.where('window_started_at', '<', oldest)
		.where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
		.execute();
}

/**
 * Counts a sign-in attempt for the account (email, whether or not it exists, so the throttle
 * does not reveal which emails have accounts) and for the client address. Returns the seconds
 * to wait when either is locked, or null.
 */
export async function countSignInAttempt(
	db: Kysely<DB>,
	email: string,
	address: string,
	now = Date.now()
): Promise<number | null> {
	await pruneThrottle(db, now);
	const byAddress = await countAttempt(db, addressKey(address), ADDRESS_RULE, now);
	const byAccount = await countAttempt(db, accountKey(email), ACCOUNT_RULE, now);
	if (byAddress === null && byAccount === null) return null;
	return Math.max(byAddress ?? 0, byAccount ?? 0);
}
