// `npm run bench [-- --quick]`: builds the app, generates synthetic databases, serves each one
// through server/index.js, loads it over loopback with autocannon and prints one table (also
// written to bench-results/latest.md), with the transcripts row (scripts/bench/transcripts.ts) and
// the alerts row (scripts/bench/alerts.ts).
// Never part of `npm test`.
// `npm run bench -- --report` prints the table of the last run again (from latest.json).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import SQLite from 'better-sqlite3';
import { bin, ensureBuilt, root, run } from '../lib.mjs';
import { SERVER_ARGS } from '../server-command.mjs';
import { clientJsOf } from './client-js.mjs';
import { measureImportMemory } from './import-memory.mjs';
import { measureUploadMemory, prepareUploadBench } from './upload-memory.mjs';
import { measureImport } from './import-rate.mjs';
import { sendRefused } from './refused.mjs';
import { peakRssMb, signIn, startServer, stopServer } from './servers.mjs';
import { formatReport } from './report.mjs';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [1_000] : [1_000, 100_000];
const DURATION = quick ? 2 : 10; // seconds per measurement
const CONNECTIONS = 20; // pages answered from the cache, and the baselines
// Pages SvelteKit renders (cache off, signed in) are CPU-bound in one Node process: two
// connections keep it busy without queueing minutes of work behind a 15-second page.
const RENDER_CONNECTIONS = 2;
const IMPORT_ROWS = quick ? 10_000 : 100_000;
const SEED = 1;
const PORT = 5350; // the app; 5351 the bare server
const outDir = join(root, 'bench-results');
const clientDir = join(root, 'build', 'client');
const PASSWORD = 'bench-password-not-secret';
/** Refused requests a second sent while a cached page is measured (the cache must stay warm). */
const REFUSED_PER_SECOND = 100;

mkdirSync(outDir, { recursive: true });
if (process.argv.includes('--report')) {
	const last = JSON.parse(readFileSync(join(outDir, 'latest.json'), 'utf8'));
	console.log(formatReport(last.input));
	process.exit(0);
}
const started = Date.now();
const log = (/** @type {string} */ m) =>
	console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);

log('building the app when sources changed');
ensureBuilt();

/** @param {string} file */
function newest(file) {
	return existsSync(file) ? statSync(file).mtimeMs : 0;
}

/** A synthetic database of `size` commitments with a bench MP and clerk; reused when current. */
function prepareDb(/** @type {number} */ size) {
	const file = join(outDir, `synthetic-${size}-seed${SEED}.db`);
	const inputs = ['db/seeds/synthetic.ts', 'db/migrations'].map((p) => newest(join(root, p)));
	if (newest(file) > Math.max(...inputs)) return file;
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	const env = { ...process.env, DATABASE_URL: file };
	log(`generating ${size.toLocaleString('en')} commitments`);
	run(bin('tsx'), ['scripts/db.ts', 'migrate'], { env, stdio: 'ignore' });
	run(bin('tsx'), ['scripts/db.ts', 'seed', '--synthetic', String(size), '--seed', String(SEED)], {
		env,
		stdio: 'ignore'
	});
	const committee = pick(file, "select slug from committees where slug like 'syn-%' order by id");
	for (const [role, email] of [
		['mp', 'bench-mp@ahadi.example'],
		['clerk', 'bench-clerk@ahadi.example']
	]) {
		run(
			bin('tsx'),
			[
				'scripts/user.ts',
				'add',
				'--email',
				email,
				'--name',
				`Bench ${role}`,
				'--role',
				role
			].concat(['--committee', committee]),
			{ env, input: `${PASSWORD}\n`, stdio: ['pipe', 'ignore', 'inherit'] }
		);
	}
	return file;
}

/** The first column of the first row of `query`. */
function pick(/** @type {string} */ file, /** @type {string} */ query) {
	const db = new SQLite(file, { readonly: true });
	try {
		return String(Object.values(db.prepare(query).get() ?? {})[0] ?? '');
	} finally {
		db.close();
	}
}

