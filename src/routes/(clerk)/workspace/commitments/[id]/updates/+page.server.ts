import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { editableCommitment } from '$lib/server/auth/editable-commitment';
import {
	findPendingRequest,
	listCommitmentEvidence,
	listRecentUpdates
} from '$lib/server/queries/workspace-updates';
import { evidenceDraftsOf } from '$lib/server/services/evidence';
import { recordUpdate, type DecisionInput } from '$lib/server/services/updates';
import { validateForm } from '$lib/server/forms/validation';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import { EVIDENCE_SLOTS, labels, updateSchema } from './schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const { commitment: c } = await editableCommitment(event);
	const [pending, evidence, updates] = await Promise.all([
		findPendingRequest(db, c.id),
		listCommitmentEvidence(db, c.id),
		listRecentUpdates(db, c.id)
	]);
	return {
		commitment: {
			id: c.id,
			ref: c.ref,
			title: c.title,
			visibility: c.visibility,
			version: c.version,
			givenOn: c.given_on,
			dueOn: c.due_on,
			deliveryStatus: c.delivery_status,
			proceduralStatus: c.procedural_status
		},
		pending,
		evidence,
		updates,
		today: todayInNairobi(),
		saved: event.url.searchParams.get('saved') === '1'
	};
};

export const actions: Actions = {
	record: async (event) => {
		const { user, commitment } = await editableCommitment(event);
		const form = validateForm(await event.request.formData(), updateSchema, { labels });
		if (!form.ok) return invalid('record', form.values, form.errors);
		const d = form.data;

		let decision: DecisionInput | null = null;
		if (d.decision) {
			if (!d.request_id) {
				return invalid('record', form.values, { decision: 'There is no request to decide on' });
			}
			if (!d.decided_on) {
				return invalid('record', form.values, { decided_on: 'Enter the date of the decision' });
			}
			decision = {
				requestId: d.request_id,
				outcome: d.decision,
				decidedOn: d.decided_on,
				grantedUntil: d.granted_until ?? null,
				note: d.decision_note ?? null
			};
		} else if (d.decided_on || d.granted_until || d.decision_note) {
			return invalid('record', form.values, {
				decision: 'Choose the decision, or leave the decision fields empty'
			});
		}

		try {
			await recordUpdate(db, user, commitment.id, {
				version: d.version,
				updateOn: d.update_on,
				note: d.note,
				deliveryTo: d.delivery_to ?? null,
				proceduralTo: d.procedural_to ?? null,
				dueTo: d.due_to ?? null,
				reason: d.reason ?? null,
				requestedUntil: d.requested_until ?? null,
				decision,
				evidence: evidenceDraftsOf(d, EVIDENCE_SLOTS),
				existingEvidenceIds: d.existing_evidence
			});
		} catch (e) {
			return workspaceFailure(e, 'record', form.values);
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}/updates?saved=1`));
	}
};
