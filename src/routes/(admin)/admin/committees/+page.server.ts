import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import {
	addCommitteeSchema,
	committeeLabels,
	editCommitteeSchema
} from '$lib/server/forms/committee';
import {
	listCommitteesWithMembers,
	listPeopleForChair
} from '$lib/server/queries/admin-committees';
import { addCommittee, editCommittee } from '$lib/server/services/committees';
import { InputError, NotFoundError } from '$lib/server/errors';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const [committees, people] = await Promise.all([
		listCommitteesWithMembers(db),
		listPeopleForChair(db)
	]);
	const editId = parseId(url.searchParams.get('edit') ?? '');
	return {
		committees,
		people,
		editing: committees.find((k) => k.id === editId) ?? null,
		done: url.searchParams.get('done')
	};
};

function refusal(e: unknown, form: string, values: Record<string, string | string[]>) {
	if (e instanceof NotFoundError) error(404, m.ck_no_such());
	if (e instanceof InputError) return fail(400, { form, values, errors: e.errors });
	throw e;
}

export const actions: Actions = {
	add: async ({ locals, request }) => {
		requireRole(locals.user, 'admin');
		const form = validateForm(await request.formData(), addCommitteeSchema, {
			labels: committeeLabels
		});
		if (!form.ok) return fail(400, { form: 'add', values: form.values, errors: form.errors });
		try {
			await addCommittee(db, actorOf(locals.user), form.data);
		} catch (e) {
			return refusal(e, 'add', form.values);
		}
		redirect(303, localizeHref('/admin/committees?done=added'));
	},

	update: async ({ locals, request }) => {
		requireRole(locals.user, 'admin');
		const form = validateForm(await request.formData(), editCommitteeSchema, {
			labels: committeeLabels
		});
		if (!form.ok) return fail(400, { form: 'update', values: form.values, errors: form.errors });
		const { committee_id, ...input } = form.data;
		try {
			await editCommittee(db, actorOf(locals.user), committee_id, input);
		} catch (e) {
			return refusal(e, 'update', form.values);
		}
		redirect(303, localizeHref('/admin/committees?done=updated'));
	}
};
