// Server memory while a ministry uploads documents: two 20 MB PDFs (the largest a document may
// be) sent at the same time, as two liaison officers' browsers would, each to its own draft.
// Reports the server's RSS when idle (signed in, nothing running) and its peak RSS (VmHWM) once
// both uploads are stored; then the upload reader alone on bodies of 20 and 200 MB, whose peak
// should not grow with the body (what is left of the server's growth is garbage not yet
// collected: buffers the socket, the parser and the store drop as they go). Part of `npm run bench`; alone (after `npm run build`):
//   node scripts/bench/upload-memory.mjs [PORT]   (on a fresh demo database in bench-results/)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { bin, root, run } from '../lib.mjs';
import { SERVER_ARGS } from '../server-command.mjs';
import { peakRssMb, signIn, startServer, stopServer } from './servers.mjs';

/** MAX_DOCUMENT_BYTES in src/lib/server/services/ministry-replies.ts. */
const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** A PDF of just under the limit: a header, then a comment line of filler bytes. */
function largestPdf() {
	const bytes = new Uint8Array(MAX_DOCUMENT_BYTES - 4096);
	bytes.set(new TextEncoder().encode('%PDF-1.7\n%'), 0);
	for (let i = 10; i < bytes.length; i++) bytes[i] = 0x41 + (i % 26);
	return bytes;
}

function rssMb(/** @type {number} */ pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * @param {{ dbFile: string, port: number, email: string, password: string,
 *   commitmentIds: number[] }} o  dbFile is used as is (a throwaway copy); the account must be
 *   the ministry of those commitments.
 */
export async function measureUploadMemory(o) {
	const base = `http://127.0.0.1:${o.port}`;
	const env = {
		PORT: String(o.port),
		HOST: '127.0.0.1',
		ORIGIN: base,
		DATABASE_URL: o.dbFile,
		NODE_ENV: 'production',
		BODY_SIZE_LIMIT: '25M'
	};
	const server = await startServer(SERVER_ARGS, env, base);
	const pid = /** @type {number} */ (server.pid);
	try {
		const cookie = await signIn(base, o.email, o.password);
		await new Promise((r) => setTimeout(r, 2_000));
		const idleRssMb = rssMb(pid);
		const pdf = largestPdf();
		const started = performance.now();
		const statuses = await Promise.all(
			o.commitmentIds.map(async (id, i) => {
				const form = new FormData();
				form.append('kind', 'report');
				form.append('body', `Bench upload ${i + 1}`);
				form.append('claimed_status', 'on_track');
				form.append('documents', new Blob([pdf], { type: 'application/pdf' }), `bench-${i}.pdf`);
				const res = await fetch(`${base}/ministry/commitments/${id}?/save`, {
					method: 'POST',
					redirect: 'manual',
					headers: { cookie, origin: base, accept: 'text/html' },
					body: form
				});
				await res.arrayBuffer();
				return res.status;
			})
		);
		const seconds = (performance.now() - started) / 1000;
		if (statuses.some((s) => s !== 303)) throw new Error(`uploads answered ${statuses.join(', ')}`);
		const db = new SQLite(o.dbFile, { readonly: true });
		const stored = /** @type {{ n: number, bytes: number }} */ (
			db
				.prepare(
					"select count(*) as n, sum(byte_size) as bytes from submission_documents where file_name like 'bench-%'"
				)
				.get()
		);
		db.close();
		if (stored.n !== o.commitmentIds.length) throw new Error(`${stored.n} documents stored`);
		return {
			uploads: stored.n,
			bytesEach: pdf.length,
			idleRssMb,
			peakRssMb: peakRssMb(pid),
			seconds,
			reader: measureReader([20, 200])
		};
	} finally {
		await stopServer(server);
	}
}

/**
 * The upload reader alone, for bodies of `sizesMb` (scripts/bench/upload-reader.ts): the growth of
 * peak RSS should not depend on the size, since the file is never held whole.
 * @returns {{ sizeMb: number, peakGrowthMb: number }[]}
 */
export function measureReader(/** @type {number[]} */ sizesMb) {
	const r = spawnSync(bin('tsx'), ['scripts/bench/upload-reader.ts', ...sizesMb.map(String)], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	if (r.status !== 0) throw new Error(`the upload reader bench failed (exit ${r.status})`);
	return JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '[]');
}

/** A fresh demo database with its ministry account, and two of that ministry's undertakings. */
export function prepareUploadBench(/** @type {string} */ dbFile) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
	run(bin('tsx'), ['scripts/db.ts', 'seed', '--demo-if-empty'], {
		env: { ...process.env, DATABASE_URL: dbFile },
		stdio: 'ignore'
	});
	const db = new SQLite(dbFile, { readonly: true });
	const rows = /** @type {{ id: number }[]} */ (
		db
			.prepare(
				`select c.id from commitments c join organisations o on o.id = c.organisation_id
				 where o.slug = 'sd-internal-security-national-administration'
				   and c.visibility = 'published' order by c.id limit 2`
			)
			.all()
	);
	db.close();
	return {
		email: 'ministry@ahadi.example',
		password: 'demo-ministry-password',
		commitmentIds: rows.map((r) => r.id)
	};
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const workDir = join(root, 'bench-results');
	mkdirSync(workDir, { recursive: true });
	const dbFile = join(workDir, 'upload-memory.db');
	const account = prepareUploadBench(dbFile);
	const port = Number(process.argv[2] ?? 5353);
	const m = await measureUploadMemory({ dbFile, port, ...account });
	console.log(JSON.stringify(m));
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
}
