// The sign-in, account and admin actions called directly, against the app's own `db` (a fresh
// test database: tests/helpers/integration-setup.ts points DATABASE_URL at it).
import { isActionFailure, isRedirect, type ActionFailure } from '@sveltejs/kit';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const argon2 = vi.hoisted(() => ({ verifyCalls: 0 }));
vi.mock('@node-rs/argon2', async (importOriginal) => {
	const real = await importOriginal<typeof import('@node-rs/argon2')>();
	return {
		...real,
		verify: (...args: Parameters<typeof real.verify>) => {
			argon2.verifyCalls++;
			return real.verify(...args);
		}
	};
});

import { SESSION_COOKIE, validateSessionToken } from '../../src/lib/server/auth/session';
import { db } from '../../src/lib/server/db/client';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { getUser } from '../../src/lib/server/queries/users';
import { actions as loginActions } from '../../src/routes/(auth)/login/+page.server';
import { actions as accountActions } from '../../src/routes/(auth)/account/+page.server';
import { actions as usersActions } from '../../src/routes/(admin)/admin/users/+page.server';
import { actions as userActions } from '../../src/routes/(admin)/admin/users/[id]/+page.server';
import { PASSWORD, addCommittee, addUser, countRows } from './auth-helpers';
import { fakeCookies, fakeEvent, type EventInit } from './auth-events';

type Action = (event: never) => unknown;

/** Runs an action; returns the redirect, the failure, or throws what the action threw. */
async function call(action: Action | undefined, href: string, init: EventInit) {
	const event = fakeEvent(href, init);
	try {
		const result = await action!(event as never);
		return { event, result: result as ActionFailure<Record<string, unknown>> | undefined };
	} catch (e) {
		if (isRedirect(e)) return { event, redirect: e };
		throw e;
	}
}

async function sessionFor(email: string) {
	const cookies = fakeCookies();
	const r = await call(loginActions.default, '/login', {
		form: { email, password: PASSWORD },
		cookies
	});
	expect(r.redirect).toBeDefined();
	const token = cookies.get(SESSION_COOKIE)!;
	const { user, session } = await validateSessionToken(db, token);
	return { token, cookies, locals: { user: user!, session: session! } };
}

let committee: number;
beforeAll(async () => {
	await migrateToLatest(db);
	committee = await addCommittee(db, 'k1');
	await addUser(db, 'admin@x.example', 'admin');
	await addUser(db, 'mp@x.example', 'mp');
	await addUser(db, 'temp@x.example', 'mp', { mustChangePassword: true });
});
beforeEach(async () => {
	await db.deleteFrom('login_throttle').execute();
	argon2.verifyCalls = 0;
});

