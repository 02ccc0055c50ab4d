import { deLocalizeHref } from '$lib/paraglide/runtime';

const BASE = 'http://ahadi.invalid';

/**
 * The `redirectTo` after sign-in, honoured only for a path on this site: it must start with a
 * single '/' (not '//' or '/\', which browsers read as another host) and stay on this origin
 * once resolved. Anything else gives `fallback`.
 */
export function safeRedirectTarget(value: string | null | undefined, fallback = '/'): string {
	if (!value || value.length > 2000) return fallback;
	if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
	// Control characters and backslashes are never part of a path this app links to.
	if ([...value].some((c) => c < ' ' || c === '\u007f' || c === '\\')) return fallback;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return fallback;
	}
	if (url.origin !== BASE) return fallback;
	const target = url.pathname + url.search + url.hash;
	// Going back to the sign-in or sign-out page (in any language) after signing in would be a loop.
	const page = deLocalizeHref(url.pathname);
	if (page === '/login' || page === '/logout') return fallback;
	return target;
}
