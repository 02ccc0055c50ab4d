// Two instances of the built server on one database, as behind a load balancer: a session made
// on one works on the other, sign-in throttling counts across both, and a write through one
// empties the other's shared cache within the documented bound. On PostgreSQL when
// TEST_DATABASE_URL names a server (CI starts one); on one shared SQLite file otherwise, so the
// property is checked on every run.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { sql } from 'kysely';
import { createDb } from '../../src/lib/server/db/index';
import { BUDGET_CSV_COLUMNS } from '../../src/lib/server/services/budget-import';
import { formBody } from './auth-fixtures';

const BASE_PORT = Number(process.env.E2E_PORT ?? 4173) + 10;
const PG = process.env.TEST_DATABASE_URL;
const CLERK = { email: 'clerk@ahadi.example', password: 'demo-clerk-password' };

let databaseUrl: string;
let cleanup: () => Promise<void>;
const servers: ChildProcess[] = [];
const urls = [`http://127.0.0.1:${BASE_PORT}`, `http://127.0.0.1:${BASE_PORT + 1}`] as const;

/** A new database: a fresh PostgreSQL database, or an SQLite file in a temporary folder. */
async function newDatabase(): Promise<void> {
	if (PG) {
		const name = `ahadi_two_instances_${process.pid}_${Date.now()}`;
		const admin = createDb(PG);
		await sql`create database ${sql.id(name)}`.execute(admin);
		const url = new URL(PG);
		url.pathname = `/${name}`;
		databaseUrl = url.toString();
		cleanup = async () => {
			await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
			await admin.destroy();
		};
	} else {
		const dir = mkdtempSync(join(tmpdir(), 'ahadi-two-instances-'));
		databaseUrl = join(dir, 'shared.db');
		cleanup = async () => rmSync(dir, { recursive: true, force: true });
	}
}

async function waitUntilServing(url: string, server: ChildProcess): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`server for ${url} exited (${server.exitCode})`);
		const ok = await fetch(`${url}/about`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`${url} did not start within 60 s`);
}

function startInstance(index: number, flags: string[]): ChildProcess {
	const port = String(BASE_PORT + index);
	const server = spawn(process.execPath, ['scripts/e2e-server.mjs', port, databaseUrl, ...flags], {
		stdio: ['ignore', 'ignore', 'inherit']
	});
	servers.push(server);
	return server;
}

/** A client that posts forms as a browser on `url` would (same-origin). */
function clientFor(url: string): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: url,
		extraHTTPHeaders: { origin: url, accept: 'text/html' }
	});
}

