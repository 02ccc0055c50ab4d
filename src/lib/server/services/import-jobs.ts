// The budget import in the browser, in two steps. Preview parses the file and compares it with
// the stored figures, writing nothing; a file without errors is kept as an import job (its text
// in the database, not in this process's memory, so any app instance can confirm it). Confirm
// re-reads that text (never the client's copy), checks its SHA-256, and applies it with
// applyBudgetImport: one transaction, all or nothing.
//
// Small files (up to SYNC_ROW_LIMIT rows) are applied within the confirm request and the result
// shown at once. Larger ones are started in the background (not awaited) and the browser is sent
// to the job page, which refreshes until the job is done. Progress is written outside the import
// transaction, in autocommit, so that it is not rolled back with a failed import. On PostgreSQL
// those writes go through another pooled connection and show live; SQLite has one writer and
// this app one connection, so there they queue behind the import and the page shows the stages
// (started → done or failed) rather than a moving count.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';
import {
	finishImportJob,
	getImportJobText,
	insertImportJob,
	setImportJobProgress,
	startImportJob
} from '../queries/import-jobs';
import {
	applyBudgetImport,
	fingerprintBudgetCsv,
	formatRowError,
	ImportConflictError,
	parseBudgetCsv,
	previewBudgetImport,
	type ImportCounts,
	type ImportPreview,
	type ImportResult,
	type PreviewRow
} from './budget-import';
import { InputError, NotFoundError } from './workspace-errors';

/** Applied within the request up to this many rows; past it, in the background. */
export const SYNC_ROW_LIMIT = 5_000;
/** Rows of each kind shown in a preview; the counts always cover the whole file. */
export const PREVIEW_ROWS = 200;
/** A preview older than this is stale: the clerk uploads the file again. */
const PENDING_TTL_MS = 24 * 60 * 60 * 1000;
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

/**
 * Parses and previews an uploaded file. With errors nothing is written and every error comes
 * back as "Line N, column C: message"; without, the file is kept as a pending job.
 */
export async function previewUpload(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	file: { name: string; text: string }
): Promise<UploadOutcome> {
	const parsed = parseBudgetCsv(file.text);
	const preview =
		parsed.rows.length > 0 ? previewView(await previewBudgetImport(db, parsed.rows)) : null;
	if (parsed.errors.length > 0) {
		return { ok: false, errors: parsed.errors.map(formatRowError), preview };
	}
	const id = randomBytes(18).toString('base64url');
	const sha256 = fingerprintBudgetCsv(file.text);
	await db.transaction().execute(async (trx) => {
		await insertImportJob(trx, {
			id,
			userId: actor.id,
			fileName: file.name,
			sha256,
			csvText: file.text,
			total: parsed.rows.length,
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

/** Applies a started job and records how it ended. Rethrows anything but a conflict. */
export async function runImportJob(
	db: Kysely<DB>,
	actor: Actor,
	job: { id: string; fileName: string; sha256: string },
	rows: Parameters<typeof applyBudgetImport>[1]
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
		const message = conflict
			? `Nothing was imported: ${e.message}. Someone changed the figures meanwhile; upload the file again to see the new comparison.`
			: 'Nothing was imported: the import failed unexpectedly. It has been logged; try again later.';
		await db.transaction().execute(async (trx) => {
			await finishImportJob(trx, job.id, { status: 'failed', done: 0, error: message });
			await recordAudit(trx, actor, {
				action: 'import.failed',
				entityId: job.id,
				after: { error: message }
			});
		});
		if (!conflict) throw e;
		return null;
	}
}

export type ConfirmOutcome = 'finished' | 'background' | 'already-started';

/**
 * Confirms the owner's pending job: applies it now when small, else starts it in the
 * background. Throws NotFoundError (missing, or another user's) or InputError.
 */
export async function confirmImport(
	db: Kysely<DB>,
	actor: Actor & { id: number },
	jobId: string,
	{ syncRowLimit = SYNC_ROW_LIMIT }: { syncRowLimit?: number } = {}
): Promise<ConfirmOutcome> {
	const job = await getImportJobText(db, jobId);
	if (!job || job.user_id !== actor.id) throw new NotFoundError();
	if (job.status !== 'pending') return 'already-started';
	if (Date.now() - Date.parse(job.created_at) > PENDING_TTL_MS) {
		throw new InputError({ job: 'This preview is more than a day old; upload the file again' });
	}
	// The stored text is what was previewed; a mismatch means it was altered since.
	if (fingerprintBudgetCsv(job.csv_text) !== job.sha256) {
		throw new InputError({ job: 'The stored file no longer matches its preview; upload it again' });
	}
	const parsed = parseBudgetCsv(job.csv_text);
	if (parsed.errors.length > 0) {
		throw new InputError({ job: 'The file has errors; upload a corrected file' });
	}
	const started = await db.transaction().execute(async (trx) => {
		if (!(await startImportJob(trx, job.id, parsed.rows.length))) return false;
		await recordAudit(trx, actor, {
			action: 'import.confirmed',
			entityId: job.id,
			after: { file: job.file_name, sha256: job.sha256, rows: parsed.rows.length }
		});
		return true;
	});
	if (!started) return 'already-started';
	const meta = { id: job.id, fileName: job.file_name, sha256: job.sha256 };
	if (parsed.rows.length <= syncRowLimit) {
		await runImportJob(db, actor, meta, parsed.rows);
		return 'finished';
	}
	// Not awaited: the browser follows the job page, and runImportJob records failures itself.
	// It starts a moment later so that the job page is served first: on SQLite the import's
	// transaction holds the app's only connection until it commits.
	setTimeout(() => {
		runImportJob(db, actor, meta, parsed.rows).catch((e) =>
			console.error(`import ${job.id} failed`, e)
		);
	}, BACKGROUND_START_DELAY_MS);
	return 'background';
}
