// Bad input: thousands of generated hostile requests against every form action (the rows of
// the allow/deny matrix, tests/e2e/auth-matrix.ts) and every GET route. No answer may be a
// 5xx, a refused request (4xx) must leave the database exactly as it was, and the server must
// keep serving. Deterministic: one seed drives every generated request.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ACCESS } from '../../src/lib/server/auth/access';
import { Client, prng, signIn, type Answer, type Form } from './helpers/client';
import { dbSnapshot, freshDemoDb, one } from './helpers/db';
import { hostileCsv, junkQuery, mangleForm, manglePath, pick } from './helpers/hostile';
import { workDir } from './helpers/paths';
import { startServer, type Server } from './helpers/server';

const SEED = 20261128;
const PORT = 5421;
const BODY_LIMIT = 1024 * 1024;
/**
 * A fixed number of requests per part, whatever the machine's speed, so that a run is replayed
 * request for request from SEED (the test timeout bounds the time): every form action of the
 * matrix a fixed number of times per kind of requester, and this many GETs.
 */
const GET_REQUESTS = 1500;
/** Tables a harmless request may write: sessions slide their expiry. */
const VOLATILE = ['sessions', 'login_throttle'];

const dbFile = freshDemoDb('hostile');
// The matrix rows read ids from the database they are pointed at (see auth-fixtures.ts).
process.env.AHADI_MATRIX_DB = dbFile;
const { MATRIX } = await import('../e2e/auth-matrix');
const { ensureTranscriptOfA } = await import('../e2e/clerk-matrix-rows');
const { ensureMinistryFixtures } = await import('../e2e/ministry-fixtures');

let server: Server;
type Actor = 'anonymous' | 'mp' | 'clerkA' | 'clerkB' | 'admin';
let actors: Record<Actor, Client>;
const failures: string[] = [];
const started = Date.now();
let targetId = 0;

const rng = prng(SEED);

function check(label: string, res: Answer, before?: string) {
	if (res.status >= 500) failures.push(`${res.status} ${label}`);
	if (before !== undefined && res.status >= 400 && dbSnapshot(dbFile, VOLATILE) !== before) {
		failures.push(`${res.status} ${label}: a refused request changed the database`);
	}
}

function reportFailures() {
	expect(failures.slice(0, 20), `${failures.length} failures`).toEqual([]);
}

beforeAll(async () => {
	rmSync(join(workDir, 'hostile-server.log'), { force: true });
	server = await startServer({ port: PORT, dbFile, bodySizeLimit: String(BODY_LIMIT) });
	actors = {
		anonymous: new Client(server.url),
		mp: await signIn(server.url, 'mp'),
		clerkA: await signIn(server.url, 'clerkA'),
		clerkB: await signIn(server.url, 'clerkB'),
		admin: await signIn(server.url, 'admin')
	};
	const created = await actors.admin.post('/admin/users?/create', {
		name: 'Fuzz Target',
		email: 'fuzz.target@ahadi.example',
		role: 'mp',
		committees: [],
		password: 'fuzz target temporary password'
	});
	expect(created.status).toBe(303);
	targetId = one<{ id: number }>(
		dbFile,
		"select id from users where email = 'fuzz.target@ahadi.example'"
	).id;
	ensureTranscriptOfA();
	await ensureMinistryFixtures();
});

beforeEach(() => {
	failures.length = 0;
});

afterAll(async () => {
	await server?.stop();
	if (failures.length > 0) writeFileSync(join(workDir, 'hostile-server.log'), server.output());
});

function context(n: number) {
	const target = one<{ version: number }>(
		dbFile,
		'select version from users where id = ?',
		targetId
	);
	const committee = one<{ id: number }>(
		dbFile,
		"select id from committees where slug = 'administration-internal-security'"
	);
	return { targetId, targetVersion: target.version, committeeA: committee.id, unique: `fuzz-${n}` };
}

