import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { todayInNairobi } from '$lib/domain';
import { editableCommitment } from '$lib/server/auth/editable-commitment';
import { db } from '$lib/server/db/client';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import {
	onBehalfSchema,
	submissionInputOf,
	submissionLabels,
	readSubmissionForm
} from '$lib/server/forms/submission';
import { validateForm } from '$lib/server/forms/validation';
import { listCommitmentSubmissions } from '$lib/server/queries/ministry';
import {
	MAX_DOCUMENT_BYTES,
	MAX_DOCUMENTS,
	recordOnBehalf
} from '$lib/server/services/ministry-replies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { commitment: c } = await editableCommitment(event);
	return {
		commitment: { id: c.id, ref: c.ref, title: c.title, visibility: c.visibility },
		submissions: c.visibility === 'published' ? await listCommitmentSubmissions(db, c.id) : [],
		today: todayInNairobi(),
		limits: { documents: MAX_DOCUMENTS, mb: MAX_DOCUMENT_BYTES / 1024 / 1024 }
	};
};

export const actions: Actions = {
	record: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const upload = await readSubmissionForm(event.request);
		let id: number;
		try {
			const form = validateForm(upload.fields, onBehalfSchema, { labels: submissionLabels });
			if (!form.ok) return invalid('record', form.values, form.errors);
			try {
				id = await recordOnBehalf(db, user, {
					commitmentId: commitment.id,
					input: submissionInputOf(form.data),
					documents: upload.files,
					channel: form.data.channel,
					sentOn: form.data.sent_on
				});
			} catch (e) {
				return workspaceFailure(e, 'record', form.values);
			}
		} finally {
			await upload.discard();
		}
		redirect(303, localizeHref(`/workspace/submissions/${id}`));
	}
};
