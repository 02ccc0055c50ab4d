import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../src/lib/server/auth/session';
import {
	SESSION_COOKIE,
	createSession,
	generateSessionToken
} from '../../src/lib/server/auth/session';
import { createHandleAuth, handleAccess, handleHeaders } from '../../src/lib/server/auth/handles';
import { safeRedirectTarget, sameOriginLocation } from '../../src/lib/server/auth/redirect';
import { addUser, freshDb } from './auth-helpers';
import { fakeCookies, fakeEvent, type EventInit } from './auth-events';

const user = (role: SessionUser['role'], extra: Partial<SessionUser> = {}): SessionUser => ({
	id: 1,
	email: 'u@x.example',
	name: 'U',
	role,
	mustChangePassword: false,
	committeeIds: [],
	organisationIds: [],
	...extra
});

async function access(href: string, init: EventInit) {
	const resolve = vi.fn(async () => new Response('resolved'));
	const event = fakeEvent(href, init);
	const response = await handleAccess({ event, resolve });
	return { response, resolved: resolve.mock.calls.length > 0 };
}

describe('handleAccess', () => {
	it('lets SvelteKit answer 404 for unknown paths', async () => {
		const { resolved } = await access('/nope', { routeId: null });
		expect(resolved).toBe(true);
	});

	it('denies a route missing from the table, even to admins', async () => {
		const { response, resolved } = await access('/x', {
			routeId: '/(clerk)/not-in-table',
			locals: { user: user('admin') }
		});
		expect(resolved).toBe(false);
		expect(response.status).toBe(403);
	});

	it('sends anonymous readers to sign in, keeping where they were going', async () => {
		const { response } = await access('/admin/users?page=2', { routeId: '/(admin)/admin/users' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fadmin%2Fusers%3Fpage%3D2');
	});

	it('keeps the language of a /sw/... page when sending readers elsewhere', async () => {
		// reroute() hands /sw/admin/users to the same route id as /admin/users.
		const { response } = await access('/sw/admin/users', { routeId: '/(admin)/admin/users' });
		expect(response.headers.get('location')).toBe('/sw/login?redirectTo=%2Fsw%2Fadmin%2Fusers');
		const must = user('admin', { mustChangePassword: true });
		const held = await access('/sw/admin', { routeId: '/(admin)/admin', locals: { user: must } });
		expect(held.response.headers.get('location')).toBe('/sw/account');
	});

	it('answers 401 to anonymous writes, in the shape each client expects', async () => {
		const html = await access('/admin/users?/create', {
			routeId: '/(admin)/admin/users',
			method: 'POST'
		});
		expect(html.response.status).toBe(401);
		expect(html.response.headers.get('content-type')).toMatch(/text\/html/);
		expect(html.response.headers.get('content-security-policy')).toContain(
			"frame-ancestors 'none'"
		);

		const enhanced = await access('/admin/users?/create', {
			routeId: '/(admin)/admin/users',
			method: 'POST',
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(enhanced.response.status).toBe(401);
		expect(await enhanced.response.json()).toMatchObject({
			type: 'error',
			error: { message: expect.any(String) }
		});

		const data = await access('/admin/users', {
			routeId: '/(admin)/admin/users',
			locals: { user: user('mp') },
			isDataRequest: true
		});
		expect(data.response.status).toBe(403);
		expect(await data.response.json()).toEqual({ message: expect.any(String) });
	});

	it('answers 403 to the wrong role and lets the right one through', async () => {
		for (const role of ['mp', 'clerk'] as const) {
			const { response, resolved } = await access('/admin', {
				routeId: '/(admin)/admin',
				locals: { user: user(role) }
			});
			expect(resolved).toBe(false);
			expect(response.status).toBe(403);
		}
		const { resolved } = await access('/admin', {
			routeId: '/(admin)/admin',
			locals: { user: user('admin') }
		});
		expect(resolved).toBe(true);
	});

	it('answers 405 to a method the entry does not name', async () => {
		const { response } = await access('/admin/audit', {
			routeId: '/(admin)/admin/audit',
			method: 'POST',
			locals: { user: user('admin') }
		});
		expect(response.status).toBe(405);
		const del = await access('/login', { routeId: '/(auth)/login', method: 'DELETE' });
		expect(del.response.status).toBe(405);
	});

	it('holds a user with a temporary password at /account', async () => {
		const must = user('admin', { mustChangePassword: true });
		const page = await access('/admin', { routeId: '/(admin)/admin', locals: { user: must } });
		expect(page.response.status).toBe(303);
		expect(page.response.headers.get('location')).toBe('/account');
		const write = await access('/admin/users?/create', {
			routeId: '/(admin)/admin/users',
			method: 'POST',
			locals: { user: must }
		});
		expect(write.response.status).toBe(403);
		for (const routeId of ['/(auth)/account', '/(auth)/logout']) {
			const ok = await access('/account', { routeId, method: 'POST', locals: { user: must } });
			expect(ok.resolved).toBe(true);
		}
	});
});

describe('handleHeaders', () => {
	const run = async (href: string, response = new Response('x')) =>
		handleHeaders({ event: fakeEvent(href), resolve: async () => response });

	it('sets the security headers on every response, HSTS only over HTTPS', async () => {
		const plain = await run('http://127.0.0.1/');
		expect(plain.headers.get('x-content-type-options')).toBe('nosniff');
		expect(plain.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(plain.headers.get('x-frame-options')).toBe('DENY');
		expect(plain.headers.get('content-security-policy')).toBe(
			"default-src 'none'; frame-ancestors 'none'"
		);
		expect(plain.headers.get('strict-transport-security')).toBeNull();
		const secure = await run('https://ahadi.example/');
		expect(secure.headers.get('strict-transport-security')).toBe(
			'max-age=63072000; includeSubDomains'
		);
	});

	it('keeps the page CSP that kit.csp made, and copes with immutable headers', async () => {
		const page = await run(
			'http://127.0.0.1/',
			new Response('x', { headers: { 'content-security-policy': "script-src 'self'" } })
		);
		expect(page.headers.get('content-security-policy')).toBe("script-src 'self'");
		const immutable = Response.redirect('http://127.0.0.1/elsewhere', 302);
		const copied = await run('http://127.0.0.1/', immutable);
		expect(copied.status).toBe(302);
		expect(copied.headers.get('x-content-type-options')).toBe('nosniff');
	});

	it('keeps a stricter referrer policy a page asked for (a secret in its address), no other', async () => {
		const secret = await run(
			'http://127.0.0.1/invitation/x',
			new Response('x', { headers: { 'referrer-policy': 'no-referrer' } })
		);
		expect(secret.headers.get('referrer-policy')).toBe('no-referrer');
		const sameOrigin = await run(
			'http://127.0.0.1/invitation/x',
			new Response('x', { headers: { 'referrer-policy': 'same-origin' } })
		);
		expect(sameOrigin.headers.get('referrer-policy')).toBe('same-origin');
		const weaker = await run(
			'http://127.0.0.1/',
			new Response('x', { headers: { 'referrer-policy': 'unsafe-url' } })
		);
		expect(weaker.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
	});
});

describe('handleAuth', () => {
	it('reads the session into locals and refreshes the cookie; drops a bad cookie', async () => {
		const db = await freshDb();
		const id = await addUser(db, 'a@x.example', 'admin');
		const token = generateSessionToken();
		await createSession(db, token, id);
		const handle = createHandleAuth(db);

		const cookies = fakeCookies({ [SESSION_COOKIE]: token });
		const event = fakeEvent('http://127.0.0.1/', { cookies });
		await handle({ event, resolve: async () => new Response('x') });
		expect(event.locals.user).toMatchObject({ id, role: 'admin' });
		expect(cookies.jar.get(SESSION_COOKIE)?.options).toMatchObject({
			httpOnly: true,
			sameSite: 'lax',
			path: '/',
			secure: false
		});

		const secureCookies = fakeCookies({ [SESSION_COOKIE]: token });
		await handle({
			event: fakeEvent('https://ahadi.example/', { cookies: secureCookies }),
			resolve: async () => new Response('x')
		});
		expect(secureCookies.jar.get(SESSION_COOKIE)?.options).toMatchObject({ secure: true });

		const bad = fakeCookies({ [SESSION_COOKIE]: 'forged' });
		const badEvent = fakeEvent('http://127.0.0.1/', { cookies: bad });
		await handle({ event: badEvent, resolve: async () => new Response('x') });
		expect(badEvent.locals.user).toBeNull();
		expect(bad.jar.get(SESSION_COOKIE)).toMatchObject({ value: '', options: { maxAge: 0 } });
	});
});

describe('safeRedirectTarget', () => {
	it.each([
		['/admin/users?page=2#x', '/admin/users?page=2#x'],
		['/commitments/DCAIS%2F2025%2F004', '/commitments/DCAIS%2F2025%2F004'],
		[null, '/'],
		['', '/'],
		['admin', '/'],
		['//evil.example/', '/'],
		['/\\evil.example', '/'],
		['/%5Cevil.example', '/%5Cevil.example'],
		['https://evil.example/', '/'],
		['/\t/evil.example', '/'],
		['javascript:alert(1)', '/'],
		['/login?redirectTo=/admin', '/'],
		['/logout', '/'],
		['/sw/login?redirectTo=/admin', '/'],
		['/sw/commitments?committee=x', '/sw/commitments?committee=x'],
		// Harmless as written, another host once normalised: checked as they will be used.
		['/.//evil.example', '/'],
		['/a/..//evil.example', '/'],
		['/%2e%2e//evil.example', '/'],
		['/%2E%2E/%2e//evil.example/x', '/'],
		['/a/../commitments', '/commitments']
	])('%s → %s', (input, expected) => {
		expect(safeRedirectTarget(input)).toBe(expected);
	});
});

describe('every Location stays on this site', () => {
	const origin = new URL('http://ahadi.test/commitments');
	it.each([
		['/commitments?q=a#x', '/commitments?q=a#x'],
		['http://ahadi.test/workspace', '/workspace'],
		['//evil.example/phish', '/'],
		['/\\evil.example', '/'],
		['\\\\evil.example', '/'],
		['/\t/evil.example', '/'],
		['https://evil.example/', '/'],
		['http://ahadi.test:8080/', '/'],
		['javascript:alert(1)', '/'],
		['/.//evil.example', '/evil.example'],
		['/%2e%2e//evil.example', '/evil.example']
	])('%s → %s', (location, expected) => {
		expect(sameOriginLocation(location, origin)).toBe(expected);
	});

	it('is applied by handleHeaders to whatever the app answered', async () => {
		const event = fakeEvent('http://ahadi.test/en//evil.example/phish', {});
		const response = await handleHeaders({
			event,
			resolve: async () =>
				new Response(null, { status: 308, headers: { location: '//evil.example/phish' } })
		});
		expect(response.status).toBe(308);
		expect(response.headers.get('location')).toBe('/');
	});
});
