// The front server's shared cache (server/cache.js) around a fake app that answers the way
// SvelteKit's setResponse does (setHeader for each header, writeHead(status), write, end),
// served over real loopback HTTP.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
	CACHEABLE_HEADER,
	CHANGED_HEADER,
	createFrontHandler,
	ResponseCache
} from '../../server/cache.js';
import { openChangeMarker, watchChanges } from '../../server/change-marker.js';
import { SYSTEM_ACTOR, recordAudit } from '$lib/server/audit';
import {
	CHANGED_HEADER as APP_CHANGED_HEADER,
	handleCacheHeaders,
	isSharedRoute
} from '$lib/server/shared-cache';
import { fakeEvent } from './auth-events';
import { freshDb } from './auth-helpers';

interface Answer {
	status?: number;
	marked?: boolean;
	cookie?: boolean;
	body?: string;
	chunks?: string[];
	delayMs?: number;
	/** The render waits for this before answering (a render caught in the middle). */
	gate?: Promise<void>;
	/** The app says this request changed data (as recordAudit makes it do). */
	changed?: boolean;
}

let renders: string[] = [];
let answerFor: (url: string) => Answer = () => ({ marked: true });
let content = 'version 1';

async function fakeApp(req: http.IncomingMessage, res: http.ServerResponse) {
	renders.push(`${req.method} ${req.url}`);
	const answer = answerFor(req.url ?? '/');
	if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
	if (answer.gate) await answer.gate;
	res.setHeader('content-type', 'text/html');
	if (answer.changed) res.setHeader(CHANGED_HEADER, '1');
	res.setHeader('x-extra', 'kept on 304');
	if (answer.marked) res.setHeader(CACHEABLE_HEADER, '1');
	if (answer.cookie) res.setHeader('set-cookie', ['a=b; Path=/']);
	res.writeHead(answer.status ?? 200);
	for (const chunk of answer.chunks ?? []) res.write(chunk);
	res.end(answer.body ?? `${content} of ${req.url}`);
}

let cache: ResponseCache;
let server: http.Server | undefined;
let base: string;

function start(options: ConstructorParameters<typeof ResponseCache>[0] = {}) {
	cache = new ResponseCache(options);
	const front = createFrontHandler(fakeApp, { cache, sessionCookie: 'ahadi_session' });
	const listening = http.createServer((req, res) => void front(req, res));
	server = listening;
	return new Promise<void>((resolve) =>
		listening.listen(0, '127.0.0.1', () => {
			base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
			resolve();
		})
	);
}

afterEach(async () => {
	if (server) await new Promise((resolve) => server!.close(resolve));
	server = undefined;
	renders = [];
	answerFor = () => ({ marked: true });
	content = 'version 1';
});

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
	const res = await fetch(base + path, { method, headers, redirect: 'manual' });
	return { res, text: await res.text() };
}

