// The largest budget CSV the browser may upload (20 MB, about 170,000 figures), twice at once,
// against the server as it is started everywhere (scripts/server-command.mjs): both previews
// and both imports finish, every figure lands, and the server keeps serving. A heap limit too
// small for the largest allowed file kills the process here (it did with a 256 MB cap).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { MAX_IMPORT_BYTES } from '../../src/lib/server/services/budget-import';
import { signIn, type Client } from './helpers/client';
import { freshDemoDb, integrityProblems, one, removeDb } from './helpers/db';
import { workDir } from './helpers/paths';
import { startServer, type Server } from './helpers/server';

const PORT = 5451;
const dbFile = freshDemoDb('large-import');
const files: string[] = [];
let server: Server | undefined;

afterAll(async () => {
	await server?.stop();
	removeDb(dbFile);
	for (const f of files) rmSync(f, { force: true });
});

const HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url';
const PHASES = ['requested', 'ceiling', 'approved', 'released', 'spent'];

/** A CSV of new figures just under the upload limit: five phases of new lines, 40 votes. */
function largestCsv(name: string, fiscalYear: string): { file: string; rows: number } {
	const lines = [HEADER];
	let bytes = HEADER.length + 1;
	for (let i = 0; ; i++) {
		const line = Math.floor(i / PHASES.length);
		const row = [
			fiscalYear,
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
	const file = join(workDir, name);
	writeFileSync(file, lines.join('\n') + '\n');
	files.push(file);
	return { file, rows: lines.length - 1 };
}

async function importFile(client: Client, file: string): Promise<string> {
	const form = new FormData();
	const text = readFileSync(file);
	form.append('file', new Blob([text], { type: 'text/csv' }), 'figures.csv');
	const preview = await client.send(
		'/workspace/budget/import?/preview',
		{ method: 'POST', body: form },
		120_000
	);
	expect(preview.status, preview.body.slice(0, 500)).toBe(303);
	const job = /job=([\w-]+)/.exec(preview.location ?? '')?.[1] ?? '';
	const confirm = await client.post('/workspace/budget/import?/confirm', { job_id: job });
	expect(confirm.status).toBe(303);
	return job;
}

describe('the largest allowed import, twice at once', () => {
	test('both land whole and the server keeps serving', { timeout: 240_000 }, async () => {
		server = await startServer({ port: PORT, dbFile });
		const a = largestCsv('large-a.csv', '2030/31');
		const b = largestCsv('large-b.csv', '2031/32');
		expect(a.rows).toBeGreaterThan(150_000);
		const before = one<{ n: number }>(dbFile, 'select count(*) as n from budget_figures').n;
		try {
			await bothImports(a, b, before);
		} catch (e) {
			throw new Error(`${String(e)}\n--- server output ---\n${server.output()}`, { cause: e });
		}
	});
});

async function bothImports(
	a: { file: string; rows: number },
	b: { file: string; rows: number },
	before: number
) {
	const base = server!.url;
	{
		const [clerk1, clerk2] = await Promise.all([signIn(base, 'clerkA'), signIn(base, 'clerkA')]);
		const jobs = await Promise.all([importFile(clerk1, a.file), importFile(clerk2, b.file)]);
		// Imports this large run after the answer; wait (bounded) until both are done.
		const deadline = Date.now() + 180_000;
		for (;;) {
			const done = one<{ n: number }>(
				dbFile,
				`select count(*) as n from import_jobs where id in (?, ?) and status = 'done'`,
				...jobs
			).n;
			if (done === 2) break;
			if (Date.now() > deadline) throw new Error('imports not done within 180 s');
			await new Promise((r) => setTimeout(r, 500));
		}
		const after = one<{ n: number }>(dbFile, 'select count(*) as n from budget_figures').n;
		expect(after - before).toBe(a.rows + b.rows);
		expect((await clerk1.get('/budget')).status).toBe(200);
		expect(integrityProblems(dbFile)).toEqual([]);
	}
}
