import { error, fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { actorOf } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { newPasswordSchema } from '$lib/server/auth/password';
import { db } from '$lib/server/db/client';
import { listAuditEntries } from '$lib/server/queries/audit';
import { getUser, listCommitteeOptions } from '$lib/server/queries/users';
import { InputError, NotFoundError, StaleRecordError } from '$lib/server/errors';
import { setTemporaryPassword, setUserDisabled, updateUser } from '$lib/server/services/users';
import { validateForm } from '$lib/server/forms/validation';
import { userFields, userLabels } from '../schema';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const updateSchema = z.object({ ...userFields, version: z.coerce.number().int().positive() });
const passwordSchema = z.object({ temporary_password: newPasswordSchema(m.us_temp_password) });

function userIdOf(params: { id: string }): number {
	const id = Number(params.id);
	if (!/^\d{1,15}$/.test(params.id) || !Number.isSafeInteger(id)) error(404, m.us_no_such());
	return id;
}

/** Maps the service's errors to answers; anything else is a real failure and propagates. */
function asFailure(e: unknown, values: Record<string, string | string[]>) {
	if (e instanceof NotFoundError) error(404, m.us_no_such());
	if (e instanceof StaleRecordError) {
		const message = m.us_stale();
		return fail(409, { values: {}, errors: { version: message } });
	}
	if (e instanceof InputError) return fail(400, { values, errors: e.errors });
	throw e;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requireRole(locals.user, 'admin');
	const id = userIdOf(params);
	const [user, committees, history] = await Promise.all([
		getUser(db, id),
		listCommitteeOptions(db),
		listAuditEntries(db, { entity: 'user', entityId: String(id) }, { pageSize: 10 })
	]);
	if (!user) error(404, m.us_no_such());
	return {
		user,
		committees,
		isSelf: user.id === locals.user.id,
		history: history.rows.map(({ id, at, actor, action }) => ({ id, at, actor, action })),
		done: url.searchParams.get('done')
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		requireRole(locals.user, 'admin');
		const id = userIdOf(params);
		const form = validateForm(await request.formData(), updateSchema, { labels: userLabels });
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { name, role, committees, version } = form.data;
		// Admins cannot demote themselves, so at least one active admin always remains.
		if (id === locals.user.id && role !== locals.user.role) {
			return fail(400, {
				values: form.values,
				errors: { role: m.us_own_role_error() }
			});
		}
		try {
			await updateUser(db, actorOf(locals.user), id, {
				name,
				role,
				committeeIds: committees,
				version
			});
		} catch (e) {
			return asFailure(e, form.values);
		}
		redirect(303, localizeHref(`/admin/users/${id}?done=updated`));
	},

	disable: (event) => toggle(event, true),
	enable: (event) => toggle(event, false),

	password: async ({ locals, params, request }) => {
		requireRole(locals.user, 'admin');
		const id = userIdOf(params);
		const form = validateForm(await request.formData(), passwordSchema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		try {
			await setTemporaryPassword(db, actorOf(locals.user), id, form.data.temporary_password);
		} catch (e) {
			return asFailure(e, form.values);
		}
		redirect(303, localizeHref(`/admin/users/${id}?done=password`));
	}
};

async function toggle({ locals, params }: RequestEvent, disabled: boolean) {
	requireRole(locals.user, 'admin');
	const id = userIdOf(params);
	if (disabled && id === locals.user.id) {
		return fail(400, { values: {}, errors: { disable: m.us_own_disable_error() } });
	}
	try {
		await setUserDisabled(db, actorOf(locals.user), id, disabled);
	} catch (e) {
		return asFailure(e, {});
	}
	redirect(303, localizeHref(`/admin/users/${id}?done=${disabled ? 'disabled' : 'enabled'}`));
}
