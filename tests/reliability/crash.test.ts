// Crash: while clerks write, the server is killed with SIGKILL (no shutdown code runs). After
// a restart on the same file, every write the server had acknowledged (2xx/3xx) is there, with
// its audit row and its dependent rows; writes in flight at the kill are either whole or absent;
// PRAGMA integrity_check and foreign_key_check are clean; and the server serves and writes again.
import { afterAll, describe, expect, test } from 'vitest';
import { prng, signIn, type Client } from './helpers/client';
import { freshDemoDb, integrityProblems, one, query } from './helpers/db';
import { startServer, type Server } from './helpers/server';
import { demoIds, write, type Ack, type WriteKind } from './helpers/writes';

const PORT = 5401;
const CYCLES = 2;
const WRITERS = 6;
/** Each cycle: kill once this many writes are acknowledged, or after this long at the latest. */
const MAX_CYCLE_MS = 8_000;

const dbFile = freshDemoDb('crash');
const rng = prng(4242);
let server: Server | undefined;

afterAll(async () => {
	await server?.stop();
});

const KINDS: WriteKind[] = ['sitting', 'person', 'commitment'];

/** Runs writers until the kill; returns the acknowledged writes and every marker sent. */
async function writeUntilKilled(cycle: number) {
	const live = server!;
	const clients: Client[] = [];
	for (let i = 0; i < WRITERS; i++)
		clients.push(await signIn(live.url, i % 3 === 2 ? 'admin' : 'clerkA'));
	const ids = demoIds(dbFile);
	const acked: Ack[] = [];
	const sent: string[] = [];
	const killAfter = 80 + Math.floor(rng() * 120);
	const started = Date.now();
	let killed = false;
	const kill = async () => {
		if (killed) return;
		killed = true;
		await live.kill();
	};
	let unexpected: string | null = null;
	await Promise.all(
		clients.map(async (client, w) => {
			for (let n = 0; !killed && Date.now() - started < MAX_CYCLE_MS + 2_000; n++) {
				const kind = KINDS[(w + n) % KINDS.length] ?? 'person';
				const marker = `Crash ${kind} c${cycle} w${w} n${n}`;
				sent.push(marker);
				let status: number;
				try {
					status = await write(client, ids, kind, marker);
				} catch (e) {
					if (!killed) throw e;
					return; // the server is gone
				}
				if (status >= 200 && status < 400) acked.push({ kind, marker, status });
				else unexpected ??= `${status} for ${marker}`;
				if (acked.length >= killAfter || Date.now() - started > MAX_CYCLE_MS) await kill();
			}
		})
	);
	await kill();
	expect(unexpected, 'every write before the kill succeeds').toBeNull();
	return { acked, sent };
}

function present(
	kind: WriteKind,
	marker: string
): { id: number; audited: boolean; whole: boolean } | null {
	if (kind === 'sitting') {
		const [row] = query<{ id: number }>(
			dbFile,
			'select id from sittings where subject = ?',
			marker
		);
		if (!row) return null;
		const a = one<{ n: number }>(
			dbFile,
			"select count(*) as n from audit_log where action = 'sitting.created' and entity_id = ?",
			String(row.id)
		);
		const s = one<{ n: number }>(
			dbFile,
			'select count(*) as n from sitting_appearances where sitting_id = ?',
			row.id
		);
		return { id: row.id, audited: a.n === 1, whole: s.n === 1 };
	}
	if (kind === 'person') {
		const [row] = query<{ id: number }>(dbFile, 'select id from people where name = ?', marker);
		if (!row) return null;
		const a = one<{ n: number }>(
			dbFile,
			"select count(*) as n from audit_log where action = 'person.created' and entity_id = ?",
			String(row.id)
		);
		return { id: row.id, audited: a.n === 1, whole: true };
	}
	const [row] = query<{ id: number; ref: string }>(
		dbFile,
		'select id, ref from commitments where title = ?',
		marker
	);
	if (!row) return null;
	const a = one<{ n: number }>(
		dbFile,
		"select count(*) as n from audit_log where action = 'commitment.created' and entity_id = ?",
		String(row.id)
	);
	return { id: row.id, audited: a.n === 1, whole: /^DCAIS\/2025\/\d{3}$/.test(row.ref) };
}

describe('crash while writing', () => {
	test(`SIGKILL during writes, ${CYCLES} times: acknowledged writes survive, nothing is half-written`, async () => {
		let totalAcked = 0;
		let inFlightLanded = 0;
		server = await startServer({ port: PORT, dbFile });
		for (let cycle = 1; cycle <= CYCLES; cycle++) {
			// Each cycle writes to the server the previous one restarted, and kills it.
			const { acked, sent } = await writeUntilKilled(cycle);
			totalAcked += acked.length;
			// Restart on the same file: SQLite recovers from its write-ahead log on open.
			server = await startServer({ port: PORT, dbFile });
			expect(integrityProblems(dbFile)).toEqual([]);
			const ackedMarkers = new Set(acked.map((a) => a.marker));
			for (const a of acked) {
				const found = present(a.kind, a.marker);
				expect(found, `acknowledged ${a.marker} is missing`).not.toBeNull();
				expect(found!.audited && found!.whole, `${a.marker} is half-written`).toBe(true);
			}
			for (const marker of sent.filter((m) => !ackedMarkers.has(m))) {
				const kind = marker.split(' ')[1] as WriteKind;
				const found = present(kind, marker);
				if (found) {
					inFlightLanded++;
					expect(found.audited && found.whole, `in-flight ${marker} is half-written`).toBe(true);
				}
			}
			console.log(
				`cycle ${cycle}: ${acked.length} writes acknowledged before SIGKILL, ${sent.length - acked.length} in flight`
			);
		}
		// No half records anywhere: every row the writers made has its audit row.
		const orphans = one<{ n: number }>(
			dbFile,
			`select
				(select count(*) from sittings s where s.subject like 'Crash %' and not exists
					(select 1 from audit_log a where a.action = 'sitting.created' and a.entity_id = cast(s.id as text)))
				+ (select count(*) from people p where p.name like 'Crash %' and not exists
					(select 1 from audit_log a where a.action = 'person.created' and a.entity_id = cast(p.id as text)))
				+ (select count(*) from commitments c where c.title like 'Crash %' and not exists
					(select 1 from audit_log a where a.action = 'commitment.created' and a.entity_id = cast(c.id as text)))
				as n`
		);
		expect(orphans.n).toBe(0);
		// The restarted server serves and accepts writes.
		const clerk = await signIn(server!.url, 'clerkA');
		expect(await write(clerk, demoIds(dbFile), 'person', 'Crash person after restart')).toBe(303);
		expect((await clerk.get('/api/v1/commitments')).status).toBe(200);
		console.log(
			`crash: ${totalAcked} acknowledged writes checked, ${inFlightLanded} in-flight writes landed whole`
		);
		expect(totalAcked).toBeGreaterThan(50);
	});
});
