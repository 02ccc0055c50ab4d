// Issue 13 item 4: a lockout must not be a denial of service. Failures against an account from
// elsewhere may not keep its owner out, while guessing stays throttled. The sign-in action is
// called directly, against the app's own `db` (a fresh database of the dialect under test).
import { createHash } from 'node:crypto';
import { isRedirect, type ActionFailure } from '@sveltejs/kit';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE, validateSessionToken } from '../../src/lib/server/auth/session';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { db } from '../../src/lib/server/db/client';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { setTemporaryPassword } from '../../src/lib/server/services/users';
import { actions as loginActions } from '../../src/routes/(auth)/login/+page.server';
import { actions as logoutActions } from '../../src/routes/(auth)/logout/+page.server';
import { actions as accountActions } from '../../src/routes/(auth)/account/+page.server';
import { PASSWORD, addCommittee, addUser } from './auth-helpers';
import { fakeCookies, fakeEvent, type FakeCookies } from './auth-events';

const DEVICE_COOKIE = 'ahadi_device';
const OWNER = 'clerk@x.example';
const WRONG = 'not the password';

/** One sign-in attempt: the HTTP status it would get (303 on success) and its Retry-After. */
async function attempt(
	email: string,
	password: string,
	address: string,
	cookies: FakeCookies = fakeCookies()
) {
	const event = fakeEvent('/login', { form: { email, password }, address, cookies });
	try {
		const result = (await loginActions.default!(event as never)) as ActionFailure;
		const headers = event.setHeaders.mock.calls.at(-1)?.[0] as Record<string, string> | undefined;
		return { status: result.status, retryAfter: headers?.['retry-after'] ?? null };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, retryAfter: null };
		throw e;
	}
}

/** A browser that signed in once as `email` and so holds a device cookie for it. */
async function trustedBrowser(email: string, address = '192.0.2.1') {
	const cookies = fakeCookies();
	expect((await attempt(email, PASSWORD, address, cookies)).status).toBe(303);
	expect(cookies.get(DEVICE_COOKIE)).toMatch(/^[a-z2-7]{32}$/);
	// Only the device cookie travels on: a later visit has no session yet.
	return fakeCookies({ [DEVICE_COOKIE]: cookies.get(DEVICE_COOKIE)! });
}

/** `n` wrong passwords for `email`, each from its own address; the statuses they got. */
async function distributedFailures(email: string, n: number, net = '10.1') {
	const statuses: number[] = [];
	for (let i = 0; i < n; i++) {
		const address = `${net}.${Math.floor(i / 250)}.${(i % 250) + 1}`;
		statuses.push((await attempt(email, WRONG, address)).status);
	}
	return statuses;
}

async function devicesOf(email: string) {
	return db
		.selectFrom('sign_in_devices')
		.innerJoin('users', 'users.id', 'sign_in_devices.user_id')
		.select(['sign_in_devices.id', 'sign_in_devices.created_at', 'sign_in_devices.last_used_at'])
		.where('users.email', '=', email)
		.execute();
}

beforeAll(async () => {
	await migrateToLatest(db);
	await addUser(db, OWNER, 'clerk', { committeeIds: [await addCommittee(db, 'k1')] });
	await addUser(db, 'other@x.example', 'mp');
});
beforeEach(async () => {
	await db.deleteFrom('login_throttle').execute();
	await db.deleteFrom('sign_in_devices').execute();
});

