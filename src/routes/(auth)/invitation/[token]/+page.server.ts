// A one-time invitation link (a ministry's liaison officer, usually): its holder chooses a
// password, and the link is used up. An unknown, used or expired link is answered the same way.
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { newPasswordSchema } from '$lib/server/auth/password';
import { db } from '$lib/server/db/client';
import { InputError, NotFoundError } from '$lib/server/errors';
import { validateForm } from '$lib/server/forms/validation';
import { acceptInvitation, openInvitation } from '$lib/server/services/users';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	new_password: newPasswordSchema(m.account_new_password),
	confirm_password: z.string()
});
const labels = {
	new_password: m.account_new_password,
	confirm_password: m.account_new_password_again
};

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	// The token is in the address: never send it on to another site as a referrer. Not
	// 'no-referrer': a browser then sends its form with `Origin: null`, which the cross-site
	// form check refuses (403), so nobody could set their password.
	setHeaders({ 'referrer-policy': 'same-origin', 'cache-control': 'private, no-store' });
	const invitation = await openInvitation(db, params.token);
	if (!invitation) error(404, m.iv_gone());
	return { name: invitation.name, email: invitation.email };
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const form = validateForm(await request.formData(), schema, { labels });
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		if (form.data.new_password !== form.data.confirm_password) {
			return fail(400, {
				values: form.values,
				errors: { confirm_password: m.account_v_mismatch() }
			});
		}
		try {
			await acceptInvitation(db, params.token, form.data.new_password);
		} catch (e) {
			if (e instanceof NotFoundError) error(404, m.iv_gone());
			if (e instanceof InputError) return fail(400, { values: form.values, errors: e.errors });
			throw e;
		}
		redirect(303, localizeHref('/login?invited=1'));
	}
};
