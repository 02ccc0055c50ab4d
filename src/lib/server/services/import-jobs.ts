// The budget import in the browser, in two steps. Preview streams the file through the reader
// and compares it with the stored figures, writing nothing; a file without errors is kept as an
// import job (its text once, in the database, not in this process's memory, so any app instance
// can confirm it). Confirm streams that text through the reader again (never the client's
// copy), checks its SHA-256, and applies it with applyBudgetImport: one transaction, all or
// nothing. Jobs are deleted once expired (see deleteExpiredImportJobs) whenever a preview is made.
//
// Small files (up to SYNC_ROW_LIMIT rows) are applied within the confirm request and the result
// shown at once. Larger ones are started in the background (not awaited) and the browser is sent
// to the job page, which refreshes until the job is done. Progress is written outside the import
// transaction, in autocommit, so that it is not rolled back with a failed import. On PostgreSQL
// those writes go through another pooled connection and show live; SQLite has one writer and
// this app one connection, so there they queue behind the import and the page shows the stages
// (started → done or failed) rather than a moving count.
//
// What went wrong is returned as facts (ImportRefusedError's reason, ImportFailure); the page
// says it in the reader's language.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';
import {
	deleteExpiredImportJobs,
	finishImportJob,
	getImportJobText,
	insertImportJob,
	setImportJobProgress,
	startImportJob
} from '../queries/import-jobs';
import {
	applyBudgetImport,
	formatRowError,
	ImportConflictError,
	previewBudgetImport,
	readBudgetCsv,
	textChunks,
	type BudgetCsvRow,
	type ImportCounts,
	type ImportPreview,
	type ImportResult,
	type PreviewRow
} from './budget-import';
import { NotFoundError } from '../errors';

/** Applied within the request up to this many rows; past it, in the background. */
export const SYNC_ROW_LIMIT = 5_000;
/** Rows of each kind shown in a preview; the counts always cover the whole file. */
export const PREVIEW_ROWS = 200;
/** A preview older than this is stale: the clerk uploads the file again; then it is deleted. */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
/** Finished, failed and abandoned jobs are deleted this long after they ended or started. */
export const ENDED_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** A running job older than this did not survive a restart (its transaction rolled back). */
export const RUNNING_STALE_MS = 30 * 60 * 1000;
/** A background import starts this long after the confirm request has been answered. */
const BACKGROUND_START_DELAY_MS = 500;
/** Progress is written at most this often. */
const PROGRESS_INTERVAL_MS = 500;

export interface PreviewRowView {
	line: number;
	fiscalYear: string;
	voteCode: string;
	voteName: string;
	programme: string;
	subProgramme: string;
	economicClass: string;
	phase: string;
	asOf: string;
	amountKes: number;
	beforeAmountKes: number | null;
	sourceTitle: string;
	newLine: boolean;
	changedFields: string[];
}

export interface PreviewView {
	counts: ImportCounts;
	added: PreviewRowView[];
	changed: PreviewRowView[];
	unchanged: PreviewRowView[];
	renames: { voteCode: string; fiscalYear: string; from: string; to: string }[];
	/** When the comparison with the stored figures was made. */
	comparedAt: string;
}

function rowView(p: PreviewRow): PreviewRowView {
	const r = p.row;
	return {
		line: p.line,
		fiscalYear: r.fiscalYear,
		voteCode: r.voteCode,
		voteName: r.voteName,
		programme: r.programme,
		subProgramme: r.subProgramme,
		economicClass: r.economicClass,
		phase: r.phase,
		asOf: r.asOf,
		amountKes: r.amountKes,
		beforeAmountKes: p.before?.amountKes ?? null,
		sourceTitle: r.sourceTitle,
		newLine: p.newLine,
		changedFields: p.changedFields
	};
}

