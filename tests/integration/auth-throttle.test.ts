import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_RULE,
	ADDRESS_RULE,
	DEVICE_RULE,
	PAIR_RULE,
	accountKey,
	countSignInAttempt as countSource,
	pairKey,
	recordSignInSuccess as recordSuccess
} from '../../src/lib/server/auth/throttle';
import { newDatabaseUrl } from '../helpers/test-db';
import { countRows, freshDb } from './auth-helpers';

const T0 = 1_800_000_000_000;
const IP = '198.51.100.7';
const MINUTE = 60_000;

type Db = Awaited<ReturnType<typeof freshDb>>;

/** An attempt from an untrusted browser, or from a device trusted for the account. */
function countSignInAttempt(db: Db, email: string, address: string, now: number, device?: string) {
	return countSource(db, { email, address, device: device ?? null }, now);
}
function recordSignInSuccess(db: Db, email: string, address: string, device?: string) {
	return recordSuccess(db, { email, address, device: device ?? null });
}
async function failuresOf(db: Db, key: string) {
	const row = await db
		.selectFrom('login_throttle')
		.select('failures')
		.where('key', '=', key)
		.executeTakeFirst();
	return row?.failures;
}

describe('sign-in throttling', () => {
	it('uses the documented limits', () => {
		expect(ADDRESS_RULE).toEqual({ limit: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
		expect(PAIR_RULE).toEqual({ limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
		expect(DEVICE_RULE).toEqual({ limit: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });
		expect(ACCOUNT_RULE).toEqual({ limit: 50, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE });
	});

	it('locks an account from one address after 5 attempts in 15 minutes, then frees it', async () => {
		const db = await freshDb();
		for (let i = 0; i < 5; i++) {
			expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + i * 1000)).toBeNull();
		}
		const wait = await countSignInAttempt(db, 'a@x.example', IP, T0 + 5000);
		expect(wait).toBe(15 * 60);
		// Still locked a minute later, with less to wait; other accounts are unaffected, and so
		// is the same account from another address (no lock on the account for everyone).
		expect(await countSignInAttempt(db, 'A@X.example ', IP, T0 + 65_000)).toBe(14 * 60);
		expect(await countSignInAttempt(db, 'b@x.example', IP, T0 + 65_000)).toBeNull();
		expect(await countSignInAttempt(db, 'a@x.example', '203.0.113.9', T0 + 65_000)).toBeNull();
		// After the lock, a fresh window.
		expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 5000 + 15 * MINUTE)).toBeNull();
	});

	it('locks an account for untrusted browsers after 50 attempts in an hour from anywhere', async () => {
		const db = await freshDb();
		for (let i = 0; i < 50; i++) {
			expect(await countSignInAttempt(db, 'a@x.example', `10.0.0.${i + 1}`, T0 + i)).toBeNull();
		}
		expect(await countSignInAttempt(db, 'a@x.example', '10.0.1.1', T0 + 100)).toBe(60 * 60);
		// A device trusted for the account is not held back; other accounts are unaffected.
		expect(await countSignInAttempt(db, 'a@x.example', '10.0.1.1', T0 + 100, 'dev1')).toBeNull();
		expect(await countSignInAttempt(db, 'b@x.example', '10.0.1.1', T0 + 100)).toBeNull();
		expect(await countSignInAttempt(db, 'a@x.example', '10.0.1.2', T0 + 60 * MINUTE)).toBe(1);
		expect(await countSignInAttempt(db, 'a@x.example', '10.0.1.2', T0 + 61 * MINUTE)).toBeNull();
	});

	it('an attempt refused for its address or pair does not use up the account-wide allowance', async () => {
		const db = await freshDb();
		for (let i = 0; i < 100; i++) await countSignInAttempt(db, 'a@x.example', IP, T0 + i);
		expect(await failuresOf(db, accountKey('a@x.example'))).toBe(5);
		expect(await failuresOf(db, pairKey('a@x.example', IP))).toBe(20); // then the address locked
	});

	it('counts a trusted device on its own: 5 attempts, and nothing else', async () => {
		const db = await freshDb();
		for (let i = 0; i < 5; i++) {
			expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + i, 'dev1')).toBeNull();
		}
		expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 10, 'dev1')).toBe(15 * 60);
		expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 10, 'dev2')).toBeNull();
		expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 10)).toBeNull();
		expect(await failuresOf(db, `address:${IP}`)).toBe(1);
		expect(await failuresOf(db, accountKey('a@x.example'))).toBe(1);
	});

	it('locks a client address after 20 attempts across accounts', async () => {
		const db = await freshDb();
		for (let i = 0; i < 20; i++) {
			expect(await countSignInAttempt(db, `u${i}@x.example`, IP, T0 + i)).toBeNull();
		}
		expect(await countSignInAttempt(db, 'fresh@x.example', IP, T0 + 100)).toBe(15 * 60);
		expect(await countSignInAttempt(db, 'fresh@x.example', '203.0.113.9', T0 + 100)).toBeNull();
	});

	it('a success resets the pair and refunds the address and the account', async () => {
		const db = await freshDb();
		for (let i = 0; i < 4; i++) await countSignInAttempt(db, 'a@x.example', IP, T0 + i);
		await countSignInAttempt(db, 'a@x.example', IP, T0 + 10); // the successful attempt
		await recordSignInSuccess(db, 'a@x.example', IP);
		expect(await failuresOf(db, pairKey('a@x.example', IP))).toBeUndefined();
		for (let i = 0; i < 5; i++) {
			expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 100 + i)).toBeNull();
		}
		// 4 failures + 5 now; the success was refunded, not wiped.
		expect(await failuresOf(db, `address:${IP}`)).toBe(9);
		expect(await failuresOf(db, accountKey('a@x.example'))).toBe(9);
	});

	it('a success from a trusted device resets that device only', async () => {
		const db = await freshDb();
		for (let i = 0; i < 3; i++) await countSignInAttempt(db, 'a@x.example', '10.9.9.9', T0 + i);
		for (let i = 0; i < 5; i++) await countSignInAttempt(db, 'a@x.example', IP, T0 + i, 'dev1');
		await recordSignInSuccess(db, 'a@x.example', IP, 'dev1');
		expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 20, 'dev1')).toBeNull();
		expect(await failuresOf(db, accountKey('a@x.example'))).toBe(3);
	});

	it('an unknown email is throttled like a real one (no account enumeration)', async () => {
		const db = await freshDb();
		for (let i = 0; i < 5; i++) await countSignInAttempt(db, 'nobody@x.example', IP, T0 + i);
		expect(await countSignInAttempt(db, 'nobody@x.example', IP, T0 + 10)).not.toBeNull();
		for (let i = 0; i < 50; i++) {
			await countSignInAttempt(db, 'nobody@x.example', `10.0.0.${i + 1}`, T0 + 20 + i);
		}
		expect(await countSignInAttempt(db, 'nobody@x.example', '10.0.1.1', T0 + 100)).toBe(60 * 60);
	});

	it('prunes rows whose window and lock are over', async () => {
		const db = await freshDb();
		await countSignInAttempt(db, 'a@x.example', IP, T0);
		expect(await countRows(db, 'login_throttle')).toBe(3); // address, pair, account
		await countSignInAttempt(db, 'b@x.example', '203.0.113.1', T0 + 61 * MINUTE);
		expect(await countRows(db, 'login_throttle')).toBe(3);
	});

	describe('holds across restarts and instances (state in the database)', () => {
		it('two handles on one database share the count', async () => {
			const file = await newDatabaseUrl();
			const instanceA = await freshDb(file);
			const instanceB = await freshDb(file);
			for (let i = 0; i < 3; i++) await countSignInAttempt(instanceA, 'a@x.example', IP, T0 + i);
			for (let i = 0; i < 2; i++)
				await countSignInAttempt(instanceB, 'a@x.example', IP, T0 + 5 + i);
			await instanceA.destroy(); // a restart
			const restarted = await freshDb(file);
			expect(await countSignInAttempt(restarted, 'a@x.example', IP, T0 + 20)).toBe(15 * 60);
		});
	});
});
