import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { actorOf } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import {
	addRuleSchema,
	editRuleSchema,
	ruleIdSchema,
	ruleLabels
} from '$lib/server/forms/deadline-rule';
import { listDeadlineRules } from '$lib/server/queries/deadline-rules';
import {
	addDeadlineRule,
	editDeadlineRule,
	setDeadlineRuleActivity
} from '$lib/server/services/deadline-rules';
import { InputError, NotFoundError } from '$lib/server/errors';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const rules = await listDeadlineRules(db);
	const editId = parseId(url.searchParams.get('edit') ?? '');
	return {
		rules,
		editing: rules.find((r) => r.id === editId) ?? null,
		done: url.searchParams.get('done')
	};
};

function refusal(e: unknown, form: string, values: Record<string, string | string[]>) {
	if (e instanceof NotFoundError) error(404, m.dr_no_such());
	if (e instanceof InputError) return fail(400, { form, values, errors: e.errors });
	throw e;
}

async function setActive({ locals, request }: RequestEvent, active: boolean) {
	requireRole(locals.user, 'admin');
	const form = validateForm(await request.formData(), ruleIdSchema);
	if (!form.ok) return fail(400, { form: 'toggle', values: {}, errors: form.errors });
	try {
		await setDeadlineRuleActivity(db, actorOf(locals.user), form.data.rule_id, active);
	} catch (e) {
		return refusal(e, 'toggle', {});
	}
	redirect(303, localizeHref(`/admin/deadline-rules?done=${active ? 'activated' : 'deactivated'}`));
}

export const actions: Actions = {
	add: async ({ locals, request }) => {
		requireRole(locals.user, 'admin');
		const form = validateForm(await request.formData(), addRuleSchema, { labels: ruleLabels });
		if (!form.ok) return fail(400, { form: 'add', values: form.values, errors: form.errors });
		try {
			await addDeadlineRule(db, actorOf(locals.user), form.data);
		} catch (e) {
			return refusal(e, 'add', form.values);
		}
		redirect(303, localizeHref('/admin/deadline-rules?done=added'));
	},

	update: async ({ locals, request }) => {
		requireRole(locals.user, 'admin');
		const form = validateForm(await request.formData(), editRuleSchema, { labels: ruleLabels });
		if (!form.ok) return fail(400, { form: 'update', values: form.values, errors: form.errors });
		const { rule_id, ...input } = form.data;
		try {
			await editDeadlineRule(db, actorOf(locals.user), rule_id, input);
		} catch (e) {
			return refusal(e, 'update', form.values);
		}
		redirect(303, localizeHref('/admin/deadline-rules?done=updated'));
	},

	deactivate: (event) => setActive(event, false),
	activate: (event) => setActive(event, true)
};
