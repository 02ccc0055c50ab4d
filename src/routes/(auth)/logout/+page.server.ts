import { redirect } from '@sveltejs/kit';
import { isSecureRequest } from '$lib/server/auth/handles';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { db } from '$lib/server/db/client';
import { endSession } from '$lib/server/services/sign-in';
import type { Actions, PageServerLoad } from './$types';

// GET shows a confirmation button (signing out must be a POST, so a link or an image on
// another site cannot sign anyone out).
export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { locals, cookies } = event;
		// Anyone may post here: with no session there is simply nothing to end.
		if (locals.user && locals.session) await endSession(db, locals.user, locals.session.id);
		deleteSessionCookie(cookies, isSecureRequest(event));
		redirect(303, '/');
	}
};
