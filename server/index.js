// The production server: adapter-node's `build/handler.js` (its documented "custom server" use)
// inside our own node:http server, with the shared response cache in front of it
// (server/cache.js). `npm start`, the end-to-end tests and the bench all serve the app this way.
//
// adapter-node's settings keep working: handler.js reads ORIGIN, BODY_SIZE_LIMIT, XFF_DEPTH,
// ADDRESS_HEADER, PROTOCOL_HEADER, HOST_HEADER, PORT_HEADER; this file reads what
// build/index.js would (SOCKET_PATH, HOST, PORT, SHUTDOWN_TIMEOUT, KEEP_ALIVE_TIMEOUT,
// HEADERS_TIMEOUT) through adapter-node's own env.js, so an ENV_PREFIX works too.
// systemd socket activation (LISTEN_FDS) is not supported here; use HOST/PORT or SOCKET_PATH.
//
// Cache settings (environment):
//   AHADI_CACHE=off          render every request (the marker and 304s still work)
//   AHADI_CACHE_MAX_MB=64    total bytes of kept responses (least recently used go first)
//   AHADI_CACHE_TTL_S=60     an entry is rendered again after this long (dates move on)
//   AHADI_CACHE_POLL_MS=1000 how often the shared change marker is read (other instances, CLI)
import http from 'node:http';
import process from 'node:process';
import { createFrontHandler, ResponseCache } from './cache.js';
import { openChangeMarker, watchChanges } from './change-marker.js';

const build = new URL('../build/', import.meta.url);
// Importing handler.js runs the app's init hook (migrations) before anything listens.
const { handler } = await import(new URL('handler.js', build).href);
const { env, timeout_env } = await import(new URL('env.js', build).href);

const SESSION_COOKIE = 'ahadi_session'; // src/lib/server/auth/session.ts

const enabled = process.env.AHADI_CACHE !== 'off';
const cache = new ResponseCache({
	maxEntries: enabled ? 2000 : 0,
	maxBytes: Number(process.env.AHADI_CACHE_MAX_MB ?? 64) * 1024 * 1024,
	ttlMs: Number(process.env.AHADI_CACHE_TTL_S ?? 60) * 1000
});
const keyHeaders = ['HOST_HEADER', 'PROTOCOL_HEADER', 'PORT_HEADER']
	.map((name) => env(name, ''))
	.filter(Boolean);
const front = createFrontHandler(handler, { cache, sessionCookie: SESSION_COOKIE, keyHeaders });

const marker = await openChangeMarker(process.env.DATABASE_URL || 'data/ahadi.db');
const stopWatching = await watchChanges(
	marker,
	Number(process.env.AHADI_CACHE_POLL_MS ?? 1000),
	() => {
		cache.clear();
		// The app's memo (src/lib/server/db/memo.ts, DATA_CHANGED_EVENT) forgets too: on
		// PostgreSQL its max(audit_log.id) can miss a commit that this marker heard.
		// @ts-expect-error our own event name, not in Node's typings
		process.emit('ahadi:data-changed');
	}
);

// RFC 8058 one-click unsubscribe: a mail provider POSTs `List-Unsubscribe=One-Click` to the link
// in the List-Unsubscribe header, from its own servers, without an Origin header. SvelteKit
// refuses any cross-site form POST (CSRF), so for that one route, and only when the request has
// no Origin at all (a browser always sends one with a POST), the app's own origin is filled in.
// Nothing is at risk: the random token in the path is the only authority the route accepts.
const ONE_CLICK_PATH = /^(?:\/sw)?\/alerts\/unsubscribe\/[A-Za-z0-9_-]{43}$/;
function allowOneClickUnsubscribe(/** @type {http.IncomingMessage} */ req) {
	if (req.method !== 'POST' || req.headers.origin !== undefined) return;
	if (!ONE_CLICK_PATH.test((req.url ?? '').split('?')[0] ?? '')) return;
	const origin = env('ORIGIN', undefined);
	// Without ORIGIN, adapter-node takes the request for https on its Host header.
	req.headers.origin = origin ?? `https://${req.headers.host}`;
}

const httpServer = http.createServer((req, res) => {
	allowOneClickUnsubscribe(req);
	void front(req, res);
});
const keepAlive = timeout_env('KEEP_ALIVE_TIMEOUT');
if (keepAlive !== undefined) httpServer.keepAliveTimeout = keepAlive * 1000;
const headersTimeout = timeout_env('HEADERS_TIMEOUT');
if (headersTimeout !== undefined) httpServer.headersTimeout = headersTimeout * 1000;

const socketPath = env('SOCKET_PATH', false);
const host = env('HOST', '0.0.0.0');
const port = env('PORT', !socketPath && '3000');
const listening = () => {
	const where = socketPath || `http://${host}:${port}`;
	console.log(`Listening on ${where} (shared cache ${enabled ? 'on' : 'off'})`);
};
if (socketPath) httpServer.listen({ path: socketPath }, listening);
else httpServer.listen({ host, port: Number(port) }, listening);

let shuttingDown = false;
/** As build/index.js: finish in-flight requests, then let the app close its resources. */
function shutdown(/** @type {string} */ reason) {
	if (shuttingDown) return;
	shuttingDown = true;
	stopWatching();
	httpServer.closeIdleConnections();
	httpServer.close(() => {
		void marker.close();
		// @ts-expect-error SvelteKit's own event name, not in Node's typings
		process.emit('sveltekit:shutdown', reason);
	});
	const timeout = Number.parseInt(env('SHUTDOWN_TIMEOUT', '30'), 10);
	setTimeout(() => httpServer.closeAllConnections(), timeout * 1000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
