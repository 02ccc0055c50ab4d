// The shared change marker: every write to published data appends to the append-only audit_log
// in the same transaction (src/lib/server/audit.ts), so the largest audit id moves whenever any
// instance, `npm run import` or a seed commits a change. Polling it at a short interval lets
// each instance's cache forget pages that another process made stale.

import { resolve } from 'node:path';

const QUERY = 'SELECT max(id) AS v FROM audit_log';

/**
 * @typedef {object} ChangeMarker
 * @property {() => Promise<string>} read the current marker
 * @property {() => Promise<void>} close
 */

/**
 * Opens a small connection of its own, separate from the app's: read-only for SQLite, one
 * client for PostgreSQL. The URL is the app's DATABASE_URL (same rules as createDb).
 * @param {string} url
 * @returns {Promise<ChangeMarker>}
 */
export async function openChangeMarker(url) {
	if (/^postgres(ql)?:\/\//.test(url)) {
		const { default: pg } = await import('pg');
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		return {
			read: async () => String((await client.query(QUERY)).rows[0]?.v ?? ''),
			close: () => client.end()
		};
	}
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
 * Reads the marker every `intervalMs` and calls `onChange` when it moved. When the marker
 * cannot be read, `onChange` is called as well (the cache is emptied rather than trusted).
 * @param {ChangeMarker} marker
 * @param {number} intervalMs
 * @param {() => void} onChange
 * @returns {Promise<() => void>} stops polling
 */
export async function watchChanges(marker, intervalMs, onChange) {
	let last = await marker.read();
	let busy = false;
	const timer = setInterval(async () => {
		if (busy) return;
		busy = true;
		try {
			const now = await marker.read();
			if (now !== last) onChange();
			last = now;
		} catch (error) {
			console.error('Cache change marker unreadable; emptying the cache:', error);
			last = '';
			onChange();
		} finally {
			busy = false;
		}
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
