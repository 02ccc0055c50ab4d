import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { InputError, NotFoundError, StaleRecordError } from '$lib/server/errors';
import { withFieldErrors } from '$lib/server/forms/fields';
import { extraRows, reviewInputOf, reviewLabels, reviewSchema } from '$lib/server/forms/transcript';
import { validateForm } from '$lib/server/forms/validation';
import { listActiveDeadlineRules } from '$lib/server/queries/deadline-rules';
import { listReferenceOptions } from '$lib/server/queries/reference';
import { listCandidates } from '$lib/server/queries/transcripts';
import { getSittingDetail } from '$lib/server/queries/workspace-sittings';
import {
	applyReview,
	findEditableTranscript,
	proposalsOf,
	REJECT_REASONS
} from '$lib/server/services/transcripts';
import type { SittingGuess, Signal } from '$lib/server/transcript/types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function transcriptOf({ locals, params }: Pick<RequestEvent, 'locals' | 'params'>) {
	requireRole(locals.user, 'clerk', 'admin');
	const id = parseId(params.id);
	const head = id === null ? null : await findEditableTranscript(db, locals.user, id);
	if (!head) error(404, m.tr_no_such());
	return { user: locals.user, head };
}

/** How many rows of who appeared the form has: those found, and one more. */
const rowsOf = (guess: SittingGuess) => guess.appeared.length + extraRows;

export const load: PageServerLoad = async (event) => {
	const { head } = await transcriptOf(event);
	const guess = JSON.parse(head.sitting_json) as SittingGuess;
	const [rows, options, rules, sitting] = await Promise.all([
		listCandidates(db, head.id),
		listReferenceOptions(db),
		listActiveDeadlineRules(db),
		head.sitting_id === null ? null : getSittingDetail(db, head.sitting_id)
	]);
	const { appearances, givenBy } = await proposalsOf(db, guess, rows);
	const candidates = rows.map((c) => ({
		...c,
		signals: JSON.parse(c.signals) as Signal[],
		givenBy: givenBy.get(c.id) ?? 0
	}));
	return {
		transcript: head,
		guess,
		appearances,
		rows: rowsOf(guess),
		candidates,
		sitting,
		options: { ...options, rules },
		rejectReasons: REJECT_REASONS,
		reviewed: event.url.searchParams.has('reviewed')
	};
};

export const actions: Actions = {
	review: async (event) => {
		const { user, head } = await transcriptOf(event);
		const guess = JSON.parse(head.sitting_json) as SittingGuess;
		const candidates = (await listCandidates(db, head.id)).filter((c) => c.decision === 'pending');
		const ids = candidates.map((c) => c.id);
		const needsSitting = head.sitting_id === null;
		const rows = rowsOf(guess);
		const form = validateForm(
			await event.request.formData(),
			reviewSchema(rows, ids, needsSitting),
			{ labels: reviewLabels(rows, ids) }
		);
		if (!form.ok) {
			const more = reviewInputOf(form.values, rows, candidates, needsSitting).errors;
			return fail(400, { values: form.values, errors: withFieldErrors(form.errors, more) });
		}
		const { input, errors } = reviewInputOf(form.data, rows, candidates, needsSitting);
		if (Object.keys(errors).length > 0) return fail(400, { values: form.values, errors });
		if (!needsSitting && input.reviews.length === 0) {
			return fail(400, { values: form.values, errors: { form: m.tr_nothing_decided() } });
		}
		let sittingId: number;
		try {
			({ sittingId } = await applyReview(db, user, head.id, input));
		} catch (e) {
			if (e instanceof NotFoundError) error(404, m.tr_no_such());
			if (e instanceof StaleRecordError) {
				return fail(409, { values: form.values, errors: { form: m.tr_decided_meanwhile() } });
			}
			if (!(e instanceof InputError)) throw e;
			return fail(400, { values: form.values, errors: e.errors });
		}
		redirect(303, localizeHref(`/workspace/sittings/${sittingId}?reviewed=${head.id}#commitments`));
	}
};
