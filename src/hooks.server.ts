import type { ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { handleParaglide } from '$lib/i18n/server';
import { createHandleAuth, handleAccess, handleHeaders } from '$lib/server/auth/handles';
import { db } from '$lib/server/db/client';
import { migrateToLatest } from '$lib/server/db/migrate';
import { handleServerTiming } from '$lib/server/db/query-count';
import { handleForms } from '$lib/server/forms/handle-bodies';
import { handleApi } from '$lib/server/open-data/http';
import { handleCacheHeaders } from '$lib/server/shared-cache';
import { startAlertScheduler } from '$lib/server/services/alert-scheduler';
import { building } from '$app/environment';

export const init: ServerInit = async () => {
	// The built server brings its own schema up to date, so a deploy is one step.
	await migrateToLatest(db);
	// Reminders, digests and the outbox's sender run on a timer, never in a request.
	if (!building) {
		const stop = startAlertScheduler(db);
		process.once('sveltekit:shutdown', stop);
	}
};

const handleAuth = createHandleAuth(db);

// handleHeaders comes first so that it wraps everything after it, including the redirects and
// refusals that handleAccess answers without calling `resolve`. handleParaglide sets the
// request's language (from the URL: /sw/... is Kiswahili) before anything renders.
// handleCacheHeaders marks anonymous public answers shareable for the front server's cache
// (server/cache.js); handleServerTiming counts SQL per request when AHADI_SERVER_TIMING=1.
// handleForms turns unreadable form bodies and prototype-named actions into 400/404.
// handleApi answers CORS preflights and makes every /api/ refusal JSON (it wraps handleAccess).
export const handle = sequence(
	handleHeaders,
	handleServerTiming,
	handleCacheHeaders,
	handleParaglide,
	handleApi,
	handleAuth,
	handleAccess,
	handleForms
);
