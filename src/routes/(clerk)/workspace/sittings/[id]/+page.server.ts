import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/access';
import { findEditableSitting, parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import {
	commitmentLabels,
	detailsOf,
	dueErrorsOf,
	dueOf,
	sittingCommitmentSchema,
	withGiver
} from '$lib/server/forms/commitment';
import { publishSelected } from './publish-selected';
import {
	APPEARANCE_ROWS,
	appearancesOf,
	editSittingSchema,
	sittingFormErrors,
	sittingLabels
} from '$lib/server/forms/sitting';
import { InputError, NotFoundError, StaleRecordError } from '$lib/server/errors';
import { listActiveDeadlineRules } from '$lib/server/queries/deadline-rules';
import { listReferenceOptions } from '$lib/server/queries/reference';
import { listSittingTranscripts } from '$lib/server/queries/transcripts';
import {
	getSittingDetail,
	listAppearances,
	type SittingDetail
} from '$lib/server/queries/workspace-sittings';
import { createCommitment } from '$lib/server/services/workspace-commitments';
import { announceSitting, saveSitting } from '$lib/server/services/sittings';
import { todayInNairobi } from '$lib/domain';
import { SITTING_NOTE_LEAD_DAYS } from '$lib/domain/reminders';
import { versionField } from '$lib/server/forms/fields';
import { z } from 'zod';
import { withFieldErrors } from '$lib/server/forms/fields';
import { validateForm } from '$lib/server/forms/validation';
import { conflictMessage } from '$lib/server/forms/failure';
import { m } from '$lib/paraglide/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const announceSchema = z.object({ version: versionField() });

/** The sitting, or 404 when it is missing or outside the user's committees. */
async function sittingOf({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	requireRole(locals.user, 'clerk', 'admin');
	const id = parseId(params.id);
	const sitting = id === null ? null : await findEditableSitting(db, locals.user, id);
	if (!sitting) error(404, m.ws_no_such_sitting());
	return { user: locals.user, sitting };
}

export const load: PageServerLoad = async (event) => {
	const { sitting } = await sittingOf(event);
	const [detail, options, rules, transcripts] = await Promise.all([
		getSittingDetail(db, sitting.id),
		listReferenceOptions(db),
		listActiveDeadlineRules(db),
		listSittingTranscripts(db, sitting.id)
	]);
	if (!detail) error(404, m.ws_no_such_sitting());
	const q = event.url.searchParams;
	return {
		sitting: detail,
		options: { ...options, rules },
		commitmentDefaults: commitmentDefaults(detail, options.offices),
		rows: Math.max(APPEARANCE_ROWS, detail.appearances.length),
		created: q.has('created'),
		saved: q.has('saved'),
		added: q.get('added'),
		published: Number(q.get('published')) || null,
		reviewed: q.has('reviewed'),
		announced: q.has('announced'),
		// A draft dated after today may be published ahead of its date (see announceSitting).
		schedulable: detail.visibility === 'draft' && detail.sat_on > todayInNairobi(),
		noteLeadDays: SITTING_NOTE_LEAD_DAYS,
		transcripts
	};
};

/**
 * What "Add a commitment" starts from, after each commitment too: the sitting's date and
 * source, the first person who appeared, and the organisation of their office.
 */
function commitmentDefaults(
	s: SittingDetail,
	offices: { id: number; organisationId: number }[]
): Record<string, string> {
	const first = s.appearances[0];
	const organisation = offices.find((o) => o.id === first?.office_id)?.organisationId;
	return {
		given_on: s.sat_on,
		due_mode: 'rule',
		quote_source_title: s.source_title,
		quote_source_url: s.source_url ?? '',
		quote_source_locator: s.source_locator ?? '',
		giver: first ? `${first.person_id}:${first.office_id}` : '',
		organisation_id: organisation === undefined ? '' : String(organisation)
	};
}

export const actions: Actions = {
	save: async (event) => {
		const { user, sitting } = await sittingOf(event);
		const form = validateForm(await event.request.formData(), editSittingSchema, {
			labels: sittingLabels
		});
		if (!form.ok) {
			const errors = withFieldErrors(form.errors, appearancesOf(form.values).errors);
			return fail(400, { form: 'sitting', values: form.values, errors });
		}
		const { appearances, errors } = appearancesOf(form.data);
		if (Object.keys(errors).length > 0) {
			return fail(400, { form: 'sitting', values: form.values, errors });
		}
		try {
			await saveSitting(db, user, sitting.id, form.data.version, {
				satOn: form.data.sat_on,
				subject: form.data.subject,
				sourceTitle: form.data.source_title,
				sourceUrl: form.data.source_url,
				sourceLocator: form.data.source_locator,
				appearances
			});
		} catch (e) {
			if (e instanceof NotFoundError) error(404, m.ws_no_such_sitting());
			if (e instanceof StaleRecordError) {
				const message = conflictMessage('sitting', e.by, e.at);
				return fail(409, {
					form: 'sitting',
					values: form.values,
					errors: { version: message },
					conflict: { by: e.by, at: e.at }
				});
			}
			if (!(e instanceof InputError)) throw e;
			const errors = sittingFormErrors(e.errors);
			return fail(400, { form: 'sitting', values: form.values, errors });
		}
		redirect(303, localizeHref(`/workspace/sittings/${sitting.id}?saved=1`));
	},

	addCommitment: async (event) => {
		const { user, sitting } = await sittingOf(event);
		const given = withGiver(await event.request.formData(), await listAppearances(db, sitting.id));
		const form = validateForm(given.formData, sittingCommitmentSchema, {
			labels: commitmentLabels
		});
		if (!form.ok || Object.keys(given.errors).length > 0) {
			const errors = withFieldErrors(
				withFieldErrors(given.errors, form.ok ? {} : form.errors),
				dueErrorsOf(form.values)
			);
			return fail(400, { form: 'commitment', values: form.values, errors });
		}
		const { due, errors } = dueOf(form.data);
		if (!due) return fail(400, { form: 'commitment', values: form.values, errors });
		let ref: string;
		try {
			({ ref } = await createCommitment(db, user, {
				...detailsOf(form.data),
				sitting: { id: sitting.id, committeeId: sitting.committee_id },
				givenOn: form.data.given_on,
				due
			}));
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { form: 'commitment', values: form.values, errors: e.errors });
		}
		redirect(
			303,
			localizeHref(`/workspace/sittings/${sitting.id}?added=${encodeURIComponent(ref)}#commitments`)
		);
	},

	announce: async (event) => {
		const { user, sitting } = await sittingOf(event);
		const form = validateForm(await event.request.formData(), announceSchema);
		if (!form.ok) return fail(400, { form: 'announce', values: form.values, errors: form.errors });
		try {
			await announceSitting(db, user, sitting.id, form.data.version);
		} catch (e) {
			if (e instanceof NotFoundError) error(404, m.ws_no_such_sitting());
			if (e instanceof StaleRecordError) {
				const message = conflictMessage('sitting', e.by, e.at);
				return fail(409, { form: 'announce', values: form.values, errors: { announce: message } });
			}
			if (!(e instanceof InputError)) throw e;
			return fail(400, { form: 'announce', values: form.values, errors: e.errors });
		}
		redirect(303, localizeHref(`/workspace/sittings/${sitting.id}?announced=1`));
	},

	publishSelected: async (event) => {
		const { user, sitting } = await sittingOf(event);
		return publishSelected(event.request, user, sitting.id);
	}
};
