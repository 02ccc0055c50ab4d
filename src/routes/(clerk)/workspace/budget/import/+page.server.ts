import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { getImportJobSummary } from '$lib/server/queries/import-jobs';
import { MAX_IMPORT_BYTES, type ImportResult } from '$lib/server/services/budget-import';
import {
	ImportRefusedError,
	RUNNING_STALE_MS,
	confirmImport,
	importFailureOf,
	createImportJob,
	type ImportFailure,
	type PreviewView
} from '$lib/server/services/import-jobs';
import { NotFoundError } from '$lib/server/errors';
import { uploadedFileName } from '$lib/server/forms/fields';
import type { Actions, PageServerLoad } from './$types';

interface JobView {
	id: string;
	fileName: string;
	sha256: string;
	status: 'pending' | 'running' | 'done' | 'failed';
	total: number;
	done: number;
	createdAt: string;
	startedAt: string | null;
	finishedAt: string | null;
	failure: ImportFailure | null;
	stale: boolean;
	preview: PreviewView | null;
	result: ImportResult | null;
}

const JOB_ID = /^[A-Za-z0-9_-]{16,64}$/;

const REFUSED: Record<ImportRefusedError['reason'], () => string> = {
	expired: m.im_refused_expired,
	altered: m.im_refused_altered,
	invalid: m.im_refused_invalid
};

interface FailedForm {
	errors: Record<string, string>;
	rowErrors: string[];
	preview: PreviewView | null;
	fileName: string | null;
}
const refuse = (status: number, f: Partial<FailedForm> & Pick<FailedForm, 'errors'>) =>
	fail(status, { rowErrors: [], preview: null, fileName: null, ...f } satisfies FailedForm);

const signedInActor = (user: { id: number; name: string; email: string }) => ({
	...actorOf(user),
	id: user.id
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const id = url.searchParams.get('job');
	if (id === null) return { job: null as JobView | null };
	const job = JOB_ID.test(id) ? await getImportJobSummary(db, id) : undefined;
	// Another user's job is answered as missing: job ids are not shared.
	if (!job || job.user_id !== locals.user.id) error(404, m.im_no_such());
	const stale =
		job.status === 'running' &&
		job.started_at !== null &&
		Date.now() - Date.parse(job.started_at) > RUNNING_STALE_MS;
	const view: JobView = {
		id: job.id,
		fileName: job.file_name,
		sha256: job.sha256,
		status: job.status,
		total: job.total,
		done: job.done,
		createdAt: job.created_at,
		startedAt: job.started_at,
		finishedAt: job.finished_at,
		failure: importFailureOf(job.error),
		stale,
		preview: job.preview_json ? (JSON.parse(job.preview_json) as PreviewView | null) : null,
		result: job.result_json ? (JSON.parse(job.result_json) as ImportResult) : null
	};
	return { job: view as JobView | null };
};

export const actions: Actions = {
	preview: async ({ locals, request }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) {
			return refuse(400, { errors: { file: m.im_choose_file() } });
		}
		const fileName = uploadedFileName(file.name, 'upload.csv');
		if (file.size > MAX_IMPORT_BYTES) {
			const mb = MAX_IMPORT_BYTES / 1024 / 1024;
			return refuse(400, {
				errors: { file: m.im_too_large({ mb: String(mb) }) },
				fileName
			});
		}
		const outcome = await createImportJob(db, signedInActor(locals.user), {
			name: fileName,
			content: file
		});
		if (!outcome.ok) {
			const n = outcome.errors.length;
			const summary = m.im_problems({ count: n, shown: n.toLocaleString('en-GB') });
			return refuse(400, {
				errors: { file: summary },
				rowErrors: outcome.errors,
				preview: outcome.preview,
				fileName
			});
		}
		redirect(303, localizeHref(`/workspace/budget/import?job=${outcome.jobId}`));
	},

	confirm: async ({ locals, request }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const id = (await request.formData()).get('job_id');
		if (typeof id !== 'string' || !JOB_ID.test(id)) error(404, m.im_no_such());
		try {
			await confirmImport(db, signedInActor(locals.user), id);
		} catch (e) {
			if (e instanceof NotFoundError) error(404, m.im_no_such());
			if (e instanceof ImportRefusedError) {
				return refuse(400, { errors: { job: REFUSED[e.reason]() } });
			}
			throw e;
		}
		// Small files are done by now (the job page shows the result); large ones are running.
		redirect(303, localizeHref(`/workspace/budget/import?job=${id}`));
	}
};