function previewView(p: ImportPreview): PreviewView {
	return {
		counts: p.counts,
		added: p.added.slice(0, PREVIEW_ROWS).map(rowView),
		changed: p.changed.slice(0, PREVIEW_ROWS).map(rowView),
		unchanged: p.unchanged.slice(0, PREVIEW_ROWS).map(rowView),
		renames: p.lineRenames.slice(0, PREVIEW_ROWS).map((r) => ({
			voteCode: r.voteCode,
			fiscalYear: r.fiscalYear,
			from: r.from,
			to: r.to
		})),
		comparedAt: new Date().toISOString()
	};
}

export type UploadOutcome =
	{ ok: false; errors: string[]; preview: PreviewView | null } | { ok: true; jobId: string };

/** Deletes the import jobs past their time (see PENDING_TTL_MS, ENDED_TTL_MS). */
export async function sweepImportJobs(db: Kysely<DB>, now = Date.now()): Promise<number> {
	return deleteExpiredImportJobs(db, {
		pendingBefore: new Date(now - PENDING_TTL_MS).toISOString(),
		endedBefore: new Date(now - ENDED_TTL_MS).toISOString()
	});
}

/**
 * Streams an uploaded file through the reader and previews it. With errors nothing is written
 * and every error comes back as "Line N, column C: message" (in the request's language);
 * without, the file is kept as a pending job.
 */
export async function createImportJob(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	file: { name: string; content: Blob }
): Promise<UploadOutcome> {
	await sweepImportJobs(db);
	const parsed = await readBudgetCsv(
		Readable.fromWeb(file.content.stream() as NodeReadableStream<Uint8Array>)
	);
	const preview =
		parsed.rows.length > 0 ? previewView(await previewBudgetImport(db, parsed.rows)) : null;
	if (parsed.errors.length > 0) {
		return { ok: false, errors: parsed.errors.map(formatRowError), preview };
	}
	const id = randomBytes(18).toString('base64url');
	const { sha256 } = parsed;
	const total = parsed.rows.length;
	// The rows are not kept: confirm reads them again from this text, whichever instance it is.
	parsed.rows = [];
	const csvText = Buffer.from(await file.content.arrayBuffer()).toString('utf8');
	await db.transaction().execute(async (trx) => {
		await insertImportJob(trx, {
			id,
			userId: actor.id,
			fileName: file.name,
			sha256,
			csvText,
			total,
			previewJson: JSON.stringify(preview)
		});
		await recordAudit(trx, actor, {
			action: 'import.previewed',
			entityId: id,
			after: { file: file.name, sha256, ...preview?.counts }
		});
	});
	return { ok: true, jobId: id };
}

/** A throttled, fire-and-forget progress writer (see the comment at the top of this file). */
function progressWriter(db: Kysely<DB>, jobId: string) {
	let last = 0;
	return (done: number, total: number) => {
		const now = Date.now();
		if (now - last < PROGRESS_INTERVAL_MS && done < total) return;
		last = now;
		// A lost progress write must not fail the import it reports on; it is logged, not hidden.
		setImportJobProgress(db, jobId, done).catch((e) =>
			console.error(`import ${jobId}: progress not recorded`, e)
		);
	};
}

/** How a started import ended without importing: stored with the job, worded by the page. */
export type ImportFailure =
	| { code: 'conflict'; line: number }
	| { code: 'conflict'; budgetLineId: number }
	| { code: 'unexpected' };

