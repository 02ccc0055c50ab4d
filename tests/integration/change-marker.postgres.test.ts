// The shared change marker (server/change-marker.js) on PostgreSQL, where audit ids come from a
// sequence and do not follow commit order: the marker must hear every commit, and survive its
// connection being cut. (The SQLite marker is tested in front-cache.test.ts.) Runs in the
// "integration-postgres" project, i.e. whenever TEST_DATABASE_URL names a server.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
	MARKER_APPLICATION_NAME,
	openChangeMarker,
	watchChanges,
	type ChangeMarker
} from '../../server/change-marker.js';
import { newDatabaseUrl } from '../helpers/test-db';

const POLL_MS = 20;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Waits until `check()` holds, failing after `timeoutMs`. */
async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000) {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

async function connect(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	cleanups.push(() => client.end());
	return client;
}

async function watch(url: string) {
	const marker: ChangeMarker = await openChangeMarker(url);
	const seen = { changes: 0 };
	const stop = await watchChanges(marker, POLL_MS, () => (seen.changes += 1));
	cleanups.push(() => marker.close(), stop);
	return { marker, seen };
}

/** Appends an audit row as the app does, and returns its id. */
async function appendAudit(client: pg.Client): Promise<number> {
	const { rows } = await client.query<{ id: number }>(
		`insert into audit_log (at, actor, action, entity)
		 values (now()::text, 'test', 'update', 'commitment') returning id`
	);
	return rows[0]!.id;
}

describe('the change marker on PostgreSQL', () => {
	it('reports a change when the transaction holding the lower audit id commits last', async () => {
		const url = await newDatabaseUrl();
		const { seen } = await watch(url);
		const [early, late] = [await connect(url), await connect(url)];

		await early.query('begin');
		const low = await appendAudit(early);
		await late.query('begin');
		const high = await appendAudit(late);
		expect(low).toBeLessThan(high);
		await late.query('commit');
		await until(() => seen.changes > 0, 'the commit of the higher id is reported', 2000);

		// max(audit_log.id) no longer moves: only a marker that follows commits sees this one.
		const before = seen.changes;
		await early.query('commit');
		await until(() => seen.changes > before, 'the commit of the lower id is reported', 2000);
	});

	it('survives its connection being terminated, reconnects and hears changes again', async () => {
		const url = await newDatabaseUrl();
		const { marker, seen } = await watch(url);
		const admin = await connect(url);

		const terminated = await admin.query(
			`select pg_terminate_backend(pid) as done from pg_stat_activity
			 where datname = current_database() and application_name = $1`,
			[MARKER_APPLICATION_NAME]
		);
		expect(terminated.rows).toEqual([{ done: true }]);
		await until(() => seen.changes > 0, 'the lost connection empties the cache');

		// read() answers again only once the new connection is listening.
		await until(
			() =>
				marker.read().then(
					() => true,
					() => false
				),
			'the marker reconnects',
			3000
		);
		const backends = await admin.query(
			`select count(*)::int as n from pg_stat_activity
			 where datname = current_database() and application_name = $1`,
			[MARKER_APPLICATION_NAME]
		);
		expect(backends.rows).toEqual([{ n: 1 }]);

		const before = seen.changes;
		await appendAudit(admin);
		await until(() => seen.changes > before, 'a change after reconnecting is reported', 2000);
	});
});
