import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { z } from 'zod';
import { actorOf } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { newPasswordSchema } from '$lib/server/auth/password';
import { db } from '$lib/server/db/client';
import { listCommitteeOptions, listUsers } from '$lib/server/queries/users';
import { InputError } from '$lib/server/errors';
import { createUser } from '$lib/server/services/users';
import { validateForm } from '$lib/server/forms/validation';
import { emailField, userFields, userLabels } from './schema';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 50;

const createSchema = z.object({
	name: userFields.name,
	email: emailField,
	role: userFields.role,
	committees: userFields.committees,
	password: newPasswordSchema(m.us_temp_password)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
	const [users, committees] = await Promise.all([
		listUsers(db, { page, pageSize: PAGE_SIZE }),
		listCommitteeOptions(db)
	]);
	return {
		users: users.rows,
		total: users.total,
		page,
		pages: Math.max(1, Math.ceil(users.total / PAGE_SIZE)),
		committees
	};
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		requireRole(locals.user, 'admin');
		const form = validateForm(await request.formData(), createSchema, { labels: userLabels });
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { name, email, role, committees, password } = form.data;

		let id: number;
		try {
			id = await createUser(db, actorOf(locals.user), {
				name,
				email,
				role,
				committeeIds: committees,
				password,
				mustChangePassword: true
			});
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { values: form.values, errors: e.errors });
		}
		redirect(303, localizeHref(`/admin/users/${id}?done=created`));
	}
};