describe('sign in', () => {
	it('signs in, sets a hardened cookie, honours a same-site redirectTo and audits', async () => {
		const cookies = fakeCookies();
		const { redirect } = await call(loginActions.default, '/login?redirectTo=%2Fadmin%2Faudit', {
			form: { email: ' Admin@X.example ', password: PASSWORD },
			cookies
		});
		expect(redirect).toMatchObject({ status: 303, location: '/admin/audit' });
		const cookie = cookies.jar.get(SESSION_COOKIE)!;
		expect(cookie.options).toMatchObject({
			httpOnly: true,
			sameSite: 'lax',
			path: '/',
			secure: false
		});
		expect((await validateSessionToken(db, cookie.value)).user?.email).toBe('admin@x.example');
		const last = await db
			.selectFrom('audit_log')
			.selectAll()
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(last.action).toBe('session.started');
	});

	it('ignores a redirectTo to another site', async () => {
		const { redirect } = await call(loginActions.default, '/login?redirectTo=%2F%2Fevil.example', {
			form: { email: 'mp@x.example', password: PASSWORD }
		});
		expect(redirect?.location).toBe('/');
		// Without a redirectTo of this site, clerks and admins go where their work is.
		const admin = await call(loginActions.default, '/login?redirectTo=%2F%2Fevil.example', {
			form: { email: 'admin@x.example', password: PASSWORD }
		});
		expect(admin.redirect?.location).toBe('/workspace');
	});

	it('says only that the email or password is wrong, keeps the email, never the password', async () => {
		for (const email of ['mp@x.example', 'nobody@x.example']) {
			const { result } = await call(loginActions.default, '/login', {
				form: { email, password: 'wrong password!' }
			});
			expect(isActionFailure(result)).toBe(true);
			expect(result!.status).toBe(400);
			expect(result!.data).toEqual({
				values: { email },
				errors: { credentials: 'The email or password is wrong' }
			});
		}
		// The unknown email was checked against a dummy hash: one verification each.
		expect(argon2.verifyCalls).toBe(2);
	});

	it('asks for missing fields by name', async () => {
		const { result } = await call(loginActions.default, '/login', {
			form: { email: '', password: '' }
		});
		expect(result!.data).toEqual({
			values: {},
			errors: { email: 'Enter your email address', password: 'Enter your password' }
		});
	});

	it('answers 429 with Retry-After after 5 attempts on one account from one address; success resets', async () => {
		const attempt = (password: string, address = '192.0.2.10') =>
			call(loginActions.default, '/login', { form: { email: 'mp@x.example', password }, address });
		for (let i = 0; i < 4; i++) expect((await attempt('wrong password!')).result!.status).toBe(400);
		expect((await attempt(PASSWORD)).redirect).toBeDefined();
		for (let i = 0; i < 5; i++) expect((await attempt('wrong password!')).result!.status).toBe(400);
		const blocked = await attempt(PASSWORD);
		expect(blocked.result!.status).toBe(429);
		expect(blocked.event.setHeaders).toHaveBeenCalledWith({ 'retry-after': '900' });
		expect(blocked.result!.data).toMatchObject({ values: { email: 'mp@x.example' } });
		expect(argon2.verifyCalls).toBe(10); // the refused attempt did no hashing
		// The lock is on this account from this address, not on the account for everyone.
		expect((await attempt(PASSWORD, '198.51.100.44')).redirect).toBeDefined();
	});

	it('answers 429 after 20 attempts from one address across accounts', async () => {
		for (let i = 0; i < 20; i++) {
			const { result } = await call(loginActions.default, '/login', {
				form: { email: `guess${i}@x.example`, password: 'wrong password!' },
				address: '203.0.113.50'
			});
			expect(result!.status).toBe(400);
		}
		const { result, event } = await call(loginActions.default, '/login', {
			form: { email: 'admin@x.example', password: PASSWORD },
			address: '203.0.113.50'
		});
		expect(result!.status).toBe(429);
		expect(event.setHeaders).toHaveBeenCalledWith({
			'retry-after': expect.stringMatching(/^\d+$/)
		});
	});

	it('sends a user with a temporary password to /account', async () => {
		const { redirect } = await call(loginActions.default, '/login?redirectTo=/admin', {
			form: { email: 'temp@x.example', password: PASSWORD }
		});
		expect(redirect?.location).toBe('/account');
	});
});

describe('own password', () => {
	it('changes it, ends the other sessions and continues on a new one', async () => {
		const email = 'changer@x.example';
		await addUser(db, email, 'mp');
		const other = await sessionFor(email);
		const here = await sessionFor(email);
		const mismatch = await call(accountActions.password, '/account?/password', {
			form: {
				current_password: PASSWORD,
				new_password: 'a brand new password',
				confirm_password: 'different one!!'
			},
			locals: here.locals
		});
		expect(mismatch.result!.data).toEqual({
			values: {},
			errors: { confirm_password: 'New password again must match the new password' }
		});
		const { redirect } = await call(accountActions.password, '/account?/password', {
			form: {
				current_password: PASSWORD,
				new_password: 'a brand new password',
				confirm_password: 'a brand new password'
			},
			locals: here.locals,
			cookies: here.cookies
		});
		expect(redirect?.location).toBe('/account?changed');
		expect((await validateSessionToken(db, other.token)).user).toBeNull();
		expect((await validateSessionToken(db, here.token)).user).toBeNull();
		const fresh = here.cookies.get(SESSION_COOKIE)!;
		expect(fresh).not.toBe(here.token);
		expect((await validateSessionToken(db, fresh)).user?.email).toBe(email);
	});

	it('rejects a wrong current password and a short new one', async () => {
		const me = await sessionFor('mp@x.example');
		const wrong = await call(accountActions.password, '/account?/password', {
			form: {
				current_password: 'not my password',
				new_password: 'a brand new password',
				confirm_password: 'a brand new password'
			},
			locals: me.locals
		});
		expect(wrong.result!.data).toMatchObject({
			errors: { current_password: 'Current password is wrong' }
		});
		const short = await call(accountActions.password, '/account?/password', {
			form: { current_password: PASSWORD, new_password: 'short', confirm_password: 'short' },
			locals: me.locals
		});
		expect(short.result!.data).toMatchObject({
			errors: { new_password: 'New password must be at least 12 characters' }
		});
	});

	it('limits guesses at the current password per user, apart from failed sign-ins', async () => {
		const email = 'guarded@x.example';
		await addUser(db, email, 'mp');
		const me = await sessionFor(email);
		// A stranger fails to sign in as this user from several addresses...
		for (let i = 0; i < 12; i++) {
			await call(loginActions.default, '/login', {
				form: { email, password: 'wrong password!' },
				address: `203.0.113.${100 + (i % 2)}`
			});
		}
		// ...which leaves the owner's five tries at the current password untouched.
		const change = (current_password: string) =>
			call(accountActions.password, '/account?/password', {
				form: {
					current_password,
					new_password: 'a brand new password',
					confirm_password: 'a brand new password'
				},
				locals: me.locals
			});
		for (let i = 0; i < 5; i++) expect((await change('not my password')).result!.status).toBe(400);
		const blocked = await change(PASSWORD);
		expect(blocked.result!.status).toBe(429);
		expect(blocked.event.setHeaders).toHaveBeenCalledWith({ 'retry-after': '900' });
	});
});

