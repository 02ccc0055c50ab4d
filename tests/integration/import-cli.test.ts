import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/lib/server/db/index';
import { newDatabaseUrl } from '../helpers/test-db';
import { BUDGET_CSV_COLUMNS } from '../../src/lib/server/services/budget-import';

const HEADER = BUDGET_CSV_COLUMNS.join(',');
const VOTE = '2025/26,1021,State Department for Internal Security and National Administration';
const GOOD = [
	HEADER,
	`${VOTE},Administration,,recurrent,requested,"59,002,900,000",2025-02-01,Illustrative test source,`,
	`${VOTE},Administration,,recurrent,ceiling,37508800000,2025-02-15,Illustrative test source,`,
	`${VOTE},Policing,,development,approved,6985000000,2025-06-26,Illustrative test source,https://example.org/a.pdf`
].join('\n');
const BAD = [
	HEADER,
	`${VOTE},Administration,,recurrent,requested,1000,2025-02-01,Illustrative test source,`,
	`${VOTE},Administration,,recurrent,ceiling,12.5,2025-02-15,Illustrative test source,`,
	`${VOTE},Policing,,development,approve,1000,2025-06-26,Illustrative test source,`
].join('\n');

let dir: string;
let dbPath: string;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'ahadi-import-cli-'));
	// A database the CLI must migrate itself (SQLite: a file that does not exist yet).
	dbPath = await newDatabaseUrl({ migrated: false });
	writeFileSync(join(dir, 'good.csv'), GOOD);
	writeFileSync(join(dir, 'bad.csv'), BAD);
});

afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
});

function runImport(...args: string[]) {
	const result = spawnSync('node_modules/.bin/tsx', ['scripts/import.ts', ...args], {
		env: { ...process.env, DATABASE_URL: dbPath },
		encoding: 'utf8',
		timeout: 60_000
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function figureCount(): Promise<number> {
	const db = createDb(dbPath);
	try {
		const row = await db
			.selectFrom('budget_figures')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		return Number(row.n);
	} finally {
		await db.destroy();
	}
}

describe('npm run import -- budget', () => {
	it('previews a good file with --dry-run, exit 0, writing nothing', async () => {
		const run = runImport('budget', join(dir, 'good.csv'), '--dry-run');
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(
			'Dry run: would add 3, change 0, leave 0 unchanged figures (2 new budget lines, 0 renamed); nothing written'
		);
		expect(await figureCount()).toBe(0);
	}, 60_000);

	it('exits 1 with every row error on a bad file, writing nothing', async () => {
		for (const flags of [['--dry-run'], []]) {
			const run = runImport('budget', join(dir, 'bad.csv'), ...flags);
			expect(run.status).toBe(1);
			expect(run.stderr).toContain(
				'Line 3, column amount_kes: "12.5" is not a whole number of shillings'
			);
			expect(run.stderr).toContain('Line 4, column phase: "approve" is not a budget phase');
		}
		expect(await figureCount()).toBe(0);
	}, 60_000);

	it('imports a good file, and a second run changes nothing', async () => {
		const first = runImport('budget', join(dir, 'good.csv'));
		expect(first.status).toBe(0);
		expect(first.stdout).toMatch(
			/Added 3, changed 0, unchanged 0 figures \(2 new budget lines\) in \d+\.\d+ s/
		);
		const second = runImport('budget', join(dir, 'good.csv'));
		expect(second.status).toBe(0);
		expect(second.stdout).toMatch(/Added 0, changed 0, unchanged 3 figures \(0 new budget lines\)/);
		expect(await figureCount()).toBe(3);
	}, 60_000);

	it('explains its usage and exits 2 on wrong arguments', () => {
		const run = runImport('budgets', join(dir, 'good.csv'));
		expect(run.status).toBe(2);
		expect(run.stderr).toContain('usage: npm run import -- budget FILE.csv [--dry-run]');
	}, 60_000);
});
