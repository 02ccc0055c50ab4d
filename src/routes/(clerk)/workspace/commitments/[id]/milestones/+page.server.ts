import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { deliveryProgress, milestoneCounts } from '$lib/domain';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { editableCommitment } from '$lib/server/auth/editable-commitment';
import { listMilestones } from '$lib/server/queries/milestones';
import { listCommitmentEvidence } from '$lib/server/queries/workspace-updates';
import { evidenceDraftsOf } from '$lib/server/services/evidence';
import { addMilestone, editMilestone, markMilestone } from '$lib/server/services/milestones';
import { validateForm } from '$lib/server/forms/validation';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import { addSchema, editSchema, labels, markSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { commitment: c } = await editableCommitment(event);
	const [milestones, evidence] = await Promise.all([
		listMilestones(db, c.id),
		listCommitmentEvidence(db, c.id)
	]);
	const q = event.url.searchParams;
	return {
		commitment: {
			id: c.id,
			ref: c.ref,
			title: c.title,
			visibility: c.visibility,
			givenOn: c.given_on
		},
		milestones,
		evidence,
		progress: deliveryProgress(milestones),
		counts: milestoneCounts(milestones),
		editId: parseId(q.get('edit') ?? ''),
		markId: parseId(q.get('mark') ?? ''),
		saved: q.get('saved')
	};
};

export const actions: Actions = {
	add: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), addSchema, { labels });
		if (!form.ok) return invalid('add', form.values, form.errors);
		try {
			await addMilestone(db, user, commitment, {
				title: form.data.title,
				plannedOn: form.data.planned_on,
				weight: form.data.weight
			});
		} catch (e) {
			return workspaceFailure(e, 'add', form.values);
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}/milestones?saved=added`));
	},

	edit: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), editSchema, { labels });
		if (!form.ok) return invalid('edit', form.values, form.errors);
		const d = form.data;
		try {
			await editMilestone(db, user, commitment, d.milestone_id, {
				version: d.version,
				title: d.title,
				plannedOn: d.planned_on,
				weight: d.weight
			});
		} catch (e) {
			return workspaceFailure(e, 'edit', form.values, 'milestone');
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}/milestones?saved=edited`));
	},

	mark: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), markSchema, { labels });
		if (!form.ok) return invalid('mark', form.values, form.errors);
		const d = form.data;
		try {
			await markMilestone(db, user, commitment, d.milestone_id, {
				version: d.version,
				status: d.status,
				actualOn: d.actual_on ?? null,
				evidence: evidenceDraftsOf(d, 1)[0] ?? null,
				existingEvidenceId: d.existing_evidence ?? null
			});
		} catch (e) {
			return workspaceFailure(e, 'mark', form.values, 'milestone');
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}/milestones?saved=marked`));
	}
};
