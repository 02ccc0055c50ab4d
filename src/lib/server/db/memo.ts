// Results computed once per change to the data, not once per request. Every write to data the
// public or MPs see appends to the append-only audit_log in its own transaction
// (src/lib/server/audit.ts), so the largest audit id is a change marker shared by every instance,
// `npm run import` and the seed: one index probe tells whether a remembered aggregate is still
// the database's answer. Used for aggregates whose cost grows with the whole database (the
// dashboard's totals over every published commitment); pages of a few rows are not worth it.
//
// On PostgreSQL ids come from a sequence, so two writers can commit out of id order: a reader may
// see id 101 before the transaction holding id 100 commits, and max(id) would then not move when
// 100 lands. The production server (server/index.js) hears every commit through its change
// marker (LISTEN/NOTIFY, server/change-marker.js) and emits DATA_CHANGED_EVENT on `process`; the
// marker here counts those, so a remembered answer is dropped when the response cache is. Where
// nothing emits it (vite dev, tests), entries also expire after MEMO_TTL_MS as a backstop.
// SQLite serialises writers, so there max(id) alone is exact.
import process from 'node:process';
import type { Kysely } from 'kysely';
import type { DB } from './schema';

/** Emitted on `process` by server/index.js whenever its change marker reports a change. */
export const DATA_CHANGED_EVENT = 'ahadi:data-changed';

let changesHeard = 0;
process.on(DATA_CHANGED_EVENT, () => {
	changesHeard += 1;
});

interface Entry {
	marker: string;
	at: number;
	value: Promise<unknown>;
}

/** How long an answer may be reused while the marker stands still (see above). */
export const MEMO_TTL_MS = 60_000;

/**
 * Entries kept per database handle and kind of answer (the key up to its first ':', such as
 * 'briefing'); the least recently used key of that kind is dropped beyond this. Kinds are
 * bounded apart, so that MPs asking for many briefing packs never push out the dashboard.
 */
export const MEMO_MAX_ENTRIES = 64;

// Per Kysely instance, so that test databases (and a restarted pool) never share answers.
const memos = new WeakMap<Kysely<DB>, Map<string, Map<string, Entry>>>();

function entriesOf(db: Kysely<DB>, key: string): Map<string, Entry> {
	let kinds = memos.get(db);
	if (!kinds) {
		kinds = new Map();
		memos.set(db, kinds);
	}
	const colon = key.indexOf(':');
	const kind = colon < 0 ? '' : key.slice(0, colon);
	let entries = kinds.get(kind);
	if (!entries) {
		entries = new Map();
		kinds.set(kind, entries);
	}
	return entries;
}

/** The current change marker: the newest audit_log id ('' for an empty log) and the changes heard. */
export async function changeMarker(db: Kysely<DB>): Promise<string> {
	// Read first: a change heard while the query runs then moves the marker at the next call.
	const heard = changesHeard;
	const row = await db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.max('id').as('v'))
		.executeTakeFirst();
	return `${row?.v ?? ''}:${heard}`;
}

/**
 * `compute()`'s answer for `key`, recomputed only when the change marker has moved since it was
 * computed. Concurrent callers share one computation; a failed computation is not remembered.
 * The marker is read before computing, so a write that lands during the computation leaves an
 * older marker behind and the next call recomputes: an answer is never newer-labelled than it is.
 */
export async function memoByChange<T>(
	db: Kysely<DB>,
	key: string,
	compute: () => Promise<T>
): Promise<T> {
	const marker = await changeMarker(db);
	const entries = entriesOf(db, key);
	const hit = entries.get(key);
	if (hit && hit.marker === marker && Date.now() - hit.at < MEMO_TTL_MS) {
		// Most recently used last.
		entries.delete(key);
		entries.set(key, hit);
		return hit.value as Promise<T>;
	}
	const value = compute();
	const entry: Entry = { marker, at: Date.now(), value };
	entries.delete(key);
	entries.set(key, entry);
	while (entries.size > MEMO_MAX_ENTRIES) {
		const oldest = entries.keys().next().value as string;
		entries.delete(oldest);
	}
	value.catch(() => {
		if (entries.get(key) === entry) entries.delete(key);
	});
	return value;
}