describe('the shared cache in front of the app', () => {
	it('renders a marked page once, then answers from the cache without the marker', async () => {
		await start();
		const first = await get('/page');
		const second = await get('/page');
		expect(renders).toEqual(['GET /page']);
		expect(first.res.headers.get('x-cache')).toBe('MISS');
		expect(second.res.headers.get('x-cache')).toBe('HIT');
		expect(second.text).toBe('version 1 of /page');
		expect(second.res.headers.get(CACHEABLE_HEADER)).toBeNull();
		expect(first.res.headers.get(CACHEABLE_HEADER)).toBeNull();
		expect(second.res.headers.get('etag')).toBe(first.res.headers.get('etag'));
	});

	it('keys on the query string', async () => {
		await start();
		await get('/list?q=a');
		await get('/list?q=b');
		const again = await get('/list?q=a');
		expect(renders).toEqual(['GET /list?q=a', 'GET /list?q=b']);
		expect(again.text).toBe('version 1 of /list?q=a');
	});

	it('never keeps unmarked, non-200 or cookie-setting answers, and strips the marker', async () => {
		await start();
		answerFor = (url) =>
			url === '/plain'
				? { marked: false }
				: url === '/missing'
					? { marked: true, status: 404 }
					: { marked: true, cookie: true };
		for (const path of ['/plain', '/missing', '/cookie', '/plain', '/missing', '/cookie']) {
			const { res } = await get(path);
			expect(res.headers.get(CACHEABLE_HEADER)).toBeNull();
			expect(res.headers.get('x-cache')).toBeNull();
		}
		expect(renders).toHaveLength(6);
		expect(cache.size).toBe(0);
	});

	it('bypasses the cache for any request carrying the session cookie', async () => {
		await start();
		await get('/page');
		const signedIn = await get('/page', { cookie: 'theme=x; ahadi_session=abc' });
		expect(signedIn.res.headers.get('x-cache')).toBeNull();
		expect(signedIn.res.headers.get(CACHEABLE_HEADER)).toBeNull();
		expect(renders).toEqual(['GET /page', 'GET /page']);
		await get('/other', { cookie: 'ahadi_session=abc' });
		expect(cache.size).toBe(1);
	});

	it('empties the cache when the app says a request changed data', async () => {
		await start();
		answerFor = (url) => ({ marked: true, changed: url === '/page?/save' });
		await get('/page');
		content = 'version 2';
		const post = await get('/page?/save', {}, 'POST');
		expect(post.res.status).toBe(200);
		expect(post.res.headers.get(CHANGED_HEADER)).toBeNull();
		const after = await get('/page');
		expect(after.text).toBe('version 2 of /page');
		expect(after.res.headers.get('x-cache')).toBe('MISS');
	});

	it('keeps what it has when a request changed nothing, whatever its method or answer', async () => {
		await start();
		await get('/page');
		answerFor = (url) =>
			url === '/nope' ? { status: 404 } : url === '/login' ? { status: 400 } : { status: 405 };
		for (const [path, method] of [
			['/nope', 'OPTIONS'],
			['/nope', 'POST'],
			['/page', 'DELETE'],
			['/page', 'PUT'],
			['/login', 'POST'],
			['/page', 'PATCH']
		] as const) {
			await get(path, {}, method);
		}
		// A signed-in request that changed nothing does not empty it either.
		await get('/page', { cookie: 'ahadi_session=abc' });
		expect(cache.size).toBe(1);
		expect((await get('/page')).res.headers.get('x-cache')).toBe('HIT');
	});

	it('does not keep a render that was under way when a change was answered', async () => {
		await start();
		let open = () => {};
		const gate = new Promise<void>((resolve) => (open = resolve));
		answerFor = (url) =>
			url === '/page' ? { marked: true, gate } : { marked: false, changed: true };
		const slow = get('/page'); // waits at the gate before it answers
		await until(() => renders.length === 1);
		content = 'version 2';
		await get('/page?/save', {}, 'POST');
		content = 'version 1'; // what the slow render read before the write
		open();
		expect((await slow).text).toBe('version 1 of /page');
		content = 'version 2';
		answerFor = () => ({ marked: true });
		const after = await get('/page');
		expect(after.res.headers.get('x-cache')).toBe('MISS');
		expect(after.text).toBe('version 2 of /page');
	});

	it('answers If-None-Match with 304, from the cache and on the first render', async () => {
		await start();
		const first = await get('/page');
		const etag = first.res.headers.get('etag')!;
		const again = await get('/page', { 'if-none-match': etag });
		expect(again.res.status).toBe(304);
		expect(again.text).toBe('');
		expect(again.res.headers.get('etag')).toBe(etag);
		expect(again.res.headers.get('x-extra')).toBe('kept on 304');
		expect(again.res.headers.get('content-type')).toBeNull();
		cache.clear();
		const fresh = await get('/page', { 'if-none-match': `W/${etag}, "other"` });
		expect(fresh.res.status).toBe(304);
		expect((await get('/page', { 'if-none-match': '"other"' })).res.status).toBe(200);
	});

	it('renders a page once for concurrent visitors, and lets them render what cannot be kept', async () => {
		await start();
		answerFor = (url) => ({ marked: url === '/slow', delayMs: 50 });
		const texts = await Promise.all([1, 2, 3, 4].map(async () => (await get('/slow')).text));
		expect(renders).toEqual(['GET /slow']);
		expect(new Set(texts)).toEqual(new Set(['version 1 of /slow']));
		renders = [];
		await Promise.all([1, 2, 3].map(() => get('/unkept')));
		expect(renders).toHaveLength(3);
	});

	it('answers HEAD from a kept page without a body', async () => {
		await start();
		const page = await get('/page');
		const head = await get('/page', {}, 'HEAD');
		expect(head.res.headers.get('x-cache')).toBe('HIT');
		expect(head.res.headers.get('content-length')).toBe(String(page.text.length));
		expect(head.text).toBe('');
	});

	it('streams a body larger than one entry may be, and does not keep it', async () => {
		await start({ maxEntryBytes: 10 });
		answerFor = () => ({ marked: true, chunks: ['0123456789', 'abcdef'], body: 'end' });
		const big = await get('/big');
		expect(big.text).toBe('0123456789abcdefend');
		expect(big.res.headers.get(CACHEABLE_HEADER)).toBeNull();
		await get('/big');
		expect(renders).toEqual(['GET /big', 'GET /big']);
	});

	it('keeps at most maxEntries and maxBytes, dropping the least recently used', async () => {
		await start({ maxEntries: 2 });
		await get('/a');
		await get('/b');
		await get('/a'); // /a is now the most recently used
		await get('/c'); // evicts /b
		expect(cache.size).toBe(2);
		await get('/a');
		await get('/b');
		expect(renders).toEqual(['GET /a', 'GET /b', 'GET /c', 'GET /b']);
		const small = new ResponseCache({ maxBytes: 5 });
		small.set('x', entry('abc'), 0);
		small.set('y', entry('def'), 0);
		expect([small.get('x'), small.get('y')?.body.toString()]).toEqual([undefined, 'def']);
	});

	it('renders again after the time to live, by the clock it was given', async () => {
		let now = 1_000;
		await start({ ttlMs: 100, now: () => now });
		await get('/page');
		now += 99;
		expect((await get('/page')).res.headers.get('x-cache')).toBe('HIT');
		now += 1;
		expect((await get('/page')).res.headers.get('x-cache')).toBe('MISS');
		expect(renders).toEqual(['GET /page', 'GET /page']);
	});
});

