// memoByChange: an answer is reused only while the audit log's newest id stands still, for at
// most MEMO_TTL_MS; concurrent callers share one computation; a failure is not remembered.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDb, type Database } from '../../../src/lib/server/db/index';
import {
	DATA_CHANGED_EVENT,
	memoByChange,
	MEMO_MAX_ENTRIES,
	MEMO_TTL_MS
} from '../../../src/lib/server/db/memo';

let db: Database;

beforeEach(async () => {
	db = createDb(':memory:');
	await sql`create table audit_log (id integer primary key, action text)`.execute(db);
});

afterEach(async () => {
	vi.useRealTimers();
	await db.destroy();
});

const audit = () => sql`insert into audit_log (action) values ('x')`.execute(db);

describe('memoByChange', () => {
	it('computes once until the audit log moves, then again', async () => {
		const compute = vi.fn(async () => ({ n: compute.mock.calls.length }));
		const a = await memoByChange(db, 'k', compute);
		expect(await memoByChange(db, 'k', compute)).toBe(a);
		expect(compute).toHaveBeenCalledTimes(1);
		await audit();
		const b = await memoByChange(db, 'k', compute);
		expect(b).not.toBe(a);
		expect(compute).toHaveBeenCalledTimes(2);
		// Keys are separate.
		await memoByChange(db, 'other', compute);
		expect(compute).toHaveBeenCalledTimes(3);
	});

	it('computes again when the server reports a change that max(id) does not show', async () => {
		// On PostgreSQL a lower audit id can commit after a higher one: the server's marker hears it.
		const compute = vi.fn(async () => compute.mock.calls.length);
		await audit();
		await memoByChange(db, 'k', compute);
		await memoByChange(db, 'k', compute);
		expect(compute).toHaveBeenCalledTimes(1);
		// @ts-expect-error our own event name, not in Node's typings
		process.emit(DATA_CHANGED_EVENT);
		await memoByChange(db, 'k', compute);
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('shares one computation between concurrent callers', async () => {
		let release: (v: number) => void = () => {};
		const compute = vi.fn(() => new Promise<number>((r) => (release = r)));
		const first = memoByChange(db, 'k', compute);
		const second = memoByChange(db, 'k', compute);
		await vi.waitFor(() => expect(compute).toHaveBeenCalledTimes(1));
		release(42);
		expect(await first).toBe(42);
		expect(await second).toBe(42);
		expect(compute).toHaveBeenCalledTimes(1);
	});

	it('does not remember a failure', async () => {
		let fail = true;
		const compute = vi.fn(async () => {
			if (fail) throw new Error('database busy');
			return 'ok';
		});
		await expect(memoByChange(db, 'k', compute)).rejects.toThrow('database busy');
		fail = false;
		expect(await memoByChange(db, 'k', compute)).toBe('ok');
	});

	it('expires an answer after the TTL even if the marker stands still', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const compute = vi.fn(async () => compute.mock.calls.length);
		await memoByChange(db, 'k', compute);
		vi.setSystemTime(Date.now() + MEMO_TTL_MS - 1);
		await memoByChange(db, 'k', compute);
		expect(compute).toHaveBeenCalledTimes(1);
		vi.setSystemTime(Date.now() + 2);
		await memoByChange(db, 'k', compute);
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('keeps a bounded number of keys of one kind, dropping the least recently used', async () => {
		const compute = vi.fn(async () => 1);
		for (let i = 0; i <= MEMO_MAX_ENTRIES; i++) await memoByChange(db, `k${i}`, compute);
		expect(compute).toHaveBeenCalledTimes(MEMO_MAX_ENTRIES + 1);
		// k0 was dropped; k1 … are still there.
		await memoByChange(db, 'k1', compute);
		expect(compute).toHaveBeenCalledTimes(MEMO_MAX_ENTRIES + 1);
		await memoByChange(db, 'k0', compute);
		expect(compute).toHaveBeenCalledTimes(MEMO_MAX_ENTRIES + 2);
	});

	it('bounds each kind of answer apart: many of one kind never push out another', async () => {
		const compute = vi.fn(async () => 1);
		await memoByChange(db, 'dashboard:2026-11-29', compute);
		for (let i = 0; i < 3 * MEMO_MAX_ENTRIES; i++) {
			await memoByChange(db, `briefing:${i}`, compute);
		}
		const calls = compute.mock.calls.length;
		await memoByChange(db, 'dashboard:2026-11-29', compute);
		expect(compute).toHaveBeenCalledTimes(calls);
	});

	it('never shares answers between two databases', async () => {
		const other = createDb(':memory:');
		try {
			await sql`create table audit_log (id integer primary key, action text)`.execute(other);
			expect(await memoByChange(db, 'k', async () => 'first')).toBe('first');
			expect(await memoByChange(other, 'k', async () => 'second')).toBe('second');
		} finally {
			await other.destroy();
		}
	});
});
