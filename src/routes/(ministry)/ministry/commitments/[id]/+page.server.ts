import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { todayInNairobi } from '$lib/domain';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import {
	sendSchema,
	submissionInputOf,
	submissionLabels,
	submissionSchema,
	readSubmissionForm
} from '$lib/server/forms/submission';
import { validateForm } from '$lib/server/forms/validation';
import { getMinistryCommitment, listCommitmentSubmissions } from '$lib/server/queries/ministry';
import {
	answersFor,
	deleteDraft,
	MAX_DOCUMENT_BYTES,
	MAX_DOCUMENTS,
	saveDraft,
	sendSubmission
} from '$lib/server/services/ministry-replies';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/** The undertaking of the URL, if the signed-in ministry answers for it; 404 otherwise. */
async function ownCommitment(event: RequestEvent | Parameters<PageServerLoad>[0]) {
	const user = event.locals.user;
	requireRole(user, 'ministry');
	const id = Number(event.params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, m.not_found());
	const commitment = await getMinistryCommitment(db, id, todayInNairobi());
	if (!commitment || !answersFor(user, commitment.organisationId)) error(404, m.not_found());
	return { user, commitment };
}

export const load: PageServerLoad = async (event) => {
	const { user, commitment } = await ownCommitment(event);
	const submissions = await listCommitmentSubmissions(db, commitment.id, user.organisationIds);
	return {
		commitment,
		submissions,
		today: todayInNairobi(),
		limits: { documents: MAX_DOCUMENTS, mb: MAX_DOCUMENT_BYTES / 1024 / 1024 },
		notice: event.url.searchParams.get('done')
	};
};

const here = (id: number, done: string) =>
	localizeHref(`/ministry/commitments/${id}?done=${done}#yours`);

export const actions: Actions = {
	save: async (event) => {
		const { user, commitment } = await ownCommitment(event);
		const upload = await readSubmissionForm(event.request);
		try {
			const form = validateForm(upload.fields, submissionSchema, { labels: submissionLabels });
			if (!form.ok) return invalid('save', form.values, form.errors);
			const d = form.data;
			try {
				await saveDraft(db, user, {
					commitmentId: commitment.id,
					submissionId: d.submission_id ?? null,
					version: d.version ?? null,
					input: submissionInputOf(d),
					documents: upload.files,
					removeDocumentIds: d.remove_document
				});
			} catch (e) {
				return workspaceFailure(e, 'save', form.values);
			}
		} finally {
			await upload.discard();
		}
		redirect(303, here(commitment.id, 'saved'));
	},
	send: async (event) => {
		const { user, commitment } = await ownCommitment(event);
		const form = validateForm(await event.request.formData(), sendSchema, {
			labels: submissionLabels
		});
		if (!form.ok) return invalid('send', form.values, form.errors);
		try {
			await sendSubmission(db, user, form.data.submission_id, form.data.version);
		} catch (e) {
			return workspaceFailure(e, 'send', form.values);
		}
		redirect(303, here(commitment.id, 'sent'));
	},
	delete: async (event) => {
		const { user, commitment } = await ownCommitment(event);
		const form = validateForm(await event.request.formData(), sendSchema, {
			labels: submissionLabels
		});
		if (!form.ok) return invalid('delete', form.values, form.errors);
		try {
			await deleteDraft(db, user, form.data.submission_id, form.data.version);
		} catch (e) {
			return workspaceFailure(e, 'delete', form.values);
		}
		redirect(303, here(commitment.id, 'deleted'));
	}
};
