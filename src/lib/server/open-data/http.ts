// Answers of the open data endpoints: cacheable (ETag, 304 on If-None-Match, a short public
// max-age, so a proxy or CDN can serve repeats), open to any origin, and errors as JSON that name
// the bad parameter.
import { createHash } from 'node:crypto';
import type { Handle } from '@sveltejs/kit';
import type { ParamError } from '$lib/domain/query-params';

export const CACHE_CONTROL = 'public, max-age=60';

const CORS: Record<string, string> = {
	'Access-Control-Allow-Origin': '*',
	// ETag is not a CORS-safelisted response header: scripts on other sites need it exposed.
	'Access-Control-Expose-Headers': 'ETag'
};

/** A weak validator: the same bytes today give the same tag; any change gives a new one. */
export function etagOf(body: string): string {
	return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** RFC 9110 weak comparison against an If-None-Match list (or `*`). */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
	if (!header) return false;
	const opaque = etag.replace(/^W\//, '');
	return header
		.split(',')
		.map((t) => t.trim())
		.some((t) => t === '*' || t.replace(/^W\//, '') === opaque);
}

/** A 200 with an ETag, or a bodiless 304 when the client already holds this version. */
export function cachedText(
	request: Request,
	body: string,
	contentType: string,
	headers: Record<string, string> = {}
): Response {
	const etag = etagOf(body);
	const common = { ...CORS, 'Cache-Control': CACHE_CONTROL, ETag: etag };
	if (ifNoneMatchHits(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers: common });
	}
	return new Response(body, {
		status: 200,
		headers: { ...common, 'Content-Type': contentType, ...headers }
	});
}

export function cachedJson(request: Request, value: unknown): Response {
	return cachedText(request, JSON.stringify(value), 'application/json; charset=utf-8');
}

function jsonError(
	status: number,
	body: Record<string, unknown>,
	headers: Record<string, string> = {}
): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			...CORS,
			'Content-Type': 'application/json; charset=utf-8',
			'Cache-Control': 'no-store',
			...headers
		}
	});
}

/** 400 naming the parameter: `{ error, message, param, errors: [{ param, message }] }`. */
export function badRequest(param: string, message: string, errors?: ParamError[]): Response {
	return jsonError(400, {
		error: 'invalid_parameter',
		message: `${param}: ${message}`,
		param,
		errors: errors ?? [{ param, message }]
	});
}

/** 400 for every problem a query parser found; the first one is the headline. */
export function badRequestFrom(errors: ParamError[]): Response {
	const [first] = errors;
	if (!first) throw new Error('badRequestFrom needs at least one error');
	return badRequest(first.param, first.message, errors);
}

/** 404 that reads the same for a draft as for a reference that never existed. */
export function notFound(message: string): Response {
	return jsonError(404, { error: 'not_found', message });
}

/** The API is read-only: these are the methods any of its paths answers. */
const API_METHODS = 'GET, HEAD, OPTIONS';

/** Request headers a script on another site may send (If-None-Match, to revalidate). */
const API_REQUEST_HEADERS = 'If-None-Match';

const ERROR_CODES: Record<number, string> = {
	400: 'invalid_parameter',
	401: 'unauthorised',
	403: 'forbidden',
	404: 'not_found',
	405: 'method_not_allowed',
	413: 'too_large',
	415: 'unsupported_media_type'
};

/** Every `error` code an /api/ answer may carry (the OpenAPI document lists these). */
export const API_ERROR_CODES = [...Object.values(ERROR_CODES), 'internal_error', 'refused'];

/** `/api/...` in either language (reroute serves /sw/api/... by the same routes). */
export function isApiPath(pathname: string): boolean {
	return /^(\/sw)?\/api(\/|$)/.test(pathname);
}

/** An answer of ours, in the documented shape (set by jsonError). */
function isApiAnswer(response: Response): boolean {
	const type = response.headers.get('content-type') ?? '';
	return type.startsWith('application/json') && response.headers.has('access-control-allow-origin');
}

/**
 * Everything under /api/ is JSON for programs, never an HTML page: a CORS preflight (a script
 * on another site that sends If-None-Match to revalidate) gets 204 with what it may do, and any
 * refusal or failure, whoever answered it (no such path, a method the API does not have, the
 * access table, an error), gets the documented error shape `{ error, message }` with CORS.
 */
export const handleApi: Handle = async ({ event, resolve }) => {
	if (!isApiPath(event.url.pathname)) return resolve(event);
	if (event.request.method === 'OPTIONS') {
		return new Response(null, {
			status: 204,
			headers: {
				...CORS,
				'Access-Control-Allow-Methods': API_METHODS,
				'Access-Control-Allow-Headers': API_REQUEST_HEADERS,
				'Access-Control-Max-Age': '86400',
				Allow: API_METHODS
			}
		});
	}
	const response = await resolve(event);
	if (response.status < 400 || isApiAnswer(response)) return response;
	const status = response.status;
	const method = event.request.method;
	const message =
		status === 404
			? `There is nothing at ${event.url.pathname}; see /api/v1/openapi.json for the paths.`
			: status === 405
				? `${method} is not allowed: the API answers ${API_METHODS}.`
				: status >= 500
					? 'Something went wrong on our side; try again later.'
					: `The request was refused (${status}).`;
	const code = ERROR_CODES[status] ?? (status >= 500 ? 'internal_error' : 'refused');
	const extra: Record<string, string> = status === 405 ? { Allow: API_METHODS } : {};
	const retryAfter = response.headers.get('retry-after');
	if (retryAfter) extra['Retry-After'] = retryAfter;
	return jsonError(status, { error: code, message }, extra);
};
