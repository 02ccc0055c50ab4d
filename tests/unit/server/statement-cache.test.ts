// createDb keeps prepared statements per SQLite connection. Reusing them must never change an
// answer: not after a migration altered a table under a kept statement, not once more distinct
// statements ran than the cache keeps, and not inside a transaction that rolled back.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../../src/lib/server/db/index';

let db: Database | null = null;

afterEach(async () => {
	await db?.destroy();
	db = null;
});

describe('SQLite statement cache', () => {
	it('sees a column added after the statement was first prepared', async () => {
		db = createDb(':memory:');
		await sql`create table t (id integer primary key, a text)`.execute(db);
		await sql`insert into t (a) values ('x')`.execute(db);
		const read = () => sql<Record<string, unknown>>`select * from t`.execute(db!);
		expect((await read()).rows).toEqual([{ id: 1, a: 'x' }]);
		await sql`alter table t add column b text default 'y'`.execute(db);
		expect((await read()).rows).toEqual([{ id: 1, a: 'x', b: 'y' }]);
	});

	it('answers correctly past its bound, and for repeated statements with new parameters', async () => {
		db = createDb(':memory:');
		await sql`create table n (v integer)`.execute(db);
		for (let i = 0; i < 20; i++) await sql`insert into n (v) values (${i})`.execute(db);
		// 700 distinct statements (more than the 500 kept), each checked.
		for (let k = 0; k < 700; k++) {
			const { rows } = await sql<{
				s: number;
			}>`select sum(v) + ${sql.lit(k)} as s from n where v < ${k % 20}`.execute(db);
			const below = k % 20;
			expect(rows[0]?.s ?? null).toBe(below === 0 ? null : (below * (below - 1)) / 2 + k);
		}
	});

	it('keeps no effect of a rolled-back transaction', async () => {
		db = createDb(':memory:');
		await sql`create table r (v integer)`.execute(db);
		await expect(
			db.transaction().execute(async (trx) => {
				await sql`insert into r (v) values (1)`.execute(trx);
				throw new Error('stop');
			})
		).rejects.toThrow('stop');
		await sql`insert into r (v) values (2)`.execute(db);
		const { rows } = await sql<{ v: number }>`select v from r`.execute(db);
		expect(rows).toEqual([{ v: 2 }]);
	});
});