describe('failures from elsewhere do not lock the owner out', { timeout: 30_000 }, () => {
	it('100 failures for one account from one address do not stop the right password from another address', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 100; i++)
			statuses.push((await attempt(OWNER, WRONG, '203.0.113.66')).status);
		expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
		expect(new Set(statuses.slice(5))).toEqual(new Set([429]));
		expect((await attempt(OWNER, PASSWORD, '198.51.100.20')).status).toBe(303);
	});

	it('a trusted device signs in after 100 distributed failures that locked the account for untrusted devices', async () => {
		const browser = await trustedBrowser(OWNER);
		const statuses = await distributedFailures(OWNER, 100);
		expect(statuses.slice(0, 50).every((s) => s === 400)).toBe(true);
		expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
		// A browser never trusted for the account is refused, even with the right password...
		const stranger = await attempt(OWNER, PASSWORD, '198.51.100.99');
		expect(stranger).toEqual({ status: 429, retryAfter: '3600' });
		// ...the owner's own browser is not, from its usual address or any other.
		expect((await attempt(OWNER, PASSWORD, '192.0.2.1', browser)).status).toBe(303);
		expect((await attempt(OWNER, PASSWORD, '198.51.100.250', browser)).status).toBe(303);
	});

	it('a trusted device is not held back by the lock on its shared address either', async () => {
		const browser = await trustedBrowser(OWNER, '192.0.2.1');
		// Someone behind the same office address guesses at 21 accounts: the address is locked.
		for (let i = 0; i < 21; i++) await attempt(`guess${i}@x.example`, WRONG, '192.0.2.1');
		expect((await attempt('other@x.example', PASSWORD, '192.0.2.1')).status).toBe(429);
		expect((await attempt(OWNER, PASSWORD, '192.0.2.1', browser)).status).toBe(303);
	});
});

describe('guessing stays throttled', { timeout: 30_000 }, () => {
	it('the 6th failure from one address for one account gets 429 and a wait', async () => {
		for (let i = 0; i < 5; i++)
			expect((await attempt(OWNER, WRONG, '203.0.113.7')).status).toBe(400);
		expect(await attempt(OWNER, WRONG, '203.0.113.7')).toEqual({ status: 429, retryAfter: '900' });
		// The right password from that address now waits too (nothing is checked).
		expect((await attempt(OWNER, PASSWORD, '203.0.113.7')).status).toBe(429);
	});

	it('the 21st failure from one address across accounts gets 429', async () => {
		for (let i = 0; i < 20; i++) {
			expect((await attempt(`guess${i}@x.example`, WRONG, '203.0.113.8')).status).toBe(400);
		}
		const refused = await attempt('other@x.example', PASSWORD, '203.0.113.8');
		expect(refused.status).toBe(429);
		expect(Number(refused.retryAfter)).toBeGreaterThan(0);
	});

	it('an untrusted new address is refused once the account-wide limit is hit', async () => {
		expect((await distributedFailures(OWNER, 50)).every((s) => s === 400)).toBe(true);
		expect(await attempt(OWNER, PASSWORD, '198.51.100.77')).toEqual({
			status: 429,
			retryAfter: '3600'
		});
	});

	it('an unknown email is locked account-wide exactly like a real one (no enumeration)', async () => {
		const email = 'nobody@x.example';
		expect((await distributedFailures(email, 50, '10.2')).every((s) => s === 400)).toBe(true);
		expect(await attempt(email, WRONG, '198.51.100.77')).toEqual({
			status: 429,
			retryAfter: '3600'
		});
	});

	it('a trusted device is throttled on its own: 5 failures, then a wait', async () => {
		const browser = await trustedBrowser(OWNER);
		for (let i = 0; i < 5; i++) {
			expect((await attempt(OWNER, WRONG, `198.51.100.${i + 1}`, browser)).status).toBe(400);
		}
		expect(await attempt(OWNER, PASSWORD, '198.51.100.9', browser)).toEqual({
			status: 429,
			retryAfter: '900'
		});
		// The lock is on that browser only: the owner may still sign in elsewhere.
		expect((await attempt(OWNER, PASSWORD, '198.51.100.10')).status).toBe(303);
	});

	it('a device cookie earned for one account gains nothing against another', async () => {
		const mine = await trustedBrowser('other@x.example');
		expect((await distributedFailures(OWNER, 50)).every((s) => s === 400)).toBe(true);
		expect((await attempt(OWNER, PASSWORD, '198.51.100.5', mine)).status).toBe(429);
		const forged = fakeCookies({ [DEVICE_COOKIE]: 'a'.repeat(32) });
		expect((await attempt(OWNER, PASSWORD, '198.51.100.5', forged)).status).toBe(429);
	});
});

