import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { invalid, workspaceFailure } from '$lib/server/forms/failure';
import { idField } from '$lib/server/forms/fields';
import { inviteSchema, submissionLabels } from '$lib/server/forms/submission';
import { validateForm } from '$lib/server/forms/validation';
import { listMinistryUsers } from '$lib/server/queries/ministry';
import {
	awaitsInvitation,
	invitableOrganisations,
	inviteLiaisonOfficer,
	reinviteLiaisonOfficer
} from '$lib/server/services/ministry-replies';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const organisations = await invitableOrganisations(db, locals.user);
	const users = await listMinistryUsers(
		db,
		organisations.map((o) => o.id)
	);
	return {
		organisations,
		users: users.map((u) => ({ ...u, awaits: awaitsInvitation(u) })),
		now: new Date().toISOString()
	};
};

/** The link is shown once, to the person who made it, and never stored. */
const linkOf = (url: URL, token: string) => new URL(`/invitation/${token}`, url.origin).href;

export const actions: Actions = {
	invite: async ({ locals, request, url }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const form = validateForm(await request.formData(), inviteSchema, { labels: submissionLabels });
		if (!form.ok) return invalid('invite', form.values, form.errors);
		try {
			const { token, expiresAt } = await inviteLiaisonOfficer(db, locals.user, {
				name: form.data.name,
				email: form.data.email,
				organisationId: form.data.organisation_id
			});
			return { invited: { name: form.data.name, link: linkOf(url, token), expiresAt } };
		} catch (e) {
			return workspaceFailure(e, 'invite', form.values);
		}
	},
	reinvite: async ({ locals, request, url }) => {
		requireRole(locals.user, 'clerk', 'admin');
		const form = validateForm(await request.formData(), z.object({ user_id: idField() }));
		if (!form.ok) return fail(400, { form: 'reinvite', values: form.values, errors: form.errors });
		try {
			const { token, expiresAt } = await reinviteLiaisonOfficer(db, locals.user, form.data.user_id);
			return { invited: { name: null, link: linkOf(url, token), expiresAt } };
		} catch (e) {
			return workspaceFailure(e, 'reinvite', form.values);
		}
	}
};
