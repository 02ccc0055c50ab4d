import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { db } from '$lib/server/db/client';
import { validateForm } from '$lib/server/forms/validation';
import { requestFollow } from '$lib/server/services/alert-follow';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	kind: z.enum(['commitment', 'committee', 'organisation']),
	target: z.string().max(200),
	email: z.email({ error: () => m.alerts_follow_invalid_email() }).max(254)
});

export const load: PageServerLoad = ({ url }) => ({ sent: url.searchParams.has('sent') });

export const actions: Actions = {
	default: async (event) => {
		const form = validateForm(await event.request.formData(), schema, {
			labels: { email: m.alerts_follow_email }
		});
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { kind, target, email } = form.data;
		const result = await requestFollow(db, {
			kind,
			key: target,
			email,
			language: getLocale(),
			client: event.getClientAddress(),
			origin: event.url.origin
		});
		if (result === 'client-throttled') {
			return fail(429, { values: form.values, errors: { email: m.alerts_follow_too_many() } });
		}
		if (result === 'unknown-target') {
			return fail(404, { values: form.values, errors: { target: m.alerts_follow_unknown() } });
		}
		// The same answer whether or not the address already follows it: nothing is revealed.
		redirect(303, localizeHref('/follow?sent'));
	}
};
