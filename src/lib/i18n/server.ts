import type { Handle } from '@sveltejs/kit';
import { baseLocale, deLocalizeUrl } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';

/**
 * Runs the rest of the request inside Paraglide's per-request locale context (AsyncLocalStorage),
 * so getLocale() and every m.*() call on the server answer in the URL's language, and writes the
 * locale into <html lang="%paraglide.lang%">.
 */
export const handleParaglide: Handle = ({ event, resolve }) => {
	// English has no prefix: send /en/... to /... so each page has one English address.
	const first = event.url.pathname.split('/')[1];
	if (first === baseLocale && (event.request.method === 'GET' || event.request.method === 'HEAD')) {
		const target = deLocalizeUrl(event.url);
		// `/en//evil.example` must not become `//evil.example`, which browsers read as a host.
		const path = target.pathname.replace(/^\/+/, '/');
		return new Response(null, { status: 308, headers: { location: path + target.search } });
	}
	return paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%paraglide.lang%', locale)
		});
	});
};
