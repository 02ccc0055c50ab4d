import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/access';
import { findEditableCommitment, parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import {
	commitmentLabels,
	detailsOf,
	dueErrorsOf,
	dueOf,
	editCommitmentSchema,
	publishSchema,
	withdrawSchema
} from '$lib/server/forms/commitment';
import { listActiveDeadlineRules } from '$lib/server/queries/deadline-rules';
import { listReferenceOptions } from '$lib/server/queries/reference';
import { getWorkspaceCommitment } from '$lib/server/queries/workspace-commitments';
import {
	publishCommitment,
	saveCommitment,
	withdrawCommitment
} from '$lib/server/services/workspace-commitments';
import { InputError, NotFoundError, StaleRecordError } from '$lib/server/errors';
import { withFieldErrors } from '$lib/server/forms/fields';
import { validateForm } from '$lib/server/forms/validation';
import { conflictMessage } from '$lib/server/forms/failure';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Event = Pick<RequestEvent, 'locals' | 'params'>;
type Values = Record<string, string | string[]>;

/** The commitment, or 404 when it is missing or outside the user's committees. */
async function commitmentOf({ locals, params }: Event) {
	requireRole(locals.user, 'clerk', 'admin');
	const id = parseId(params.id);
	const row = id === null ? null : await findEditableCommitment(db, locals.user, id);
	if (!row) error(404, m.wc_no_such());
	return { user: locals.user, commitment: row };
}

/** Maps the service's refusals to answers; anything else is a real failure. */
function refusal(e: unknown, form: string, values: Values) {
	if (e instanceof NotFoundError) error(404, m.wc_no_such());
	if (e instanceof StaleRecordError) {
		const message = conflictMessage('commitment', e.by, e.at);
		return fail(409, {
			form,
			values,
			errors: { version: message },
			conflict: { by: e.by, at: e.at }
		});
	}
	if (e instanceof InputError) return fail(400, { form, values, errors: e.errors });
	throw e;
}

export const load: PageServerLoad = async (event) => {
	const { commitment } = await commitmentOf(event);
	const [detail, options, rules] = await Promise.all([
		getWorkspaceCommitment(db, commitment.id),
		listReferenceOptions(db),
		listActiveDeadlineRules(db)
	]);
	if (!detail) error(404, m.wc_no_such());
	return {
		commitment: detail,
		options: { ...options, rules },
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	save: async (event) => {
		const { user, commitment } = await commitmentOf(event);
		const form = validateForm(await event.request.formData(), editCommitmentSchema, {
			labels: commitmentLabels
		});
		const draft = commitment.visibility === 'draft';
		if (!form.ok) {
			const errors = withFieldErrors(form.errors, draft ? dueErrorsOf(form.values) : {});
			return fail(400, { form: 'save', values: form.values, errors });
		}
		const { due, errors } = draft ? dueOf(form.data) : { due: undefined, errors: {} };
		if (Object.keys(errors).length > 0)
			return fail(400, { form: 'save', values: form.values, errors });
		try {
			await saveCommitment(db, user, commitment.id, form.data.version, {
				...detailsOf(form.data),
				givenOn: draft ? form.data.given_on : undefined,
				due
			});
		} catch (e) {
			return refusal(e, 'save', form.values);
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}?done=saved`));
	},

	publish: async (event) => {
		const { user, commitment } = await commitmentOf(event);
		const form = validateForm(await event.request.formData(), publishSchema);
		if (!form.ok) return fail(400, { form: 'publish', values: {}, errors: form.errors });
		try {
			await publishCommitment(db, user, commitment.id, form.data.version);
		} catch (e) {
			return refusal(e, 'publish', {});
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}?done=published`));
	},

	withdraw: async (event) => {
		const { user, commitment } = await commitmentOf(event);
		const form = validateForm(await event.request.formData(), withdrawSchema, {
			labels: commitmentLabels
		});
		if (!form.ok) return fail(400, { form: 'withdraw', values: form.values, errors: form.errors });
		try {
			await withdrawCommitment(db, user, commitment.id, form.data.version, form.data.reason);
		} catch (e) {
			return refusal(e, 'withdraw', form.values);
		}
		redirect(303, localizeHref(`/workspace/commitments/${commitment.id}?done=withdrawn`));
	}
};
