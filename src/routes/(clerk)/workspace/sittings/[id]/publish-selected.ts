// "Publish selected" on a sitting's page: the ticked drafts, each published on its own (see
// publishSittingDrafts). All published: back to the page with the count. Some refused: the page
// again, with what was published and, by ref, why the others were not.
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { db } from '$lib/server/db/client';
import { InputError, NotFoundError } from '$lib/server/errors';
import { conflictMessage } from '$lib/server/forms/failure';
import { idField } from '$lib/server/forms/fields';
import { validateForm } from '$lib/server/forms/validation';
import { publishSittingDrafts, type PublishOutcome } from '$lib/server/services/publish-drafts';
import type { Editor } from '$lib/server/services/workspace-commitments';

const schema = z.object({ publish: z.array(idField()).max(500).default([]) });

function reasonOf(e: PublishOutcome['failed'][number]['error']): string {
	if (e instanceof InputError) return Object.values(e.errors).join(' ');
	if (e instanceof NotFoundError) return m.not_found();
	return conflictMessage('commitment', e.by, e.at);
}

export async function publishSelected(request: Request, user: Editor, sittingId: number) {
	const form = validateForm(await request.formData(), schema);
	if (!form.ok) {
		return fail(400, {
			form: 'publish',
			values: form.values,
			errors: { publish: m.ws_publish_not_this_sitting() }
		});
	}
	let outcome: PublishOutcome;
	try {
		outcome = await publishSittingDrafts(db, user, sittingId, form.data.publish);
	} catch (e) {
		if (e instanceof NotFoundError) error(404, m.ws_no_such_sitting());
		if (!(e instanceof InputError)) throw e;
		return fail(400, { form: 'publish', values: form.values, errors: e.errors });
	}
	if (outcome.failed.length === 0) {
		redirect(
			303,
			localizeHref(
				`/workspace/sittings/${sittingId}?published=${outcome.published.length}#commitments`
			)
		);
	}
	return fail(409, {
		form: 'publish',
		values: form.values,
		errors: {
			publish: m.ws_publish_some_failed({
				published: String(outcome.published.length),
				failed: String(outcome.failed.length)
			})
		},
		published: outcome.published,
		failed: outcome.failed.map((f) => ({ ref: f.ref, reason: reasonOf(f.error) }))
	});
}
