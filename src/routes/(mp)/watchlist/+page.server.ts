import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { todayInNairobi } from '$lib/domain';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listWatchlist } from '$lib/server/queries/mp-private';
import { setWatching } from '$lib/server/services/mp-private';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'mp', 'admin');
	const today = todayInNairobi();
	return { today, watched: await listWatchlist(db, locals.user.id, today) };
};

const removeSchema = z.object({ commitment: z.coerce.number().int().positive() });

export const actions: Actions = {
	remove: async ({ locals, request }) => {
		requireRole(locals.user, 'mp', 'admin');
		const form = validateForm(await request.formData(), removeSchema, {
			labels: { commitment: 'Commitment' }
		});
		if (!form.ok) return fail(400, { errors: { commitment: 'Choose a commitment to remove.' } });
		const user = locals.user;
		// Scoped to this user's own watchlist; removing what is not there changes nothing.
		await setWatching(
			db,
			{ id: user.id, label: `${user.name} <${user.email}>` },
			form.data.commitment,
			false
		);
		redirect(303, '/watchlist');
	}
};
