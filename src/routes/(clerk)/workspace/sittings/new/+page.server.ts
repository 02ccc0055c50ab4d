import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { canEditCommittee, requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import {
	APPEARANCE_ROWS,
	appearancesOf,
	newSittingSchema,
	sittingFormErrors,
	sittingLabels
} from '$lib/server/forms/sitting';
import { InputError } from '$lib/server/errors';
import { listReferenceOptions } from '$lib/server/queries/reference';
import { createSitting } from '$lib/server/services/sittings';
import { withFieldErrors } from '$lib/server/forms/fields';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const { people, offices, holdings } = await listReferenceOptions(db);
	return { people, offices, holdings, rows: APPEARANCE_ROWS };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const form = validateForm(await request.formData(), newSittingSchema, {
			labels: sittingLabels
		});
		if (!form.ok) {
			// Report the rows of who appeared too, so every problem shows at once.
			const errors = withFieldErrors(form.errors, appearancesOf(form.values).errors);
			return fail(400, { values: form.values, errors });
		}
		const { appearances, errors } = appearancesOf(form.data);
		// Another committee's id is answered like an unknown one: the list offers only the user's.
		if (!canEditCommittee(locals.user, form.data.committee_id)) {
			errors.committee_id = m.v_from_list({ field: m.f_the_committee() });
		}
		if (Object.keys(errors).length > 0) return fail(400, { values: form.values, errors });

		let id: number;
		try {
			id = await createSitting(db, locals.user, {
				committeeId: form.data.committee_id,
				satOn: form.data.sat_on,
				subject: form.data.subject,
				sourceTitle: form.data.source_title,
				sourceUrl: form.data.source_url,
				sourceLocator: form.data.source_locator,
				appearances
			});
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { values: form.values, errors: sittingFormErrors(e.errors) });
		}
		redirect(303, localizeHref(`/workspace/sittings/${id}?created=1`));
	}
};