describe('the device cookie', { timeout: 30_000 }, () => {
	it('is HttpOnly, SameSite=Lax, sent only to the sign-in pages, and stored as a hash', async () => {
		const cookies = fakeCookies();
		expect((await attempt(OWNER, PASSWORD, '192.0.2.1', cookies)).status).toBe(303);
		const set = cookies.jar.get(DEVICE_COOKIE)!;
		expect(set.options).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: false });
		expect(['/login', '/sw/login']).toContain((set.options as { path: string }).path);
		const expires = (set.options as { expires: Date }).expires.getTime();
		expect(expires - Date.now()).toBeGreaterThan(360 * 24 * 3600_000);
		const [row, ...more] = await devicesOf(OWNER);
		expect(more).toEqual([]);
		expect(row!.id).toBe(createHash('sha256').update(set.value).digest('hex'));
	});

	it('is kept on the next sign-in and on sign-out; the sign-in is audited with it', async () => {
		const browser = await trustedBrowser(OWNER);
		const token = browser.get(DEVICE_COOKIE);
		expect((await attempt(OWNER, PASSWORD, '192.0.2.1', browser)).status).toBe(303);
		expect(browser.get(DEVICE_COOKIE)).toBe(token);
		expect(await devicesOf(OWNER)).toHaveLength(1);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'after_json'])
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(audit).toEqual({ action: 'session.started', after_json: '{"device":"trusted"}' });

		const session = await validateSessionToken(db, browser.get(SESSION_COOKIE)!);
		const out = fakeEvent('/logout', {
			method: 'POST',
			cookies: browser,
			locals: { user: session.user!, session: session.session! }
		});
		await expect(logoutActions.default!(out as never)).rejects.toSatisfy(isRedirect);
		expect(browser.get(SESSION_COOKIE)).toBeUndefined();
		expect(browser.get(DEVICE_COOKIE)).toBe(token);
		expect(await devicesOf(OWNER)).toHaveLength(1);
	});

	it('a shared browser gets a new cookie for the next account; rows per user are capped', async () => {
		const browser = await trustedBrowser(OWNER);
		const ownerToken = browser.get(DEVICE_COOKIE);
		expect((await attempt('other@x.example', PASSWORD, '192.0.2.1', browser)).status).toBe(303);
		expect(browser.get(DEVICE_COOKIE)).not.toBe(ownerToken);
		for (let i = 0; i < 12; i++) await attempt(OWNER, PASSWORD, '192.0.2.1');
		expect(await devicesOf(OWNER)).toHaveLength(10);
	});

	it('every device of a user is forgotten when they change their password', async () => {
		const email = 'changer@x.example';
		await addUser(db, email, 'mp');
		const browser = fakeCookies();
		expect((await attempt(email, PASSWORD, '192.0.2.1', browser)).status).toBe(303);
		expect(await devicesOf(email)).toHaveLength(1);
		const { user, session } = await validateSessionToken(db, browser.get(SESSION_COOKIE)!);
		const change = fakeEvent('/account?/password', {
			form: {
				current_password: PASSWORD,
				new_password: 'a brand new password',
				confirm_password: 'a brand new password'
			},
			locals: { user: user!, session: session! }
		});
		await expect(accountActions.password!(change as never)).rejects.toSatisfy(isRedirect);
		expect(await devicesOf(email)).toEqual([]);
	});

	it('every device of a user is forgotten when an admin resets their password', async () => {
		const email = 'reset@x.example';
		const id = await addUser(db, email, 'mp');
		await trustedBrowser(OWNER);
		await trustedBrowser(email);
		await trustedBrowser(email, '192.0.2.2');
		expect(await devicesOf(email)).toHaveLength(2);
		await setTemporaryPassword(db, SYSTEM_ACTOR, id, 'a temporary password');
		expect(await devicesOf(email)).toEqual([]);
		expect(await devicesOf(OWNER)).not.toEqual([]); // others keep theirs
	});
});