/** Waits until `done()` holds, for at most two seconds. */
async function until(done: () => boolean) {
	const deadline = Date.now() + 2_000;
	while (!done()) {
		if (Date.now() > deadline) throw new Error('condition not met within 2 s');
		await new Promise((r) => setTimeout(r, 5));
	}
}

function entry(body: string) {
	return { status: 200, headers: {}, body: Buffer.from(body), etag: '"e"', storedAt: Date.now() };
}

describe('compression of kept pages', () => {
	/** A raw request (fetch would ask for and undo the encoding itself). */
	function raw(path: string, headers: Record<string, string>) {
		return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
			(resolve, reject) => {
				http
					.get(base + path, { headers }, (res) => {
						const chunks: Buffer[] = [];
						res.on('data', (c: Buffer) => chunks.push(c));
						res.on('end', () =>
							resolve({
								status: res.statusCode!,
								headers: res.headers,
								body: Buffer.concat(chunks)
							})
						);
					})
					.on('error', reject);
			}
		);
	}
	const page = `<p>${'Undertaking tracked against the budget line. '.repeat(200)}</p>`;

	it('sends a kept page as Brotli or gzip as the client accepts, the same content each time', async () => {
		answerFor = () => ({ marked: true, body: page });
		await start();
		const plain = await raw('/big', {});
		const br = await raw('/big', { 'accept-encoding': 'gzip, deflate, br' });
		const gz = await raw('/big', { 'accept-encoding': 'gzip' });
		const refused = await raw('/big', { 'accept-encoding': 'br;q=0, gzip;q=0' });
		expect(renders).toEqual(['GET /big']);

		expect(plain.headers['content-encoding']).toBeUndefined();
		expect(plain.body.toString()).toBe(page);
		expect(br.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(br.body).toString()).toBe(page);
		expect(gz.headers['content-encoding']).toBe('gzip');
		expect(gunzipSync(gz.body).toString()).toBe(page);
		expect(refused.headers['content-encoding']).toBeUndefined();
		expect(refused.body.toString()).toBe(page);

		expect(br.body.length).toBeLessThan(page.length / 10);
		expect(Number(br.headers['content-length'])).toBe(br.body.length);
		for (const r of [plain, br, gz]) expect(r.headers.vary).toBe('Accept-Encoding');
		// One weak validator for every encoding of the same content: a 304 for any of them.
		expect(br.headers.etag).toMatch(/^W\//);
		expect(gz.headers.etag).toBe(br.headers.etag);
		const again = await raw('/big', {
			'accept-encoding': 'gzip',
			'if-none-match': br.headers.etag!
		});
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
	});

	it('leaves small bodies as they are', async () => {
		await start();
		const small = await raw('/small', { 'accept-encoding': 'br, gzip' });
		expect(small.headers['content-encoding']).toBeUndefined();
		expect(small.body.toString()).toBe('version 1 of /small');
	});
});