/** Applies a started job and records how it ended. Rethrows anything but a conflict. */
export async function runImportJob(
	db: Kysely<DB>,
	actor: Actor,
	job: { id: string; fileName: string; sha256: string },
	rows: readonly BudgetCsvRow[]
): Promise<ImportResult | null> {
	try {
		const result = await applyBudgetImport(db, rows, actor, {
			source: { name: job.fileName, sha256: job.sha256 },
			onProgress: progressWriter(db, job.id)
		});
		await db.transaction().execute(async (trx) => {
			await finishImportJob(trx, job.id, {
				status: 'done',
				done: rows.length,
				resultJson: JSON.stringify(result)
			});
			await recordAudit(trx, actor, {
				action: 'import.finished',
				entityId: job.id,
				after: result
			});
		});
		return result;
	} catch (e) {
		const conflict = e instanceof ImportConflictError;
		const failure: ImportFailure = conflict
			? { code: 'conflict', ...e.conflict }
			: { code: 'unexpected' };
		await db.transaction().execute(async (trx) => {
			await finishImportJob(trx, job.id, {
				status: 'failed',
				done: 0,
				error: JSON.stringify(failure)
			});
			await recordAudit(trx, actor, {
				action: 'import.failed',
				entityId: job.id,
				after: { error: failure }
			});
		});
		if (!conflict) throw e;
		return null;
	}
}

/** A job's stored failure; anything unreadable (an older job's sentence) is 'unexpected'. */
export function importFailureOf(stored: string | null): ImportFailure | null {
	if (stored === null) return null;
	try {
		const failure = JSON.parse(stored) as ImportFailure;
		if (failure.code === 'conflict' || failure.code === 'unexpected') return failure;
	} catch {
		// not JSON: written before failures were stored as facts
	}
	return { code: 'unexpected' };
}

/** Why a confirm was refused: the preview is over a day old, its text altered, or invalid. */
export class ImportRefusedError extends Error {
	constructor(readonly reason: 'expired' | 'altered' | 'invalid') {
		super(`import refused: ${reason}`);
	}
}

export type ConfirmOutcome = 'finished' | 'background' | 'already-started';

/** The pending job's rows, read again from its stored text (dropped once read). */
async function storedRows(db: Kysely<DB>, actor: { id: number }, jobId: string) {
	const job = await getImportJobText(db, jobId);
	if (!job || job.user_id !== actor.id) throw new NotFoundError();
	if (job.status !== 'pending') return null;
	if (Date.now() - Date.parse(job.created_at) > PENDING_TTL_MS) {
		throw new ImportRefusedError('expired');
	}
	const parsed = await readBudgetCsv(textChunks(job.csv_text));
	// The stored text is what was previewed; a mismatch means it was altered since.
	if (parsed.sha256 !== job.sha256) throw new ImportRefusedError('altered');
	if (parsed.errors.length > 0) throw new ImportRefusedError('invalid');
	return { meta: { id: job.id, fileName: job.file_name, sha256: job.sha256 }, rows: parsed.rows };
}

/**
 * Confirms the owner's pending job: applies it now when small, else starts it in the
 * background. Throws NotFoundError (missing, or another user's) or ImportRefusedError.
 */
export async function confirmImport(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	jobId: string,
	{ syncRowLimit = SYNC_ROW_LIMIT }: { syncRowLimit?: number } = {}
): Promise<ConfirmOutcome> {
	const stored = await storedRows(db, actor, jobId);
	if (!stored) return 'already-started';
	const { meta, rows } = stored;
	const started = await db.transaction().execute(async (trx) => {
		if (!(await startImportJob(trx, meta.id, rows.length))) return false;
		await recordAudit(trx, actor, {
			action: 'import.confirmed',
			entityId: meta.id,
			after: { file: meta.fileName, sha256: meta.sha256, rows: rows.length }
		});
		return true;
	});
	if (!started) return 'already-started';
	if (rows.length <= syncRowLimit) {
		await runImportJob(db, actor, meta, rows);
		return 'finished';
	}
	// Not awaited: the browser follows the job page, and runImportJob records failures itself.
	// It starts a moment later so that the job page is served first: on SQLite the import's
	// transaction holds the app's only connection until it commits.
	setTimeout(() => {
		runImportJob(db, actor, meta, rows).catch((e) => console.error(`import ${meta.id} failed`, e));
	}, BACKGROUND_START_DELAY_MS);
	return 'background';
}