test.describe(`two instances on one ${PG ? 'PostgreSQL' : 'SQLite'} database`, () => {
	test.describe.configure({ timeout: 120_000 });

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		await newDatabase();
		// The first instance loads the demo data, then the second starts on the same database.
		const first = startInstance(0, ['--demo']);
		await waitUntilServing(urls[0], first);
		const second = startInstance(1, ['--shared']);
		await waitUntilServing(urls[1], second);
	});

	test.afterAll(async () => {
		for (const s of servers) s.kill('SIGTERM');
		await Promise.all(
			servers.map((s) =>
				s.exitCode === null ? new Promise((r) => s.once('exit', r)) : Promise.resolve()
			)
		);
		await cleanup?.();
	});

	test('a session made on one instance works on the other, and signing out ends it on both', async () => {
		const a = await clientFor(urls[0]);
		const signIn = await a.post('/login', formBody(CLERK));
		expect(signIn.status()).toBe(303);
		const cookie = (await a.storageState()).cookies.find((c) => c.name === 'ahadi_session');
		expect(cookie, 'session cookie').toBeTruthy();

		// The same cookie, presented to the other instance.
		const b = await clientFor(urls[1]);
		const headers = { cookie: `${cookie!.name}=${cookie!.value}` };
		const onB = await b.get('/workspace', { headers, maxRedirects: 0 });
		expect(onB.status()).toBe(200);
		expect(await onB.text()).toContain('Brian Otieno');

		const form = formBody({});
		const out = await b.post('/logout', { ...form, headers: { ...form.headers, ...headers } });
		expect(out.status()).toBe(303);
		const afterOnA = await a.get('/workspace', { maxRedirects: 0 });
		expect(afterOnA.status()).toBe(303);
		expect(afterOnA.headers()['location']).toContain('/login');
	});

	test('sign-in throttling counts failures made on both instances', async () => {
		const email = `nobody.${Date.now()}@ahadi.example`;
		const clients = [await clientFor(urls[0]), await clientFor(urls[1])] as const;
		// Five failures, alternating between the instances: each alone saw at most three.
		for (let i = 0; i < 5; i++) {
			const res = await clients[i % 2 === 0 ? 0 : 1].post(
				'/login',
				formBody({ email, password: `guess ${i}` })
			);
			expect(res.status(), `attempt ${i + 1}`).toBe(400);
		}
		for (const c of clients) {
			const res = await c.post('/login', formBody({ email, password: 'one more guess' }));
			expect(res.status()).toBe(429);
			expect(Number(res.headers()['retry-after'])).toBeGreaterThan(0);
		}
	});

	test('a write through one instance empties the cache of the other within the bound', async () => {
		const db = createDb(databaseUrl);
		const target = await db
			.selectFrom('commitments')
			.select(['id', 'ref', 'version'])
			.where('visibility', '=', 'published')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		await db.destroy();
		const publicPath = `/api/v1/commitments/${target.ref}`;

		const a = await clientFor(urls[0]);
		expect((await a.post('/login', formBody(CLERK))).status()).toBe(303);

		// The other instance keeps the public answer: only cross-instance invalidation can make
		// it show the write within the bound below (its TTL is 60 s).
		const visitor = await request.newContext({ baseURL: urls[1] });
		await expect
			.poll(async () => (await visitor.get(publicPath)).headers()['x-cache'], { timeout: 5_000 })
			.toBe('HIT');
		const note = `Cross-instance update ${Date.now()} (test data)`;
		expect(await (await visitor.get(publicPath)).text()).not.toContain(note);

		const res = await a.post(
			`/workspace/commitments/${target.id}/updates?/record`,
			formBody({ version: String(target.version), update_on: '2025-12-01', note })
		);
		expect(res.status(), await res.text()).toBeLessThan(400);

		// Documented: at most the poll interval (1 s) plus one render; 3 s leaves a margin for a
		// busy machine.
		const wroteAt = Date.now();
		await expect
			.poll(async () => (await (await visitor.get(publicPath)).text()).includes(note), {
				timeout: 3_000,
				intervals: [100]
			})
			.toBe(true);
		console.log(
			`two-instances: the other instance showed the write after ${Date.now() - wroteAt} ms`
		);

		// Signed-in pages are never cached: the other instance shows the write at once.
		const b = await clientFor(urls[1]);
		expect((await b.post('/login', formBody(CLERK))).status()).toBe(303);
		const page = await b.get(`/workspace/commitments/${target.id}/updates`);
		expect(page.status()).toBe(200);
		expect(await page.text()).toContain(note);
	});

	test('a budget import previewed on one instance is confirmed on the other', async () => {
		const header = BUDGET_CSV_COLUMNS.join(',');
		const csv = [
			header,
			`2025/26,1021,State Department for Internal Security,Two-instance test programme,,recurrent,approved,123456789,2025-06-26,Two-instance test (illustrative),`
		].join('\n');
		const a = await clientFor(urls[0]);
		expect((await a.post('/login', formBody(CLERK))).status()).toBe(303);
		const preview = await a.post('/workspace/budget/import?/preview', {
			multipart: { file: { name: 'two.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
			maxRedirects: 0
		});
		expect(preview.status()).toBe(303);
		const job = new URL(preview.headers()['location'] ?? '', urls[0]).searchParams.get('job');
		expect(job).toMatch(/^[A-Za-z0-9_-]{16,64}$/);

		// The job (the file's text included) is in the database, so the other instance can
		// confirm it.
		const b = await clientFor(urls[1]);
		expect((await b.post('/login', formBody(CLERK))).status()).toBe(303);
		const confirm = await b.post('/workspace/budget/import?/confirm', formBody({ job_id: job! }));
		expect(confirm.status()).toBe(303);
		const page = await a.get(`/workspace/budget/import?job=${job}`);
		expect(page.status()).toBe(200);
		const db = createDb(databaseUrl);
		const figure = await db
			.selectFrom('budget_figures as f')
			.innerJoin('budget_lines as l', 'l.id', 'f.budget_line_id')
			.select(['f.amount_kes'])
			.where('l.programme', '=', 'Two-instance test programme')
			.execute();
		const status = await db
			.selectFrom('import_jobs')
			.select('status')
			.where('id', '=', job!)
			.executeTakeFirstOrThrow();
		await db.destroy();
		expect(figure).toEqual([{ amount_kes: 123_456_789 }]);
		expect(status.status).toBe('done');
	});
});
