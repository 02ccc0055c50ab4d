import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import { z } from 'zod';
import { homeFor } from '$lib/server/auth/access';
import { DEVICE_COOKIE, findTrustedDevice, setDeviceCookie } from '$lib/server/auth/device';
import { isSecureRequest } from '$lib/server/auth/handles';
import { PASSWORD_MAX_LENGTH } from '$lib/server/auth/password';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import {
	generateSessionToken,
	invalidateSession,
	setSessionCookie
} from '$lib/server/auth/session';
import { countSignInAttempt, recordSignInSuccess } from '$lib/server/auth/throttle';
import { db } from '$lib/server/db/client';
import { checkCredentials, startSession } from '$lib/server/services/sign-in';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad } from './$types';

// The one message for every wrong email, wrong password or disabled account: no hint which.
// Messages are functions, read while validating, so they come in the request's language.
const wrong = () => m.login_wrong();

const schema = z.object({
	email: z
		.string({ error: () => m.login_v_email() })
		.trim()
		.toLowerCase()
		.min(1, { error: () => m.login_v_email() })
		.max(254, { error: wrong }),
	password: z
		.string({ error: () => m.login_v_password() })
		.max(PASSWORD_MAX_LENGTH, { error: wrong })
});

// No redirect for a signed-in visitor: signing in again (as someone else) is allowed, and a
// redirect here would also swallow the errors of a failed attempt.
export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = url.searchParams.get('redirectTo');
	return {
		continuing: safeRedirectTarget(redirectTo, '') !== '',
		signedInAs: locals.user?.name ?? null,
		invited: url.searchParams.get('invited') === '1'
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { cookies, locals, url } = event;
		const form = validateForm(await event.request.formData(), schema);
		if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
		const { email, password } = form.data;
		const values = { email };

		// A browser trusted for this account is throttled on its own (see auth/throttle.ts).
		const deviceToken = cookies.get(DEVICE_COOKIE);
		const device = await findTrustedDevice(db, deviceToken, email);
		const source = { email, address: event.getClientAddress(), device };
		const wait = await countSignInAttempt(db, source);
		if (wait !== null) {
			event.setHeaders({ 'retry-after': String(wait) });
			const minutes = Math.ceil(wait / 60);
			const message =
				minutes === 1
					? m.login_too_many_one()
					: m.login_too_many({ minutes: minutes.toLocaleString(getLocale()) });
			return fail(429, { values, errors: { credentials: message } });
		}

		const user = await checkCredentials(db, email, password);
		if (!user) return fail(400, { values, errors: { credentials: wrong() } });

		await recordSignInSuccess(db, source);
		// A fresh session id on every sign-in (no session fixation); the old one ends.
		if (locals.session) await invalidateSession(db, locals.session.id);
		const token = generateSessionToken();
		const started = await startSession(db, user, token, deviceToken);
		const secure = isSecureRequest(event);
		setSessionCookie(cookies, token, started.session.expiresAt, secure);
		// Kept on sign-out: it is what lets this browser in while strangers are locked out.
		setDeviceCookie(cookies, started.device, secure);

		if (user.mustChangePassword) redirect(303, localizeHref('/account'));
		// Back to where they were going; else where their work is.
		const home = localizeHref(homeFor(user));
		redirect(303, safeRedirectTarget(url.searchParams.get('redirectTo'), home));
	}
};
