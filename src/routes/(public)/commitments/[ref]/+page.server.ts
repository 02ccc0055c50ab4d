import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import {
	attributeFunding,
	daysOverdue,
	deliveryProgress,
	quarterlySeries,
	todayInNairobi
} from '$lib/domain';
import { canEditCommittee, requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { getPublishedCommitment } from '$lib/server/queries/public-commitments';
import { getPrivateView } from '$lib/server/queries/mp-private';
import { listCommitmentSubmissions } from '$lib/server/queries/ministry';
import { addPrivateNote, deletePrivateNote, setWatching } from '$lib/server/services/mp-private';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const c = await getPublishedCommitment(db, params.ref);
	// Drafts and unknown refs answer alike, so a draft's existence does not leak.
	if (!c) error(404, 'No published commitment has this reference.');
	const today = todayInNairobi();
	const grantedUntil = c.requests
		.filter((r) => r.kind === 'extension' && r.decision === 'granted' && r.granted_until)
		.map((r) => r.granted_until as string);
	const money = c.funding.map((link) => ({
		...link,
		money: attributeFunding(link),
		series: quarterlySeries(link.line.fiscalYear, link.figures)
	}));
	const user = locals.user;
	const isMp = user !== null && (user.role === 'mp' || user.role === 'admin');
	// Only what the ministry sent (never its drafts), newest first.
	const submissions = await listCommitmentSubmissions(db, c.id);
	return {
		commitment: c,
		submissions,
		ministryReport:
			submissions.find((s) => s.kind === 'report' && s.decision !== 'returned') ?? null,
		today,
		progress: deliveryProgress(c.milestones),
		daysOverdue: daysOverdue(
			{ dueOn: c.dueOn, deliveryStatus: c.deliveryStatus, grantedExtensionsUntil: grantedUntil },
			today
		),
		money,
		// Private to the signed-in MP: never part of the public page for anyone else.
		mp: isMp ? await getPrivateView(db, user.id, c.id) : null,
		// The committee's clerks (and admins) get a way to the record in the workspace.
		editHref: canEditCommittee(user, c.committeeId) ? `/workspace/commitments/${c.id}` : null
	};
};

/** The MP actions act on the commitment of this page, found again by its ref (published only). */
async function mpContext({ locals, params }: RequestEvent) {
	requireRole(locals.user, 'mp', 'admin');
	const c = await getPublishedCommitment(db, params.ref);
	if (!c) error(404, 'No published commitment has this reference.');
	const user = locals.user;
	return { actor: { id: user.id, label: `${user.name} <${user.email}>` }, commitment: c };
}

const here = (ref: string) => `/commitments/${encodeURIComponent(ref)}#my-notes`;

const noteSchema = z.object({
	body: z
		.string()
		.trim()
		.min(1, 'Enter your note')
		.max(5_000, 'Note must be 5,000 characters or fewer')
});

export const actions: Actions = {
	watch: async (event) => {
		const { actor, commitment } = await mpContext(event);
		await setWatching(db, actor, commitment.id, true);
		redirect(303, here(commitment.ref));
	},
	unwatch: async (event) => {
		const { actor, commitment } = await mpContext(event);
		await setWatching(db, actor, commitment.id, false);
		redirect(303, here(commitment.ref));
	},
	addNote: async (event) => {
		const { actor, commitment } = await mpContext(event);
		const form = validateForm(await event.request.formData(), noteSchema, {
			labels: { body: 'Note' }
		});
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		await addPrivateNote(db, actor, commitment.id, form.data.body);
		redirect(303, here(commitment.ref));
	},
	deleteNote: async (event) => {
		const { actor, commitment } = await mpContext(event);
		const form = validateForm(
			await event.request.formData(),
			z.object({ note: z.coerce.number().int().positive() }),
			{ labels: { note: 'Note' } }
		);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		if (!(await deletePrivateNote(db, actor, form.data.note))) error(404, 'No such note.');
		redirect(303, here(commitment.ref));
	}
};
