import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { extractionQuality } from '$lib/domain';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { InputError } from '$lib/server/errors';
import { uploadedFileName } from '$lib/server/forms/fields';
import { uploadSchema } from '$lib/server/forms/transcript';
import { validateForm } from '$lib/server/forms/validation';
import { listEditableCommittees } from '$lib/server/queries/committees';
import { listTranscriptTallies } from '$lib/server/queries/transcripts';
import { intakeTranscript, problemMessage } from '$lib/server/services/transcripts';
import { MAX_TRANSCRIPT_BYTES } from '$lib/server/transcript';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const user = locals.user;
	const [committees, transcripts] = await Promise.all([
		listEditableCommittees(db, user),
		listTranscriptTallies(db, user.role === 'admin' ? null : user.committeeIds)
	]);
	return {
		committees,
		transcripts,
		quality: extractionQuality(transcripts),
		limitMb: Math.floor(MAX_TRANSCRIPT_BYTES / 1024 / 1024)
	};
};

export const actions: Actions = {
	upload: async ({ locals, request }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const formData = await request.formData();
		const form = validateForm(formData, uploadSchema, {
			labels: { committee_id: m.f_committee, pasted: m.tr_f_pasted }
		});
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const file = formData.get('file');
		const pasted = form.data.pasted?.trim() ?? '';
		let fileName: string;
		let bytes: Uint8Array;
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_TRANSCRIPT_BYTES) {
				const errors = { file: problemMessage('too_large') };
				return fail(400, { values: form.values, errors });
			}
			fileName = uploadedFileName(file.name, 'transcript');
			bytes = new Uint8Array(await file.arrayBuffer());
		} else if (pasted) {
			fileName = 'pasted-text.txt';
			bytes = new TextEncoder().encode(pasted);
		} else {
			return fail(400, { values: form.values, errors: { file: m.tr_file_or_text_needed() } });
		}
		let id: number;
		try {
			id = await intakeTranscript(db, locals.user, {
				fileName,
				bytes,
				committeeId: form.data.committee_id ?? null
			});
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { values: form.values, errors: e.errors, fileName });
		}
		redirect(303, localizeHref(`/workspace/transcripts/${id}`));
	}
};
