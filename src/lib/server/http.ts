// Answers of the open data endpoints: cacheable (ETag, 304 on If-None-Match, a short public
// max-age, so a proxy or CDN can serve repeats), open to any origin, and errors as JSON that name
// the bad parameter.
import { createHash } from 'node:crypto';
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

function jsonError(status: number, body: Record<string, unknown>): Response {
	return new Response(JSON.stringify(body), {
		status,
		headers: {
			...CORS,
			'Content-Type': 'application/json; charset=utf-8',
			'Cache-Control': 'no-store'
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
