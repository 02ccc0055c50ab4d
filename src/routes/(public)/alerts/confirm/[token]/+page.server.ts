// The link of a confirmation message. Opening it only shows a button: mail scanners that fetch
// links must not confirm a subscription nobody asked for; pressing the button does.
import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db/client';
import { confirmFollow, readAlertToken } from '$lib/server/services/alert-follow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const row = await readAlertToken(db, params.token);
	return { valid: row !== null && row.purpose === 'confirm' };
};

export const actions: Actions = {
	default: async ({ params }) => {
		const manage = await confirmFollow(db, params.token);
		if (!manage) return fail(404, { invalid: true });
		redirect(303, localizeHref(`/alerts/manage/${manage}?confirmed`));
	}
};
