// Budget imports waiting for confirmation or running (table import_jobs, migration 004). The
// status writes are single statements in autocommit on purpose: they must be visible while the
// import's own transaction is still open, and must survive if it rolls back.
import type { Kysely, Transaction } from 'kysely';
import type { DB, ImportJobStatus } from '../db/schema';

export interface NewImportJob {
	id: string;
	userId: number;
	fileName: string;
	sha256: string;
	csvText: string;
	total: number;
	previewJson: string;
}

export async function insertImportJob(trx: Transaction<DB>, j: NewImportJob): Promise<void> {
	await trx
		.insertInto('import_jobs')
		.values({
			id: j.id,
			user_id: j.userId,
			created_at: new Date().toISOString(),
			file_name: j.fileName,
			sha256: j.sha256,
			csv_text: j.csvText,
			status: 'pending',
			total: j.total,
			done: 0,
			preview_json: j.previewJson
		})
		.execute();
}

/** A job without its (possibly large) text: what the job page shows. */
export async function getImportJobSummary(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('import_jobs')
		.select([
			'id',
			'user_id',
			'created_at',
			'file_name',
			'sha256',
			'status',
			'total',
			'done',
			'preview_json',
			'result_json',
			'error',
			'started_at',
			'finished_at'
		])
		.where('id', '=', id)
		.executeTakeFirst();
}

export async function getImportJobText(db: Kysely<DB>, id: string) {
	return db
		.selectFrom('import_jobs')
		.select(['id', 'user_id', 'created_at', 'file_name', 'sha256', 'csv_text', 'status'])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** pending → running, once: false when the job was already started (a double submit). */
export async function startImportJob(
	trx: Kysely<DB> | Transaction<DB>,
	id: string,
	total: number
): Promise<boolean> {
	const result = await trx
		.updateTable('import_jobs')
		.set({ status: 'running', total, done: 0, started_at: new Date().toISOString() })
		.where('id', '=', id)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function setImportJobProgress(db: Kysely<DB>, id: string, done: number) {
	await db
		.updateTable('import_jobs')
		.set({ done })
		.where('id', '=', id)
		.where('status', '=', 'running')
		.execute();
}

/** running → done or failed; the stored text is dropped (the figures are in their tables). */
export async function finishImportJob(
	trx: Kysely<DB> | Transaction<DB>,
	id: string,
	outcome: {
		status: Extract<ImportJobStatus, 'done' | 'failed'>;
		done: number;
		resultJson?: string;
		error?: string;
	}
) {
	await trx
		.updateTable('import_jobs')
		.set({
			status: outcome.status,
			done: outcome.done,
			result_json: outcome.resultJson ?? null,
			error: outcome.error ?? null,
			csv_text: '',
			finished_at: new Date().toISOString()
		})
		.where('id', '=', id)
		.where('status', '=', 'running')
		.execute();
}

/**
 * Deletes previews never confirmed (created before `pendingBefore`), and jobs that finished,
 * failed or were abandoned running (a restart) before `endedBefore`. Returns how many.
 */
export async function deleteExpiredImportJobs(
	db: Kysely<DB>,
	cutoff: { pendingBefore: string; endedBefore: string }
): Promise<number> {
	const result = await db
		.deleteFrom('import_jobs')
		.where((eb) =>
			eb.or([
				eb.and([eb('status', '=', 'pending'), eb('created_at', '<', cutoff.pendingBefore)]),
				eb.and([
					eb('status', 'in', ['done', 'failed']),
					eb('finished_at', '<', cutoff.endedBefore)
				]),
				eb.and([eb('status', '=', 'running'), eb('started_at', '<', cutoff.endedBefore)])
			])
		)
		.executeTakeFirst();
	return Number(result.numDeletedRows);
}
