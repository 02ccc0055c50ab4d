// Server memory while a clerk imports the largest budget CSV the browser may upload (20 MB),
// the way the browser does it: the server's RSS when idle (signed in, nothing running), then its
// peak RSS (VmHWM) through the preview and the background import until the job is done.
// Part of `npm run bench`; alone (after `npm run build`):
//   node scripts/bench/import-memory.mjs [PORT]   (on a fresh database in bench-results/)
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { bin, root, run } from '../lib.mjs';
import { SERVER_ARGS } from '../server-command.mjs';
import { peakRssMb, signIn, startServer, stopServer } from './servers.mjs';

/** MAX_IMPORT_BYTES in src/lib/server/services/budget-import (the upload limit). */
const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const PHASES = ['requested', 'ceiling', 'approved', 'released', 'spent'];
const HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url';

/** New figures just under the upload limit, as in tests/reliability/large-import.test.ts. */
export function writeLargestBudgetCsv(/** @type {string} */ file) {
	const lines = [HEADER];
	let bytes = HEADER.length + 1;
	for (let i = 0; ; i++) {
		const line = Math.floor(i / PHASES.length);
		const row = [
			'2030/31',
			`9${String(line % 40).padStart(3, '0')}`,
			`Large vote ${line % 40}`,
			`Large programme ${line}`,
			'',
			line % 2 ? 'development' : 'recurrent',
			PHASES[i % PHASES.length],
			String(1_000_000 + ((i * 7919) % 90_000_000)),
			'2025-07-31',
			'Large import (synthetic)',
			''
		].join(',');
		if (bytes + row.length + 1 > MAX_IMPORT_BYTES - 1024) break;
		lines.push(row);
		bytes += row.length + 1;
	}
	writeFileSync(file, lines.join('\n') + '\n');
	return { rows: lines.length - 1, bytes };
}

/** Resident set size now (VmRSS), in MB. */
function rssMb(/** @type {number} */ pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * @param {{ dbFile: string, workDir: string, port: number, email: string, password: string }} o
 *   dbFile is copied, never changed; the account must be a clerk's.
 */
export async function measureImportMemory(o) {
	const csv = join(o.workDir, 'budget-largest.csv');
	const { rows, bytes } = writeLargestBudgetCsv(csv);
	const copy = join(o.workDir, 'import-memory.db');
	const checkpoint = new SQLite(o.dbFile);
	checkpoint.pragma('wal_checkpoint(TRUNCATE)');
	checkpoint.close();
	for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
	copyFileSync(o.dbFile, copy);
	const base = `http://127.0.0.1:${o.port}`;
	// As `npm start` sets it (scripts/start.mjs): room for the largest upload.
	const env = {
		PORT: String(o.port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		DATABASE_URL: copy,
		NODE_ENV: 'production',
		BODY_SIZE_LIMIT: '25M'
	};
	const server = await startServer(SERVER_ARGS, env, base);
	const pid = /** @type {number} */ (server.pid);
	try {
		const cookie = await signIn(base, o.email, o.password);
		await new Promise((r) => setTimeout(r, 2_000));
		const idleRssMb = rssMb(pid);
		const headers = { cookie, origin: base, accept: 'text/html' };

		const started = performance.now();
		const form = new FormData();
		form.append('file', new Blob([readFileSync(csv)], { type: 'text/csv' }), 'largest.csv');
		const preview = await fetch(`${base}/workspace/budget/import?/preview`, {
			method: 'POST',
			redirect: 'manual',
			headers,
			body: form
		});
		await preview.arrayBuffer();
		const job = /job=([\w-]+)/.exec(preview.headers.get('location') ?? '')?.[1];
		if (preview.status !== 303 || !job) throw new Error(`preview answered ${preview.status}`);
		const previewSeconds = (performance.now() - started) / 1000;
		const previewPeakRssMb = peakRssMb(pid);
		const confirm = await fetch(`${base}/workspace/budget/import?/confirm`, {
			method: 'POST',
			redirect: 'manual',
			headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ job_id: job }).toString()
		});
		await confirm.arrayBuffer();
		if (confirm.status !== 303) throw new Error(`confirm answered ${confirm.status}`);

		const db = new SQLite(copy, { readonly: true });
		const deadline = Date.now() + 300_000;
		let status = 'running';
		try {
			while (status === 'running' || status === 'pending') {
				if (Date.now() > deadline) throw new Error('import not done within 300 s');
				await new Promise((r) => setTimeout(r, 250));
				const row = db.prepare('select status from import_jobs where id = ?').get(job);
				status = /** @type {{ status: string }} */ (row).status;
			}
		} finally {
			db.close();
		}
		if (status !== 'done') throw new Error(`import ${status}`);
		const seconds = (performance.now() - started) / 1000;
		return {
			rows,
			bytes,
			idleRssMb,
			previewPeakRssMb,
			peakRssMb: peakRssMb(pid),
			previewSeconds,
			seconds
		};
	} finally {
		await stopServer(server);
		for (const f of [copy, `${copy}-wal`, `${copy}-shm`, csv]) rmSync(f, { force: true });
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const workDir = join(root, 'bench-results');
	mkdirSync(workDir, { recursive: true });
	const dbFile = join(workDir, 'import-memory-base.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
	const env = { ...process.env, DATABASE_URL: dbFile };
	run(bin('tsx'), ['scripts/db.ts', 'migrate'], { env, stdio: 'ignore' });
	run(bin('tsx'), ['scripts/db.ts', 'seed', '--synthetic', '1000'], { env, stdio: 'ignore' });
	const password = 'bench-password-not-secret';
	const email = 'bench-clerk@ahadi.example';
	const seeded = new SQLite(dbFile, { readonly: true });
	const { slug } = /** @type {{ slug: string }} */ (
		seeded.prepare('select slug from committees order by id limit 1').get()
	);
	seeded.close();
	run(
		bin('tsx'),
		['scripts/user.ts', 'add', '--email', email, '--name', 'Bench clerk', '--role', 'clerk'].concat(
			['--committee', slug]
		),
		{ env, input: `${password}\n`, stdio: ['pipe', 'ignore', 'inherit'] }
	);
	const port = Number(process.argv[2] ?? 5352);
	const m = await measureImportMemory({ dbFile, workDir, port, email, password });
	console.log(JSON.stringify(m));
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
}
