// Which responses the front server (server/index.js) may keep and serve to other visitors, and
// the Cache-Control every page carries. The app decides; the front server only obeys the marker.
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { ACCESS } from './auth/access';
import { SESSION_COOKIE } from './auth/session';
import { trackChanges } from './db/change-signal';

/** Must match CACHEABLE_HEADER in server/cache.js; the front server strips it before sending. */
export const CACHEABLE_HEADER = 'x-ahadi-cacheable';
/** Must match CHANGED_HEADER in server/cache.js: this request changed data (stripped too). */
export const CHANGED_HEADER = 'x-ahadi-changed';
/** Anyone may store a public page, but must check it is current before each use (ETag/304). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** Signed-in pages show drafts and private notes: never stored anywhere. */
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Public read-only routes: the pages, the API, downloads and feeds. Not sign-in pages. */
export function isSharedRoute(routeId: string | null): boolean {
	if (routeId === null || routeId.startsWith('/(auth)')) return false;
	return ACCESS[routeId]?.GET?.kind === 'public';
}

function isSharedResponse(event: RequestEvent, response: Response): boolean {
	const method = event.request.method;
	if (method !== 'GET' && method !== 'HEAD') return false;
	// A stale or foreign session cookie counts too: the front server bypasses any such request.
	if (event.locals.user || event.cookies.get(SESSION_COOKIE) !== undefined) return false;
	if (response.status !== 200 || response.headers.has('set-cookie')) return false;
	const cacheControl = response.headers.get('cache-control');
	if (cacheControl && !cacheControl.includes('public')) return false;
	return isSharedRoute(event.route.id);
}

/**
 * Marks anonymous 200 answers of public routes as shareable (Cache-Control public, revalidate
 * every time); everything a signed-in user sees is `private, no-store`. A response to a request
 * that changed data says so (CHANGED_HEADER), so the front server forgets what it kept.
 */
export const handleCacheHeaders: Handle = async ({ event, resolve }) => {
	const [resolved, changed] = await trackChanges(async () => resolve(event));
	let response = resolved;
	if (changed) response = withHeader(response, CHANGED_HEADER, '1');
	const shared = !changed && isSharedResponse(event, response);
	const signedIn = event.locals.user !== null && event.locals.user !== undefined;
	if (!shared && !signedIn) return response;
	try {
		setCacheHeaders(response.headers, shared);
	} catch {
		// A Response passed through from fetch() has immutable headers: copy it first.
		response = new Response(response.body, response);
		setCacheHeaders(response.headers, shared);
	}
	return response;
};

function withHeader(response: Response, name: string, value: string): Response {
	try {
		response.headers.set(name, value);
		return response;
	} catch {
		// A Response passed through from fetch() has immutable headers: copy it first.
		const copy = new Response(response.body, response);
		copy.headers.set(name, value);
		return copy;
	}
}

function setCacheHeaders(headers: Headers, shared: boolean) {
	if (!shared) {
		headers.set('Cache-Control', PRIVATE_CACHE_CONTROL);
		return;
	}
	if (!headers.has('Cache-Control')) headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
	headers.set(CACHEABLE_HEADER, '1');
}
