// The shared change marker: every write to published data appends to the append-only audit_log
// in the same transaction (src/lib/server/audit.ts), so each instance's cache can learn when
// another instance, `npm run import` or a seed committed a change, and forget what it kept.
//
// SQLite: one writer at a time, so audit ids follow commit order and polling max(id) is exact.
// PostgreSQL: ids come from a sequence and are handed out before commit, so max(id) can move
// past a transaction that commits later, and polling it would miss that commit. Instead a
// trigger (db/migrations/2026-12-07-008-change-notify.ts) sends NOTIFY ahadi_change with each
// insert into audit_log; PostgreSQL delivers notifications at commit, in commit order, and only
// for committed transactions. The marker LISTENs on a connection of its own.

import { resolve } from 'node:path';

const QUERY = 'SELECT max(id) AS v FROM audit_log';
const CHANNEL = 'ahadi_change';
/** How the marker's PostgreSQL connection is named in pg_stat_activity. */
export const MARKER_APPLICATION_NAME = 'ahadi-change-marker';
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5000;

/**
 * @typedef {object} ChangeMarker
 * @property {() => Promise<string>} read the current marker; throws when it cannot be trusted
 *   (the caller then empties its cache)
 * @property {(listener: () => void) => () => void} [subscribe] for markers that are told of
 *   changes rather than polled: calls `listener` on each change, and whenever changes may have
 *   been missed (connection lost, connection back); returns the unsubscribe function
 * @property {() => Promise<void>} close
 */

/**
 * Opens a small connection of its own, separate from the app's: read-only for SQLite, one
 * listening client for PostgreSQL. The URL is the app's DATABASE_URL (same rules as createDb).
 * @param {string} url
 * @param {{ heartbeatTimeoutMs?: number }} [options]
 * @returns {Promise<ChangeMarker>}
 */
export async function openChangeMarker(url, options = {}) {
	if (/^postgres(ql)?:\/\//.test(url)) return openPostgresMarker(url, options);
	const path = url.replace(/^(sqlite|file):(\/\/)?/, '');
	if (path === ':memory:') {
		// No other process can write to a private in-memory database: nothing to watch.
		return { read: async () => '', close: async () => {} };
	}
	const { default: SQLite } = await import('better-sqlite3');
	const db = new SQLite(resolve(path), { readonly: true, fileMustExist: true });
	const statement = db.prepare(QUERY);
	return {
		read: async () => String(/** @type {{ v: unknown }} */ (statement.get()).v ?? ''),
		close: async () => void db.close()
	};
}

/**
 * LISTEN on one client that reconnects by itself. While the connection is down, `read()` throws
 * (the watcher empties the cache at every tick); `read()` is also the heartbeat (`select 1`) that
 * finds a connection the network silently dropped, which would otherwise never deliver another
 * notification.
 * @param {string} url
 * @param {{ heartbeatTimeoutMs?: number }} options
 * @returns {Promise<ChangeMarker>}
 */
async function openPostgresMarker(url, { heartbeatTimeoutMs = 3000 }) {
	const { default: pg } = await import('pg');
	/** @type {Set<() => void>} */
	const listeners = new Set();
	const changed = () => {
		for (const listener of listeners) listener();
	};
	/** @type {import('pg').Client | null} the connected, listening client; null while away */
	let client = null;
	let closed = false;
	let retryMs = RETRY_FIRST_MS;
	/** @type {NodeJS.Timeout | undefined} */
	let retryTimer;

	async function connect() {
		const next = new pg.Client({
			connectionString: url,
			keepAlive: true,
			application_name: MARKER_APPLICATION_NAME
		});
		// Without a listener an 'error' (a terminated backend, a network failure) ends the process.
		next.on('error', (error) => lost(next, error));
		next.on('end', () => lost(next, new Error('connection ended')));
		next.on('notification', (message) => {
			if (message.channel === CHANNEL && !closed) changed();
		});
		try {
			await next.connect();
			await next.query(`LISTEN ${CHANNEL}`);
		} catch (error) {
			next.end().catch(() => {});
			throw error;
		}
		return next;
	}

	/**
	 * @param {import('pg').Client} which
	 * @param {unknown} error
	 */
	function lost(which, error) {
		if (which !== client) return;
		client = null;
		which.end().catch(() => {});
		if (closed) return;
		console.error(
			'Cache change marker connection lost; emptying the cache until it is back:',
			error
		);
		changed();
		reconnectLater();
	}

	function reconnectLater() {
		if (closed || retryTimer) return;
		// Exponential backoff with jitter, so that instances do not all come back at once.
		const delay = retryMs / 2 + (Math.random() * retryMs) / 2;
		retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
		retryTimer = setTimeout(async () => {
			try {
				const next = await connect();
				if (closed) {
					await next.end();
					return;
				}
				client = next;
				retryMs = RETRY_FIRST_MS;
				// Changes committed while away were not heard.
				changed();
			} catch (error) {
				console.error('Cache change marker cannot reconnect yet:', String(error));
			} finally {
				retryTimer = undefined;
				if (!client && !closed) reconnectLater();
			}
		}, delay);
		retryTimer.unref();
	}

	client = await connect();

	return {
		read: async () => {
			const current = client;
			if (!current) throw new Error('change marker connection lost; reconnecting');
			/** @type {NodeJS.Timeout | undefined} */
			let timer;
			const timeout = new Promise((_, reject) => {
				timer = setTimeout(
					() => reject(new Error(`no heartbeat answer in ${heartbeatTimeoutMs} ms`)),
					heartbeatTimeoutMs
				);
			});
			try {
				await Promise.race([current.query('select 1'), timeout]);
			} catch (error) {
				lost(current, error);
				throw error;
			} finally {
				clearTimeout(timer);
			}
			return '';
		},
		subscribe: (listener) => {
			listeners.add(listener);
			return () => void listeners.delete(listener);
		},
		close: async () => {
			closed = true;
			clearTimeout(retryTimer);
			listeners.clear();
			const current = client;
			client = null;
			await current?.end();
		}
	};
}

/**
 * Calls `onChange` whenever the marker reports a change: at once for a marker that is told of
 * changes (PostgreSQL), otherwise when a read every `intervalMs` finds it moved (SQLite). Every
 * `intervalMs` the marker is also read as a heartbeat; while it cannot be read, `onChange` is
 * called at each tick (the cache is emptied rather than trusted).
 * @param {ChangeMarker} marker
 * @param {number} intervalMs
 * @param {() => void} onChange
 * @returns {Promise<() => void>} stops watching
 */
export async function watchChanges(marker, intervalMs, onChange) {
	const unsubscribe = marker.subscribe?.(onChange) ?? (() => {});
	let last = await marker.read().catch(() => '');
	let busy = false;
	let failing = false;
	const timer = setInterval(async () => {
		if (busy) return;
		busy = true;
		try {
			const now = await marker.read();
			if (now !== last) onChange();
			last = now;
			if (failing) console.error('Cache change marker readable again.');
			failing = false;
		} catch (error) {
			// Logged once per outage, not at every tick.
			if (!failing) console.error('Cache change marker unreadable; emptying the cache:', error);
			failing = true;
			last = '';
			onChange();
		} finally {
			busy = false;
		}
	}, intervalMs);
	timer.unref();
	return () => {
		clearInterval(timer);
		unsubscribe();
	};
}
