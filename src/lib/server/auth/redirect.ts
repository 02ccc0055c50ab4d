import { deLocalizeHref } from '$lib/paraglide/runtime';

const BASE = 'http://ahadi.invalid';

/**
 * True for a path that a browser would read as another host: `//host`, `/\host`, `\\host`
 * (browsers treat a backslash as a slash in http URLs).
 */
function looksLikeAnotherHost(path: string): boolean {
	return /^[/\\]{2}/.test(path);
}

/**
 * The `redirectTo` after sign-in, honoured only for a path on this site. The value is checked
 * as it will be used: resolved and normalised first (`/./`, `/a/../`, `%2e%2e` collapse to
 * `//host` only then), and the resulting path must still start with a single '/' on this
 * origin. Anything else gives `fallback`.
 */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/'): string {
	if (!value || value.length > 2000) return fallback;
	if (!value.startsWith('/') || looksLikeAnotherHost(value)) return fallback;
	// Control characters and backslashes are never part of a path this app links to.
	if ([...value].some((c) => c < ' ' || c === '\u007f' || c === '\\')) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	if (looksLikeAnotherHost(url.pathname)) return fallback;
	const target = url.pathname + url.search + url.hash;
	// Going back to the sign-in or sign-out page (in any language) after signing in would be a loop.
	const page = deLocalizeHref(url.pathname);
	if (page === '/login' || page === '/logout') return fallback;
	return target;
}

/**
 * The Location a response may carry: a path on `origin`. Ahadi never sends anyone to another
 * site, so handleHeaders applies this to every response: whatever a route, a hook or the
 * framework wrote, a redirect cannot leave the site. The value is parsed as a browser would
 * (tabs dropped, backslashes as slashes, dot segments resolved) and written out again from the
 * parsed form, with a leading `//` collapsed; another origin gives '/'.
 */
export function sameOriginLocation(location: string, origin: URL): string {
	let url: URL;
	try {
		url = new URL(location, origin);
	} catch {
		return '/';
	}
	if (url.origin !== origin.origin) return '/';
	return url.pathname.replace(/^\/+/, '/') + url.search + url.hash;
}
