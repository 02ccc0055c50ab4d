// What an address follows, reached from the token link in any message it received (no
// sign-in), with a button to unsubscribe from each and from everything.
import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db/client';
import { validateForm } from '$lib/server/forms/validation';
import { listFollowed, unsubscribe } from '$lib/server/services/alert-follow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const followed = await listFollowed(db, params.token);
	return {
		followed,
		confirmed: url.searchParams.has('confirmed'),
		done: url.searchParams.has('done')
	};
};

const one = z.object({ subscription: z.coerce.number().int().positive() });

export const actions: Actions = {
	one: async ({ params, request }) => {
		const form = validateForm(await request.formData(), one);
		if (!form.ok) return fail(400, { errors: form.errors });
		return finish(await unsubscribe(db, params.token, form.data.subscription), params.token);
	},
	all: async ({ params }) => finish(await unsubscribe(db, params.token, null), params.token)
};

function finish(ok: boolean, token: string) {
	if (!ok) return fail(404, { invalid: true });
	redirect(303, localizeHref(`/alerts/manage/${token}?done`));
}