/** The pages measured, with URLs chosen from the database (middle of the data, not the edge). */
function pagesOf(/** @type {string} */ file) {
	const committee = pick(file, "select slug from committees where slug like 'syn-%' order by id");
	const committeeId = pick(file, `select id from committees where slug = '${committee}'`);
	const total = Number(pick(file, 'select count(*) from commitments'));
	const middle = Math.floor(total / 2);
	const ref = pick(
		file,
		`select ref from commitments where visibility = 'published' and committee_id = ${committeeId}
		 order by id limit 1 offset ${Math.floor(middle / 10)}`
	);
	const editId = pick(
		file,
		`select id from commitments where committee_id = ${committeeId} order by id limit 1 offset ${Math.floor(middle / 10)}`
	);
	const title = pick(file, `select title from commitments where ref = '${ref}'`);
	const term =
		title
			.split(/\W+/)
			.sort((a, b) => b.length - a.length)[0]
			?.toLowerCase() ?? 'the';
	return [
		{ name: 'dashboard', path: '/', kind: 'public' },
		{
			name: 'explorer (2 filters + search)',
			path: `/commitments?committee=${committee}&overdue=true&q=${encodeURIComponent(term)}`,
			kind: 'public'
		},
		{ name: 'commitment page', path: `/commitments/${encodeURIComponent(ref)}`, kind: 'public' },
		{ name: 'budget page', path: '/budget', kind: 'public' },
		{ name: 'API list', path: '/api/v1/commitments', kind: 'public' },
		{ name: 'MP briefing pack', path: `/briefing?committee=${committee}`, kind: 'mp' },
		{ name: 'clerk edit page', path: `/workspace/commitments/${editId}`, kind: 'clerk' }
	];
}

/**
 * SQL statements of one render in the steady state, read twice so that aggregates remembered
 * until the next write (src/lib/server/db/memo.ts) are counted as they are served, not as the
 * first render after a start computes them. Meaningful when the page is rendered (cache off,
 * signed in); a page served from the cache repeats the header of the render that filled it,
 * so the report takes cached rows' counts from their cache-off rows.
 * @param {string} url
 * @param {Record<string, string>} headers
 */
async function steadySqlCount(url, headers) {
	let count = null;
	for (let i = 0; i < 2; i++) {
		const res = await fetch(url, { headers, redirect: 'manual' });
		await res.arrayBuffer();
		const n = /desc="(\d+) queries"/.exec(res.headers.get('server-timing') ?? '')?.[1];
		count = n === undefined ? null : Number(n);
	}
	return count;
}

/**
 * One autocannon run. Checks the answer first (status 200) and reads its SQL count; with
 * `cached`, waits until the page is served from the cache (the steady state).
 * @param {string} url
 * @param {Record<string, string>} headers
 */
