// CSV import rate: `npm run import -- budget FILE` on a copy of the bench database, against a
// baseline of the same file read, parsed (csv-parse) and inserted by one bare prepared
// statement in one transaction into a plain table with the CSV's columns.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { bin, root } from '../lib.mjs';

const PHASES = ['requested', 'ceiling', 'approved', 'released', 'spent'];
const HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url';

/** `rows` new figures: rows/5 new budget lines, five phases each, over 40 votes. */
export function writeBudgetCsv(/** @type {string} */ file, /** @type {number} */ rows) {
	const lines = [HEADER];
	for (let i = 0; i < rows; i++) {
		const line = Math.floor(i / PHASES.length);
		const vote = line % 40;
		lines.push(
			[
				'2025/26',
				`9${String(vote).padStart(3, '0')}`,
				`Bench vote ${vote}`,
				`Bench programme ${line}`,
				'',
				line % 2 ? 'development' : 'recurrent',
				PHASES[i % PHASES.length],
				String(1_000_000 + ((i * 7919) % 90_000_000)),
				'2025-07-31',
				'Bench figures (synthetic)',
				''
			].join(',')
		);
	}
	writeFileSync(file, lines.join('\n') + '\n');
}

/**
 * @param {string} dbFile the bench database (copied, never changed)
 * @param {number} rows
 * @param {string} workDir
 */
export function measureImport(dbFile, rows, workDir) {
	const csv = `${workDir}/budget-${rows}.csv`;
	writeBudgetCsv(csv, rows);
	const copy = `${workDir}/import-copy.db`;
	const bareDb = `${workDir}/bare-copy.db`;
	const checkpoint = new SQLite(dbFile);
	checkpoint.pragma('wal_checkpoint(TRUNCATE)');
	checkpoint.close();
	for (const target of [copy, bareDb]) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
		copyFileSync(dbFile, target);
	}

	const r = spawnSync(bin('tsx'), ['scripts/import.ts', 'budget', csv], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: copy },
		encoding: 'utf8'
	});
	const seconds = Number(/ in ([\d.]+) s/.exec(r.stdout)?.[1]);
	if (r.status !== 0 || !Number.isFinite(seconds)) {
		throw new Error(`import failed: ${r.stdout}\n${r.stderr}`);
	}

	const db = new SQLite(bareDb);
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	const columns = HEADER.split(',');
	db.exec(`CREATE TABLE bench_bare_figures (${columns.map((c) => `${c} TEXT`).join(', ')})`);
	const insert = db.prepare(
		`INSERT INTO bench_bare_figures VALUES (${columns.map(() => '?').join(', ')})`
	);
	const started = performance.now();
	/** @type {string[][]} */
	const records = parse(readFileSync(csv, 'utf8'), { from_line: 2 });
	db.transaction(() => {
		for (const record of records) insert.run(record);
	})();
	const bareSeconds = (performance.now() - started) / 1000;
	db.close();
	for (const target of [copy, bareDb, csv]) {
		for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
	}
	return { rows, seconds, bareSeconds };
}
