import { error, redirect, type Handle, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { decideAccess } from '$lib/server/auth/access';
import {
	SESSION_COOKIE,
	deleteSessionCookie,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { db } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';

export const init: ServerInit = async () => {
	// The built server brings its own schema up to date, so a deploy is one step.
	await migrateToLatest(db);
};

const handleAuth: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const secure = event.url.protocol === 'https:';
	if (!token) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = await validateSessionToken(db, token);
	if (session) setSessionCookie(event.cookies, token, session.expiresAt, secure);
	else deleteSessionCookie(event.cookies, secure);
	event.locals.user = user;
	event.locals.session = session;
	return resolve(event);
};

const handleAccess: Handle = async ({ event, resolve }) => {
	const routeId = event.route.id;
	if (routeId === null) return resolve(event); // no such route: SvelteKit answers 404
	const decision = decideAccess(routeId, event.request.method, event.locals.user);
	if (decision.allow) return resolve(event);
	if (decision.reason === 'anonymous') {
		if (event.request.method === 'GET' || event.request.method === 'HEAD') {
			const target = event.url.pathname + event.url.search;
			redirect(303, `/login?redirectTo=${encodeURIComponent(target)}`);
		}
		error(401, 'Sign in to do this.');
	}
	if (decision.reason === 'method') error(405, 'Method not allowed.');
	error(403, 'You do not have permission to open this page.');
};

const handleHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	if (event.url.protocol === 'https:') {
		response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
	}
	return response;
};

export const handle = sequence(handleAuth, handleAccess, handleHeaders);
