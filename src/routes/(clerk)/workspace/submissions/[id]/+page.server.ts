import { error, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { todayInNairobi } from '$lib/domain';
import { canEditCommittee, requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import { decisionSchema, submissionLabels } from '$lib/server/forms/submission';
import { validateForm } from '$lib/server/forms/validation';
import { getMinistryCommitment, getSubmission } from '$lib/server/queries/ministry';
import { DECISIONS_FOR, decideSubmission } from '$lib/server/services/ministry-replies';
import type { Actions, PageServerLoad } from './$types';

/** A sent submission to one of the clerk's committees; 404 otherwise (drafts included). */
async function submissionOf({ locals, params }: { locals: App.Locals; params: { id: string } }) {
	const user = locals.user;
	requireRole(user, 'clerk', 'admin');
	const id = parseId(params.id);
	const submission = id === null ? null : await getSubmission(db, id);
	if (
		!submission ||
		submission.state === 'draft' ||
		!canEditCommittee(user, submission.committeeId)
	) {
		error(404, m.not_found());
	}
	return { user, submission };
}

export const load: PageServerLoad = async (event) => {
	const { submission } = await submissionOf(event);
	const today = todayInNairobi();
	const commitment = await getMinistryCommitment(db, submission.commitmentId, today);
	if (!commitment) error(404, m.not_found());
	return {
		submission,
		commitment,
		decisions: DECISIONS_FOR[submission.kind],
		today,
		decided: event.url.searchParams.get('decided') === '1'
	};
};

export const actions: Actions = {
	decide: async (event) => {
		const { user, submission } = await submissionOf(event);
		const form = validateForm(await event.request.formData(), decisionSchema, {
			labels: submissionLabels
		});
		if (!form.ok) return invalid('decide', form.values, form.errors);
		try {
			await decideSubmission(db, user, submission.id, form.data.version, {
				decision: form.data.decision,
				note: form.data.decision_note,
				grantedUntil: form.data.granted_until ?? null
			});
		} catch (e) {
			return workspaceFailure(e, 'decide', form.values);
		}
		redirect(303, localizeHref(`/workspace/submissions/${submission.id}?decided=1`));
	}
};