describe('admin actions', () => {
	it('create: validates with field errors, echoing all but the password', async () => {
		const admin = await sessionFor('admin@x.example');
		const before = await countRows(db, 'users');
		const { result } = await call(usersActions.create, '/admin/users?/create', {
			form: { name: 'New Clerk', email: 'not an email', role: 'clerk', password: 'short' },
			locals: admin.locals
		});
		expect(result!.status).toBe(400);
		expect(result!.data).toEqual({
			values: { name: 'New Clerk', email: 'not an email', role: 'clerk', committees: [] },
			errors: {
				email: 'Enter the email address in the correct format, like name@example.com',
				password: 'Temporary password must be at least 12 characters'
			}
		});
		const noCommittee = await call(usersActions.create, '/admin/users?/create', {
			form: {
				name: 'New Clerk',
				email: 'new.clerk@x.example',
				role: 'clerk',
				password: 'temporary password'
			},
			locals: admin.locals
		});
		expect(noCommittee.result!.data).toMatchObject({
			errors: { committees: 'Select at least one committee for a clerk' }
		});
		expect(await countRows(db, 'users')).toBe(before);
	});

	it('create, edit, set a temporary password, disable and enable a user', async () => {
		const admin = await sessionFor('admin@x.example');
		const created = await call(usersActions.create, '/admin/users?/create', {
			form: {
				name: 'New Clerk',
				email: 'New.Clerk@x.example',
				role: 'clerk',
				committees: [String(committee)],
				password: 'temporary password'
			},
			locals: admin.locals
		});
		const id = Number(/\/admin\/users\/(\d+)/.exec(created.redirect!.location)![1]);
		expect(await getUser(db, id)).toMatchObject({
			email: 'new.clerk@x.example',
			mustChangePassword: true
		});

		const params = { id: String(id) };
		const version = (await getUser(db, id))!.version;
		const edited = await call(userActions.update, `/admin/users/${id}?/update`, {
			form: { name: 'Renamed', role: 'mp', version: String(version) },
			params,
			locals: admin.locals
		});
		expect(edited.redirect?.location).toBe(`/admin/users/${id}?done=updated`);
		const stale = await call(userActions.update, `/admin/users/${id}?/update`, {
			form: { name: 'Again', role: 'mp', version: String(version) },
			params,
			locals: admin.locals
		});
		expect(stale.result!.status).toBe(409);

		const pw = await call(userActions.password, `/admin/users/${id}?/password`, {
			form: { temporary_password: 'another temporary one' },
			params,
			locals: admin.locals
		});
		expect(pw.redirect?.location).toBe(`/admin/users/${id}?done=password`);

		await call(userActions.disable, `/admin/users/${id}?/disable`, {
			form: {},
			params,
			locals: admin.locals
		});
		expect((await getUser(db, id))!.disabledAt).not.toBeNull();
		await call(userActions.enable, `/admin/users/${id}?/enable`, {
			form: {},
			params,
			locals: admin.locals
		});
		expect((await getUser(db, id))!.disabledAt).toBeNull();
		const actions = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity_id', '=', String(id))
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'user.created',
			'user.updated',
			'user.temporary_password_set',
			'user.disabled',
			'user.enabled'
		]);
	});

	it('an admin cannot disable or demote themselves', async () => {
		const admin = await sessionFor('admin@x.example');
		const params = { id: String(admin.locals.user.id) };
		const disable = await call(userActions.disable, '/admin/users/1?/disable', {
			form: {},
			params,
			locals: admin.locals
		});
		expect(disable.result!.status).toBe(400);
		const version = (await getUser(db, admin.locals.user.id))!.version;
		const demote = await call(userActions.update, '/admin/users/1?/update', {
			form: { name: 'Me', role: 'mp', version: String(version) },
			params,
			locals: admin.locals
		});
		expect(demote.result!.data).toMatchObject({
			errors: { role: 'You cannot change your own role' }
		});
		expect((await getUser(db, admin.locals.user.id))!.role).toBe('admin');
	});

	it('the actions check the role themselves too (defence in depth)', async () => {
		const mp = await sessionFor('mp@x.example');
		await expect(
			call(usersActions.create, '/admin/users?/create', { form: {}, locals: mp.locals })
		).rejects.toMatchObject({ status: 403 });
		await expect(
			call(usersActions.create, '/admin/users?/create', { form: {}, locals: { user: null } })
		).rejects.toMatchObject({ status: 401 });
	});
});
