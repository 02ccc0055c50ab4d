// The server hook's three steps, built here so tests can run them with their own database.
// src/hooks.server.ts puts them together.
import { createHash } from 'node:crypto';
import { error, json, type Handle, type RequestEvent } from '@sveltejs/kit';
import type { Kysely } from 'kysely';
import { baseLocale, extractLocaleFromUrl, localizeHref } from '$lib/paraglide/runtime';
import type { DB } from '../db/schema';
import { PASSWORD_CHANGE_ROUTES, decideAccess } from './access';
import { sameOriginLocation } from './redirect';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from './session';

export function isSecureRequest(event: Pick<RequestEvent, 'url'>): boolean {
	return event.url.protocol === 'https:';
}

/** Reads the session cookie into `locals.user` / `locals.session`, sliding its expiry. */
export function createHandleAuth(db: Kysely<DB>): Handle {
	return async ({ event, resolve }) => {
		event.locals.user = null;
		event.locals.session = null;
		const token = event.cookies.get(SESSION_COOKIE);
		if (!token) return resolve(event);
		const secure = isSecureRequest(event);
		const { session, user } = await validateSessionToken(db, token);
		if (session) setSessionCookie(event.cookies, token, session.expiresAt, secure);
		else deleteSessionCookie(event.cookies, secure);
		event.locals.user = user;
		event.locals.session = session;
		return resolve(event);
	};
}

/** The refusal page's own styles, allowed by their hash: no 'unsafe-inline' anywhere. */
const REFUSAL_STYLE =
	'body{font:1rem/1.5 system-ui,sans-serif;color:#0b0c0c;margin:0}header{background:#1d4f6e;color:#fff;padding:.75rem 1rem;font-weight:700}main{max-width:40rem;padding:1.5rem 1rem}a{color:#1a56a0}';
const REFUSAL_STYLE_HASH = `sha256-${createHash('sha256').update(REFUSAL_STYLE).digest('base64')}`;

const TITLES: Record<number, string> = {
	401: 'Sign in to continue',
	403: 'You do not have permission to do this',
	405: 'This page does not accept that request'
};

/**
 * A refusal answered by the hook itself, in the form the caller understands: JSON for data
 * and `use:enhance` requests (SvelteKit's own shapes), a small HTML page for browsers.
 */
export function deny(event: RequestEvent, status: 401 | 403 | 405, message: string): Response {
	if (event.isDataRequest) return json({ message }, { status });
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', error: { message } }, { status });
	}
	const accept = event.request.headers.get('accept') ?? '';
	if (accept.includes('application/json') && !accept.includes('text/html')) {
		return json({ message }, { status });
	}
	const signIn =
		status === 401
			? `<p><a href="/login">Sign in</a></p>`
			: `<p><a href="/">Go to the home page</a></p>`;
	const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[status]} · Ahadi</title>
<style>${REFUSAL_STYLE}</style>
</head><body><header>Ahadi</header><main><h1>${TITLES[status]}</h1><p>${escapeHtml(message)}</p>${signIn}<p>Error ${status}</p></main></body></html>`;
	const headers: Record<string, string> = {
		'content-type': 'text/html; charset=utf-8',
		'content-security-policy': `default-src 'none'; style-src '${REFUSAL_STYLE_HASH}'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`
	};
	if (status === 405) headers.allow = 'GET, HEAD';
	return new Response(html, { status, headers });
}

function escapeHtml(s: string): string {
	return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Deny by default: a route id missing from the access table, or a method its entry does not
 * name, is refused. Anonymous visitors are sent to sign in (GET) or told to (401); signed-in
 * users with the wrong role get 403. Users who must change their password go to /account.
 */
export const handleAccess: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event); // no such route: SvelteKit answers 404
	// A route's own id typed as an address ('/alerts/manage/[token]') reaches that route without
	// its parameters; no address of Ahadi has a raw bracket in its path.
	if (/[[\]]/.test(event.url.pathname)) error(404, 'Not found.');
	const method = event.request.method;
	const reading = method === 'GET' || method === 'HEAD';
	const user = event.locals.user;

	if (user?.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(routeId)) {
		if (reading) return redirectTo(inLanguageOf(event, '/account'));
		return deny(event, 403, 'Change your temporary password before doing anything else.');
	}

	const decision = decideAccess(routeId, method, user);
	if (decision.allow) return resolve(event);
	switch (decision.reason) {
		case 'anonymous':
			if (reading) {
				const target = event.url.pathname + event.url.search;
				return redirectTo(
					`${inLanguageOf(event, '/login')}?redirectTo=${encodeURIComponent(target)}`
				);
			}
			return deny(event, 401, 'Your session has ended or you are not signed in.');
		case 'method':
			return deny(event, 405, `${method} is not allowed here.`);
		default:
			return deny(event, 403, 'Your account does not have access to this page.');
	}
};

/** `path` in the request's language: '/login' from a /sw/... page is '/sw/login'. */
function inLanguageOf(event: Pick<RequestEvent, 'url'>, path: string): string {
	return localizeHref(path, { locale: extractLocaleFromUrl(event.url) ?? baseLocale });
}

// A Response rather than a thrown redirect, so that handleHeaders (outside) still sees it.
// SvelteKit turns it into its JSON redirect for data requests.
function redirectTo(location: string): Response {
	return new Response(null, { status: 303, headers: { location } });
}

/**
 * Security headers on every response the app makes (pages, endpoints, redirects, refusals).
 * Pages get their Content-Security-Policy from kit.csp; anything without one gets a strict one.
 * Every Location stays on this site (sameOriginLocation): no open redirect, whatever wrote it.
 */
export const handleHeaders: Handle = async ({ event, resolve }) => {
	let response = await resolve(event);
	try {
		addSecurityHeaders(response.headers, event);
	} catch {
		// A Response passed through from fetch() has immutable headers: copy it first.
		response = new Response(response.body, response);
		addSecurityHeaders(response.headers, event);
	}
	return response;
};

/** Referrer policies a route may set instead of the default (never a weaker one). */
const STRICTER_REFERRER_POLICIES = new Set(['no-referrer', 'same-origin']);

function addSecurityHeaders(headers: Headers, event: RequestEvent) {
	const location = headers.get('location');
	if (location !== null) headers.set('location', sameOriginLocation(location, event.url));
	headers.set('X-Content-Type-Options', 'nosniff');
	// A page whose address holds a secret (an invitation link) may ask for a stricter policy.
	if (!STRICTER_REFERRER_POLICIES.has(headers.get('Referrer-Policy') ?? '')) {
		headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	}
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
	if (!headers.has('Content-Security-Policy')) {
		headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	if (isSecureRequest(event))
		headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
}