/** Sends a hostile body of one of several broken shapes to a form action. */
async function sendBroken(client: Client, path: string, form: Form): Promise<Answer> {
	const kind = Math.floor(rng() * 6);
	const urlencoded = new URLSearchParams(
		Object.entries(form).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => [k, x]))
	).toString();
	switch (kind) {
		case 0:
			return client.send(path, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(form)
			});
		case 1:
			return client.send(path, {
				method: 'POST',
				headers: { 'content-type': 'multipart/form-data; boundary=fuzz' },
				body: `--fuzz\r\nContent-Disposition: form-data; name="title"\r\n\r\n${urlencoded}`
			});
		case 2:
			return client.send(path, {
				method: 'POST',
				headers: { 'content-type': 'multipart/form-data' },
				body: urlencoded
			});
		case 3:
			return client.send(path, {
				method: 'POST',
				body: urlencoded,
				headers: { 'content-type': '' }
			});
		case 4:
			return client.send(path, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: '%%%&=&&%E0%A4%A=%ZZ&a=%'
			});
		default: {
			const body = new FormData();
			for (const [k, v] of Object.entries(form)) {
				for (const item of Array.isArray(v) ? v : [v]) body.append(k, new Blob([item]), 'x.bin');
			}
			return client.send(path, { method: 'POST', body });
		}
	}
}

