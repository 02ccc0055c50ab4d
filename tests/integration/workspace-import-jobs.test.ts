// The browser import's two steps: preview (nothing written but the pending job), confirm (only
// by its owner, only the stored text, once), small files at once and large ones in the background.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index';
import { getImportJobSummary } from '$lib/server/queries/import-jobs';
import { budgetCsvTemplate } from '$lib/server/services/budget-import';
import {
	ImportRefusedError,
	confirmImport,
	createImportJob
} from '$lib/server/services/import-jobs';
import { NotFoundError } from '$lib/server/errors';
import { freshDb } from '../helpers/db';

let db: Database;
let owner: { id: number; label: string };
let stranger: { id: number; label: string };

beforeEach(async () => {
	db = await freshDb();
	for (const email of ['owner@example.test', 'stranger@example.test']) {
		await db
			.insertInto('users')
			.values({ email, name: email, role: 'clerk', password_hash: 'x' })
			.execute();
	}
	const users = await db.selectFrom('users').select(['id', 'email']).orderBy('id').execute();
	owner = { id: users[0]!.id, label: users[0]!.email };
	stranger = { id: users[1]!.id, label: users[1]!.email };
});
afterEach(async () => {
	await db.destroy();
});

const HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url';

function csv(rows: number, broken = false): string {
	const lines = [HEADER];
	for (let i = 0; i < rows; i++) {
		lines.push(
			`2025/26,1021,State Department for Internal Security,Programme ${i},,recurrent,approved,${1000 + i},2025-06-30,Estimates (illustrative test),`
		);
	}
	if (broken)
		lines.push(
			'2025/26,1021,State Department for Internal Security,Broken,,recurrent,approved,-5,2025-02-30,Estimates,'
		);
	return `${lines.join('\n')}\n`;
}

const count = async (table: 'budget_figures' | 'budget_lines' | 'import_jobs') =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

async function waitForJob(id: string) {
	for (let i = 0; i < 200; i++) {
		const job = await getImportJobSummary(db, id);
		if (job && job.status !== 'running') return job;
		await new Promise((r) => setTimeout(r, 25));
	}
	throw new Error('the job did not finish');
}

describe('import jobs', () => {
	it('reports every row error by line and column and writes nothing', async () => {
		const outcome = await createImportJob(db, owner, {
			name: 'broken.csv',
			content: new Blob([csv(2, true)])
		});
		expect(outcome.ok).toBe(false);
		if (outcome.ok) return;
		expect(outcome.errors).toEqual([
			'Line 4, column amount_kes: "-5" is negative; amounts are zero or more',
			'Line 4, column as_of: "2025-02-30" is not a real date written YYYY-MM-DD'
		]);
		expect(outcome.preview?.counts.added).toBe(2);
		expect(await count('import_jobs')).toBe(0);
		expect(await count('budget_figures')).toBe(0);
	});

	it('keeps a valid file as a pending job, applies it for its owner only, once', async () => {
		const outcome = await createImportJob(db, owner, {
			name: 'template.csv',
			content: new Blob([budgetCsvTemplate()])
		});
		expect(outcome.ok).toBe(true);
		if (!outcome.ok) return;
		expect(await count('budget_figures')).toBe(0);
		await expect(confirmImport(db, stranger, outcome.jobId)).rejects.toBeInstanceOf(NotFoundError);
		expect(await confirmImport(db, owner, outcome.jobId)).toBe('finished');
		expect(await count('budget_figures')).toBe(2);
		const job = await getImportJobSummary(db, outcome.jobId);
		expect(job).toMatchObject({ status: 'done', total: 2, done: 2 });
		expect(JSON.parse(job!.result_json!)).toMatchObject({ added: 2, changed: 0, newLines: 2 });
		// A second confirm (a double submit) changes nothing.
		expect(await confirmImport(db, owner, outcome.jobId)).toBe('already-started');
		expect(await count('budget_figures')).toBe(2);

		// The same file again: nothing to add or change.
		const again = await createImportJob(db, owner, {
			name: 'template.csv',
			content: new Blob([budgetCsvTemplate()])
		});
		expect(again.ok).toBe(true);
		if (!again.ok) return;
		const preview = await getImportJobSummary(db, again.jobId);
		expect(JSON.parse(preview!.preview_json!).counts).toMatchObject({
			added: 0,
			changed: 0,
			unchanged: 2
		});
	});

	it('refuses a stored text that no longer matches its fingerprint', async () => {
		const outcome = await createImportJob(db, owner, {
			name: 'template.csv',
			content: new Blob([budgetCsvTemplate()])
		});
		if (!outcome.ok) throw new Error('expected a job');
		await db
			.updateTable('import_jobs')
			.set({ csv_text: budgetCsvTemplate().replace('37508800000', '1') })
			.execute();
		await expect(confirmImport(db, owner, outcome.jobId)).rejects.toEqual(
			new ImportRefusedError('altered')
		);
		expect(await count('budget_figures')).toBe(0);
	});

	it('runs a large file in the background and records its progress and result', async () => {
		const outcome = await createImportJob(db, owner, {
			name: 'big.csv',
			content: new Blob([csv(1_200)])
		});
		if (!outcome.ok) throw new Error('expected a job');
		expect(await confirmImport(db, owner, outcome.jobId, { syncRowLimit: 100 })).toBe('background');
		const job = await waitForJob(outcome.jobId);
		expect(job).toMatchObject({ status: 'done', done: 1_200, total: 1_200 });
		expect(await count('budget_figures')).toBe(1_200);
		const audit = await db
			.selectFrom('audit_log')
			.select('action')
			.where('entity', '=', 'import')
			.orderBy('id')
			.execute();
		expect(audit.map((a) => a.action)).toEqual([
			'import.previewed',
			'import.confirmed',
			'import.applied',
			'import.finished'
		]);
	});

	it('deletes previews left unconfirmed for a day and ended jobs after a week', async () => {
		const hours = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
		const jobs = {
			pendingOld: { status: 'pending', created_at: hours(25) },
			pendingRecent: { status: 'pending', created_at: hours(23) },
			doneOld: { status: 'done', created_at: hours(8 * 24 + 1), finished_at: hours(8 * 24) },
			doneRecent: { status: 'done', created_at: hours(6 * 24 + 1), finished_at: hours(6 * 24) },
			failedOld: { status: 'failed', created_at: hours(9 * 24), finished_at: hours(8 * 24) },
			abandonedOld: { status: 'running', created_at: hours(9 * 24), started_at: hours(8 * 24) },
			runningRecent: { status: 'running', created_at: hours(2), started_at: hours(1) }
		} as const;
		for (const [id, job] of Object.entries(jobs)) {
			await db
				.insertInto('import_jobs')
				.values({
					id: `${id}-0123456789abcdef`,
					user_id: owner.id,
					file_name: 'old.csv',
					sha256: 'x',
					csv_text: 'x'.repeat(1_000),
					total: 1,
					...job
				})
				.execute();
		}
		// Making a new preview is what sweeps: nothing runs on a timer.
		const outcome = await createImportJob(db, stranger, {
			name: 'template.csv',
			content: new Blob([budgetCsvTemplate()])
		});
		expect(outcome.ok).toBe(true);
		const left = await db.selectFrom('import_jobs').select('id').orderBy('id').execute();
		expect(left.map((j) => j.id.replace('-0123456789abcdef', '')).sort()).toEqual(
			['doneRecent', 'pendingRecent', 'runningRecent', outcome.ok ? outcome.jobId : ''].sort()
		);
	});
});
