import { describe, expect, it } from 'vitest';
import {
	ACCOUNT_RULE,
	ADDRESS_RULE,
	accountKey,
	countSignInAttempt,
	recordSignInSuccess
} from '../../src/lib/server/auth/throttle';
import { newDatabaseUrl } from '../helpers/test-db';
import { countRows, freshDb } from './auth-helpers';

const T0 = 1_800_000_000_000;
const IP = '198.51.100.7';

describe('sign-in throttling', () => {
	it('uses the documented limits', () => {
		expect(ACCOUNT_RULE).toEqual({ limit: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
		expect(ADDRESS_RULE).toEqual({ limit: 20, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
	});

	it('locks an account after 5 attempts in 15 minutes, then frees it', async () => {
		const db = await freshDb();
		for (let i = 0; i < 5; i++) {
			expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + i * 1000)).toBeNull();
		}
		const wait = await countSignInAttempt(db, 'a@x.example', IP, T0 + 5000);
		expect(wait).toBe(15 * 60);
		// Still locked a minute later, with less to wait; other accounts are unaffected.
		expect(await countSignInAttempt(db, 'A@X.example ', IP, T0 + 65_000)).toBe(14 * 60);
		expect(await countSignInAttempt(db, 'b@x.example', IP, T0 + 65_000)).toBeNull();
		// After the lock, a fresh window.
		expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 5000 + 15 * 60_000)).toBeNull();
	});

	it('locks a client address after 20 attempts across accounts', async () => {
		const db = await freshDb();
		for (let i = 0; i < 20; i++) {
			expect(await countSignInAttempt(db, `u${i}@x.example`, IP, T0 + i)).toBeNull();
		}
		expect(await countSignInAttempt(db, 'fresh@x.example', IP, T0 + 100)).toBe(15 * 60);
		expect(await countSignInAttempt(db, 'fresh@x.example', '203.0.113.9', T0 + 100)).toBeNull();
	});

	it('a success resets the account and refunds the address', async () => {
		const db = await freshDb();
		for (let i = 0; i < 4; i++) await countSignInAttempt(db, 'a@x.example', IP, T0 + i);
		await countSignInAttempt(db, 'a@x.example', IP, T0 + 10); // the successful attempt
		await recordSignInSuccess(db, 'a@x.example', IP);
		const account = await db
			.selectFrom('login_throttle')
			.selectAll()
			.where('key', '=', accountKey('a@x.example'))
			.executeTakeFirst();
		expect(account).toBeUndefined();
		for (let i = 0; i < 5; i++) {
			expect(await countSignInAttempt(db, 'a@x.example', IP, T0 + 100 + i)).toBeNull();
		}
		const address = await db
			.selectFrom('login_throttle')
			.select('failures')
			.where('key', '=', `address:${IP}`)
			.executeTakeFirstOrThrow();
		expect(address.failures).toBe(9); // 4 failures + 5 now; the success was refunded
	});

	it('an unknown email is throttled like a real one (no account enumeration)', async () => {
		const db = await freshDb();
		for (let i = 0; i < 5; i++) await countSignInAttempt(db, 'nobody@x.example', IP, T0 + i);
		expect(await countSignInAttempt(db, 'nobody@x.example', IP, T0 + 10)).not.toBeNull();
	});

	it('prunes rows whose window and lock are over', async () => {
		const db = await freshDb();
		await countSignInAttempt(db, 'a@x.example', IP, T0);
		expect(await countRows(db, 'login_throttle')).toBe(2);
		await countSignInAttempt(db, 'b@x.example', '203.0.113.1', T0 + 16 * 60_000);
		expect(await countRows(db, 'login_throttle')).toBe(2);
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