describe('hostile requests', () => {
	test('mangled forms against every form action, as every kind of requester', async () => {
		const rows = MATRIX.filter((r) => r.routeId !== '/(auth)/logout');
		const perActor: Record<Actor, number> = {
			anonymous: 2,
			mp: 3,
			clerkB: 3,
			clerkA: 14,
			admin: 14
		};
		let sent = 0;
		for (let round = 0; ; round++) {
			let any = false;
			for (const row of rows) {
				for (const [who, count] of Object.entries(perActor) as [Actor, number][]) {
					if (round >= count) continue;
					any = true;
					const ctx = context(sent);
					const valid = row.form(ctx);
					let path = row.path(ctx);
					const before = dbSnapshot(dbFile, VOLATILE);
					let res: Answer;
					const r = rng();
					if (r < 0.1) path = manglePath(rng, path);
					if (r < 0.55) res = await actors[who].post(path, mangleForm(rng, valid));
					else if (r < 0.8) res = await sendBroken(actors[who], path, mangleForm(rng, valid));
					else if (r < 0.9)
						res = await actors[who].post(
							`${path.split('?')[0]}?/${pick(rng, ['', 'nope', 'default', '__proto__', 'constructor', 'save&/publish'])}`,
							valid
						);
					else res = await actors[who].post(path, valid);
					sent++;
					check(`${who} POST ${path}`, res, before);
				}
			}
			if (!any) break;
		}
		console.log(
			`form actions: ${sent} hostile requests in ${((Date.now() - started) / 1000).toFixed(1)} s`
		);
		const total = Object.values(perActor).reduce((a, b) => a + b, 0);
		expect(sent).toBe(rows.length * total);
		reportFailures();
	});

	test('broken CSV files and oversized bodies', async () => {
		const path = '/workspace/budget/import?/preview';
		let sent = 0;
		for (let i = 0; i < 120; i++) {
			const before = dbSnapshot(dbFile, VOLATILE);
			const body = new FormData();
			body.append(
				'file',
				new Blob([hostileCsv(rng)], { type: 'text/csv' }),
				pick(rng, ['budget.csv', '../../etc/passwd', 'a\u0000b.csv', ''])
			);
			check(`clerkA CSV ${i}`, await actors.clerkA.send(path, { method: 'POST', body }), before);
			sent++;
		}
		const big = 'x'.repeat(BODY_LIMIT + 200_000);
		for (const [i, target] of [
			'/workspace/budget/import?/preview',
			'/workspace/reference?/addPerson',
			'/login',
			'/admin/users?/create'
		].entries()) {
			const before = dbSnapshot(dbFile, VOLATILE);
			const client = i === 2 ? actors.anonymous : actors.admin;
			check(
				`oversized form ${target}`,
				await client.post(target, { file: big, person_name: big, email: big }),
				before
			);
			const multipart = new FormData();
			multipart.append('file', new Blob([big]), 'big.csv');
			check(
				`oversized multipart ${target}`,
				await client.send(target, { method: 'POST', body: multipart }),
				before
			);
			// No Content-Length: the limit must hold for a streamed body too.
			const stream = new ReadableStream({
				start(c) {
					c.enqueue(new TextEncoder().encode(`person_name=${big}`));
					c.close();
				}
			});
			check(
				`oversized streamed body ${target}`,
				await client.send(target, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: stream,
					duplex: 'half'
				} as RequestInit),
				before
			);
			sent += 3;
		}
		console.log(`CSV and oversized bodies: ${sent} requests`);
		reportFailures();
	});

	test('junk paths, query strings and methods on every GET route, for every kind of requester', async () => {
		const before = dbSnapshot(dbFile, VOLATILE);
		const paths = Object.entries(ACCESS)
			.filter(([, entry]) => entry.GET)
			.map(([id]) =>
				id
					.replace(/\/\([^)]+\)/g, '')
					.replace('[...ref]', 'DCAIS/2025/001')
					.replace('[ref]', 'DCAIS%2F2025%2F001')
					.replace('[slug]', 'administration-internal-security')
					.replace('[id]', '1')
			)
			.map((p) => p || '/');
		const extra = [
			'/../../etc/passwd',
			'/%2e%2e/%2e%2e/etc/passwd',
			'/_app/../package.json',
			'/_app/immutable/..%2F..%2Fpackage.json',
			'/api/v1/commitments/..%2F..%2F..%2Fetc%2Fpasswd',
			'/api/v1/commitments/%00',
			'/api/v1/commitments/%E0%A4%A',
			'/commitments/%E0%A4%A',
			'/commitments/%00',
			'/organisations/%2e%2e',
			'/feeds/commitments/%ff.atom',
			'/sw/commitments/%E0%A4%A',
			'/data/..%5C..%5Cpackage.json',
			'/\\\\evil.example/',
			'//evil.example/',
			'/login?redirectTo=//evil.example',
			'/login?redirectTo=%0d%0aSet-Cookie:x=y'
		];
		const who: Actor[] = ['anonymous', 'mp', 'clerkA', 'admin'];
		let sent = 0;
		const requests: {
			client: Client;
			method: string;
			path: string;
			label: string;
			accept: string;
			body: string | undefined;
		}[] = [];
		// Every request is drawn here, in order, before any is sent: the workers below finish in
		// no fixed order, so drawing while sending would make a run unrepeatable.
		while (requests.length < GET_REQUESTS) {
			const base = rng() < 0.15 ? pick(rng, extra) : pick(rng, paths);
			const path = rng() < 0.1 ? `/sw${base}` : base;
			const actor = pick(rng, who);
			const full = path.includes('?') ? path : `${path}${rng() < 0.9 ? junkQuery(rng) : ''}`;
			// Now and then another method: a read-only route must refuse it and write nothing.
			// (Not on /login and /logout, whose POST is real.)
			const method =
				rng() < 0.1 && !/^(\/sw)?\/log(in|out)/.test(full)
					? pick(rng, ['POST', 'PUT', 'PATCH', 'DELETE'])
					: 'GET';
			requests.push({
				client: actors[actor],
				method,
				path: full,
				label: `${actor} ${method} ${full.slice(0, 150)}`,
				accept: rng() < 0.2 ? 'application/json' : 'text/html',
				body: method === 'GET' ? undefined : junkQuery(rng).slice(1)
			});
		}
		let next = 0;
		await Promise.all(
			Array.from({ length: 6 }, async () => {
				while (next < requests.length) {
					const { client, method, path, label, accept, body } = requests[next++]!;
					const headers = { accept, 'content-type': 'application/x-www-form-urlencoded' };
					check(label, await client.send(path, { method, headers, body }));
					sent++;
				}
			})
		);
		console.log(`GET routes: ${sent} junk requests (${paths.length} routes)`);
		expect(sent).toBe(GET_REQUESTS);
		expect(dbSnapshot(dbFile, VOLATILE), 'a read-only route changed the database').toBe(before);
		reportFailures();
	});

	test('junk sign-in attempts are refused and the server keeps serving', async () => {
		const before = dbSnapshot(dbFile, [...VOLATILE, 'audit_log']);
		for (let i = 0; i < 60; i++) {
			const res = await actors.anonymous.post(
				'/login',
				mangleForm(rng, {
					email: rng() < 0.5 ? 'nobody@ahadi.example' : 'x',
					password: 'wrong password entirely'
				})
			);
			check(`login ${i}`, res);
			expect(res.status).toBeLessThan(500);
		}
		expect(dbSnapshot(dbFile, [...VOLATILE, 'audit_log'])).toBe(before);
		const home = await new Client(server.url).get('/');
		expect(home.status).toBe(200);
		const api = await new Client(server.url).get('/api/v1/commitments');
		expect(api.status).toBe(200);
		reportFailures();
	});
});