describe('the shared change marker', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'ahadi-marker-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('notices a write committed by another connection to the audit log', async () => {
		const file = join(dir, 'marker.db');
		const writer = new SQLite(file);
		writer.pragma('journal_mode = WAL');
		writer.exec('CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, action TEXT)');
		const opened = await openChangeMarker(file);
		// Counts the polls, so the test waits for polls that happened, not for time to pass.
		let reads = 0;
		const marker = { ...opened, read: () => ((reads += 1), opened.read()) };
		let changes = 0;
		const stop = await watchChanges(marker, 10, () => (changes += 1));
		const polls = async (n: number) => {
			const target = reads + n;
			await until(() => reads >= target);
		};
		await polls(3);
		expect(changes).toBe(0);
		writer.prepare('INSERT INTO audit_log (action) VALUES (?)').run('update');
		await until(() => changes === 1);
		await polls(3);
		expect(changes).toBe(1);
		stop();
		await opened.close();
		writer.close();
	});
});

describe('which routes the app lets the front server share', () => {
	it('allows public pages, the API and downloads; never sign-in or signed-in routes', () => {
		expect(isSharedRoute('/(public)')).toBe(true);
		expect(isSharedRoute('/(public)/commitments/[ref]')).toBe(true);
		expect(isSharedRoute('/api/v1/commitments')).toBe(true);
		expect(isSharedRoute('/(public)/data/commitments.csv')).toBe(true);
		expect(isSharedRoute('/(auth)/login')).toBe(false);
		expect(isSharedRoute('/(mp)/briefing')).toBe(false);
		expect(isSharedRoute('/(clerk)/workspace/commitments/[id]')).toBe(false);
		expect(isSharedRoute(null)).toBe(false);
	});
});

describe('the app says which requests changed data', () => {
	it('marks the response of a request that wrote to the audit log, and no other', async () => {
		expect(APP_CHANGED_HEADER).toBe(CHANGED_HEADER);
		const db = await freshDb();
		const wrote = await handleCacheHeaders({
			event: fakeEvent('/workspace/sittings?/create', { method: 'POST' }),
			resolve: async () => {
				await recordAudit(db, SYSTEM_ACTOR, { action: 'sitting.created' });
				return new Response(null, { status: 303, headers: { location: '/workspace' } });
			}
		});
		expect(wrote.headers.get(CHANGED_HEADER)).toBe('1');
		expect(wrote.headers.get(CACHEABLE_HEADER)).toBeNull();
		for (const method of ['POST', 'OPTIONS', 'DELETE', 'GET']) {
			const refused = await handleCacheHeaders({
				event: fakeEvent('/commitments', { method }),
				resolve: async () => new Response('no', { status: 405 })
			});
			expect(refused.headers.get(CHANGED_HEADER)).toBeNull();
		}
		await db.destroy();
	});
});
