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
	uploadedDocuments
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
		const formData = await event.request.formData();
		const form = validateForm(formData, onBehalfSchema, { labels: submissionLabels });
		if (!form.ok) return invalid('record', form.values, form.errors);
		let id: number;
		try {
			id = await recordOnBehalf(db, user, {
				commitmentId: commitment.id,
				input: submissionInputOf(form.data),
				documents: await uploadedDocuments(formData),
				channel: form.data.channel,
				sentOn: form.data.sent_on
			});
		} catch (e) {
			return workspaceFailure(e, 'record', form.values);
		}
		redirect(303, localizeHref(`/workspace/submissions/${id}`));
	}
};