async function load(url, headers = {}, cached = false, connections = CONNECTIONS) {
	if (cached) {
		const deadline = Date.now() + 180_000;
		for (;;) {
			const res = await fetch(url, { headers });
			await res.arrayBuffer();
			if (res.headers.get('x-cache') === 'HIT') break;
			if (Date.now() > deadline) throw new Error(`${url} is never served from the cache`);
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	const t0 = performance.now();
	const probe = await fetch(url, { headers, redirect: 'manual' });
	const body = Buffer.from(await probe.arrayBuffer());
	const single = performance.now() - t0;
	if (probe.status !== 200) throw new Error(`${url} answered ${probe.status}`);
	const queries = await steadySqlCount(url, headers);
	const options = { url, headers, connections, timeout: 120 };
	await autocannon({ ...options, duration: 1 }); // warm-up
	await drain(url);
	const r = await autocannon({ ...options, duration: DURATION });
	await drain(url);
	const done = r.latency.totalCount > 0;
	return {
		connections,
		rps: r.requests.average,
		// A page slower than the run has no latency from autocannon: the idle probe's instead.
		p50: done ? r.latency.p50 : single,
		p99: done ? r.latency.p99 : single,
		single,
		errors: r.errors + r.timeouts + r.non2xx,
		queries,
		bytes: body.length,
		html: body.toString('utf8'),
		body,
		headers: probe.headers
	};
}

/**
 * The machine's ceiling for each public page: a bare node:http server (another process, like
 * the app) answering that page's exact bytes and headers, as just served by the app.
 * @param {{ name: string, path: string, kind: string }[]} pages
 * @param {string} appBase
 */
async function loadBare(pages, appBase) {
	const publicPages = pages.filter((p) => p.kind === 'public');
	/** @type {Record<string, { headers: Record<string, string>, body: string }>} */
	const responses = {};
	for (const page of publicPages) {
		const res = await fetch(appBase + page.path);
		const body = Buffer.from(await res.arrayBuffer());
		/** @type {Record<string, string>} */
		const headers = {};
		for (const [k, v] of res.headers) {
			// fetch decodes a compressed answer: keep the bytes' own headers, not the encoding's.
			const skip = ['date', 'connection', 'keep-alive', 'server-timing', 'x-cache'];
			if (![...skip, 'content-encoding', 'content-length'].includes(k)) {
				headers[k] = v;
			}
		}
		responses[page.path] = { headers, body: body.toString('base64') };
	}
	const saved = join(outDir, 'bare-responses.json');
	writeFileSync(saved, JSON.stringify(responses));
	const bareBase = `http://127.0.0.1:${PORT + 1}`;
	const bare = await startServer(
		['scripts/bench/bare-server.mjs', String(PORT + 1), saved],
		{},
		`${bareBase}/`
	);
	/** @type {Record<string, any>} */
	const measured = {};
	try {
		for (const page of publicPages) {
			const m = await load(bareBase + page.path);
			delete m.html;
			delete m.body;
			measured[page.name] = m;
			log(`  bare server, ${page.name}: ${Math.round(m.rps)} req/s`);
		}
	} finally {
		await stopServer(bare);
	}
	return measured;
}

/**
 * Waits until the server behind `url` has finished the requests autocannon left queued (it
 * renders them even after the client went away), so one row does not slow the next.
 * @param {string} url
 */
async function drain(url) {
	const about = new URL('/about', url).href;
	const deadline = Date.now() + 180_000;
	while (Date.now() < deadline) {
		const t0 = performance.now();
		await (await fetch(about)).arrayBuffer();
		if (performance.now() - t0 < 100) return;
		await new Promise((r) => setTimeout(r, 500));
	}
}

const base = `http://127.0.0.1:${PORT}`;
/** @type {Record<number, any>} */
const results = {};
/** @type {Record<string, ReturnType<typeof clientJsOf>>} */
const clientJs = {};

for (const size of SIZES) {
	const file = prepareDb(size);
	const pages = pagesOf(file);
	const env = {
		PORT: String(PORT),
		HOST: '127.0.0.1',
		ORIGIN: base,
		DATABASE_URL: file,
		AHADI_SERVER_TIMING: '1'
	};
	/** @type {any} */
	const sized = { pages: {}, baselines: {} };
	results[size] = sized;

	for (const cache of ['on', 'off']) {
		log(`${size.toLocaleString('en')} commitments: server with the cache ${cache}`);
		const server = await startServer(SERVER_ARGS, { ...env, AHADI_CACHE: cache }, base);
		try {
			const cookies = {
				mp: await signIn(base, 'bench-mp@ahadi.example', PASSWORD),
				clerk: await signIn(base, 'bench-clerk@ahadi.example', PASSWORD)
			};
			for (const page of pages) {
				// Signed-in pages never use the cache: measured once, on the production setting.
				if (page.kind !== 'public' && cache === 'off') continue;
				const headers = page.kind === 'public' ? {} : { cookie: cookies[page.kind] };
				const cached = page.kind === 'public' && cache === 'on';
				const m = await load(
					base + page.path,
					headers,
					cached,
					cached ? CONNECTIONS : RENDER_CONNECTIONS
				);
				sized.pages[`${page.name}|${page.kind === 'public' ? `cache ${cache}` : 'signed in'}`] = m;
				log(`  ${page.name} (${cache}): ${Math.round(m.rps)} req/s, p50 ${m.p50} ms`);
				if (
					cache === 'on' &&
					size === SIZES[0] &&
					/text\/html/.test(m.headers.get('content-type') ?? '')
				) {
					clientJs[page.name] = clientJsOf(`${m.headers.get('link')}\n${m.html}`, clientDir);
				}
				delete m.html;
				delete m.body;
			}
			if (cache === 'on') {
				// The explorer, cached, measured again while another client sends refused requests.
				const page = pages.find((p) => p.kind === 'public' && p.name.startsWith('explorer'));
				if (page) {
					const attacker = sendRefused(base, REFUSED_PER_SECOND, (DURATION + 30) * 1000);
					const m = await load(base + page.path, {}, true, CONNECTIONS);
					const refused = await attacker.stop();
					delete m.html;
					delete m.body;
					sized.underRefused = { page: page.name, ...m, refused };
					log(
						`  ${page.name} (on) under ${REFUSED_PER_SECOND} refused requests/s: ${Math.round(m.rps)} req/s (${refused.sent} refused sent, ${refused.accepted} accepted)`
					);
				}
			}
			if (cache === 'off') {
				// Rendered like the pages it is compared with: at their number of connections.
				sized.baselines.kit = await load(`${base}/about`, {}, false, RENDER_CONNECTIONS);
				if (size === SIZES[0]) {
					const about = await fetch(`${base}/about`);
					const page = `${about.headers.get('link')}\n${await about.text()}`;
					clientJs['about (trivial page)'] = clientJsOf(page, clientDir);
				}
			} else {
				sized.bare = await loadBare(pages, base);
				sized.baselines.bare = sized.bare.dashboard;
			}
			if (cache === 'on') sized.peakRssMb = peakRssMb(/** @type {number} */ (server.pid));
			else sized.peakRssMbUncached = peakRssMb(/** @type {number} */ (server.pid));
		} finally {
			await stopServer(server);
		}
	}
	if (size === SIZES[SIZES.length - 1]) {
		log(`CSV import of ${IMPORT_ROWS.toLocaleString('en')} rows`);
		results.import = measureImport(file, IMPORT_ROWS, outDir);
		log('the largest allowed CSV (20 MB) through the server: idle and peak RSS');
		results.importMemory = await measureImportMemory({
			dbFile: file,
			workDir: outDir,
			port: PORT,
			email: 'bench-clerk@ahadi.example',
			password: PASSWORD
		});
	}
}

// Two 20 MB documents uploaded by a ministry at once, on a fresh demo database.
log('two 20 MB documents uploaded by a ministry at once: idle and peak RSS');
{
	const dbFile = join(outDir, 'upload-memory.db');
	const account = prepareUploadBench(dbFile);
	results.uploadMemory = await measureUploadMemory({ dbFile, port: PORT, ...account });
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
}

// The transcripts row (scripts/bench/transcripts.ts, TypeScript: run through tsx in its own
// process, which starts one more process per extraction to read its peak RSS).
log('transcripts: precision and recall on the corpus, a 200-page Hansard against pdftotext');
{
	const file = join(outDir, 'transcripts.json');
	rmSync(file, { force: true });
	const r = spawnSync(bin('tsx'), ['scripts/bench/transcripts.ts', '--json', file], {
		cwd: root,
		stdio: 'inherit'
	});
	if (r.status === 0) results.transcripts = JSON.parse(readFileSync(file, 'utf8'));
	else log('transcripts: the measurement failed (above); the row is left out');
}

// The alerts row (scripts/bench/alerts.ts, run through tsx): the scheduled pass over a copy of
// the largest synthetic database above with 10,000 followers (1,000 with --quick) in a process of
// its own, and the outbox sender's rate against a bare nodemailer loop.
log('alerts: the scheduled pass (time, peak RSS) and the sender against bare nodemailer');
{
	const file = join(outDir, 'alerts-row.json');
	rmSync(file, { force: true });
	const largest = join(outDir, `synthetic-${SIZES[SIZES.length - 1]}-seed${SEED}.db`);
	const args = ['scripts/bench/alerts.ts', '--db', largest, '--json', file];
	const r = spawnSync(bin('tsx'), quick ? [...args, '--quick'] : args, {
		cwd: root,
		stdio: 'inherit'
	});
	if (r.status === 0) results.alerts = JSON.parse(readFileSync(file, 'utf8'));
	else log('alerts: the measurement failed (above); the row is left out');
}

const machine = [
	`${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
	`${(totalmem() / 2 ** 30).toFixed(1)} GB RAM (${(freemem() / 2 ** 30).toFixed(1)} GB free at the end)`,
	`Node ${process.version}`,
	`load average at the end ${loadavg()
		.map((l) => l.toFixed(2))
		.join(' / ')}`
].join('; ');
const input = {
	sizes: SIZES,
	results,
	clientJs,
	quick,
	machine,
	duration: DURATION,
	connections: CONNECTIONS,
	renderConnections: RENDER_CONNECTIONS,
	refusedPerSecond: REFUSED_PER_SECOND,
	seconds: (Date.now() - started) / 1000,
	at: new Date().toISOString()
};
const report = formatReport(input);
console.log(`\n${report}`);
writeFileSync(join(outDir, 'latest.md'), report);
writeFileSync(join(outDir, 'latest.json'), JSON.stringify({ input }, null, 1));
log('written to bench-results/latest.md');
