import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { localizeHref } from '$lib/paraglide/runtime';
import { z } from 'zod';
import { actorOf } from '$lib/server/audit';
import { ROLES, requireRole } from '$lib/server/auth/access';
import { isSecureRequest } from '$lib/server/auth/handles';
import { PASSWORD_MAX_LENGTH, newPasswordSchema } from '$lib/server/auth/password';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import {
	PASSWORD_CHANGE_RULE,
	clearAttempts,
	countAttempt,
	passwordChangeKey
} from '$lib/server/auth/throttle';
import { db } from '$lib/server/db/client';
import { InputError } from '$lib/server/errors';
import { changeOwnPassword } from '$lib/server/services/users';
import { readAlertSettings, saveAlertSettings } from '$lib/server/services/alert-settings';
import { DIGEST_FREQUENCIES } from '$lib/domain/reminders';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad } from './$types';

const schema = z.object({
	current_password: z.string().max(PASSWORD_MAX_LENGTH, { error: () => m.svc_us_current_wrong() }),
	new_password: newPasswordSchema(m.account_new_password),
	confirm_password: z.string()
});
// Message functions, so that each error names its field in the page's language.
const labels = {
	current_password: m.account_current_password,
	new_password: m.account_new_password,
	confirm_password: m.account_new_password_again
};

const alertsSchema = z.object({
	digest: z.enum(DIGEST_FREQUENCIES, { error: () => m.alerts_account_invalid() }).optional(),
	language: z.enum(['en', 'sw'], { error: () => m.alerts_account_invalid() })
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, ...ROLES);
	const { id, name, email, role, mustChangePassword } = locals.user;
	return {
		name,
		email,
		role,
		mustChangePassword,
		changed: url.searchParams.has('changed'),
		alertsSaved: url.searchParams.has('alerts'),
		alerts: await readAlertSettings(db, id)
	};
};

export const actions: Actions = {
	alerts: async ({ locals, request }) => {
		requireRole(locals.user, ...ROLES);
		const user = locals.user;
		const form = validateForm(await request.formData(), alertsSchema, {
			labels: { digest: m.alerts_account_digest, language: m.alerts_account_language }
		});
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		// Only MPs receive digests; the others choose the language of their reminders.
		const digest = user.role === 'mp' ? (form.data.digest ?? 'none') : 'none';
		await saveAlertSettings(
			db,
			{ ...actorOf(user), id: user.id },
			{ digest, language: form.data.language }
		);
		redirect(303, localizeHref('/account?alerts'));
	},
	password: async (event) => {
		const { locals, cookies } = event;
		requireRole(locals.user, ...ROLES);
		const user = locals.user;
		const form = validateForm(await event.request.formData(), schema, { labels });
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { current_password, new_password, confirm_password } = form.data;
		if (new_password !== confirm_password) {
			return fail(400, {
				values: form.values,
				errors: { confirm_password: m.account_v_mismatch() }
			});
		}

		// Guessing the current password here is limited per user, apart from signing in: a
		// stranger's failed sign-ins must not stop the owner from changing the password.
		const wait = await countAttempt(db, passwordChangeKey(user.id), PASSWORD_CHANGE_RULE);
		if (wait !== null) {
			event.setHeaders({ 'retry-after': String(wait) });
			const message = m.account_too_many({ minutes: String(Math.ceil(wait / 60)) });
			return fail(429, { values: form.values, errors: { current_password: message } });
		}
		try {
			await changeOwnPassword(
				db,
				{ ...actorOf(user), id: user.id },
				current_password,
				new_password
			);
		} catch (e) {
			if (!(e instanceof InputError)) throw e;
			return fail(400, { values: form.values, errors: e.errors });
		}
		await clearAttempts(db, passwordChangeKey(user.id));

		// Every session of this user has ended; this browser continues on a fresh one.
		const token = generateSessionToken();
		const session = await createSession(db, token, user.id);
		setSessionCookie(cookies, token, session.expiresAt, isSecureRequest(event));
		redirect(303, localizeHref('/account?changed'));
	}
};
