import { fail, redirect } from '@sveltejs/kit';
import { deLocalizeHref, localizeHref } from '$lib/paraglide/runtime';
import type { z } from 'zod';
import { actorOf, type Actor } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/access';
import { safeRedirectTarget } from '$lib/server/auth/redirect';
import { db } from '$lib/server/db/client';
import {
	holdingSchema,
	mergeSchema,
	officeSchema,
	ORGANISATION_KINDS,
	organisationKindLabel,
	organisationSchema,
	personSchema,
	referenceLabels,
	retireSchema
} from '$lib/server/forms/reference';
import {
	listOffices,
	listOrganisations,
	listPeople,
	listReferenceOptions
} from '$lib/server/queries/reference';
import {
	addOffice,
	addOrganisation,
	addPerson,
	mergeReference,
	recordOfficeHolding,
	retireReference
} from '$lib/server/services/reference';
import { InputError } from '$lib/server/errors';
import { validateForm } from '$lib/server/forms/validation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

/**
 * The workspace form that sent the clerk here ("Person not in the list? Add them"): a path on
 * this site inside the workspace, else null. Checked on every use, never trusted as sent.
 */
function returnPath(value: FormDataEntryValue | string | null): string | null {
	const target = safeRedirectTarget(typeof value === 'string' ? value : null, '');
	if (!target) return null;
	const path = deLocalizeHref(target.split(/[?#]/)[0]!);
	return path.startsWith('/workspace/') && !path.startsWith('/workspace/reference') ? target : null;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const [people, offices, organisations, options] = await Promise.all([
		listPeople(db),
		listOffices(db),
		listOrganisations(db),
		listReferenceOptions(db)
	]);
	return {
		people,
		offices,
		organisations,
		options,
		kinds: ORGANISATION_KINDS.map((kind) => ({
			value: kind,
			label: organisationKindLabel[kind]()
		})),
		isAdmin: locals.user.role === 'admin',
		done: url.searchParams.get('done'),
		added: Number(url.searchParams.get('added')) || null,
		back: returnPath(url.searchParams.get('return'))
	};
};

/**
 * One action: guard (clerks, or admins only), validate, run the service, then redirect with
 * `done` to say what happened. `form` tells the page which form to show the errors on.
 */
async function run<S extends z.ZodObject>(
	{ locals, request }: RequestEvent,
	form: string,
	schema: S,
	write: (actor: Actor, data: z.output<S>) => Promise<unknown>,
	adminOnly = false
) {
	if (adminOnly) requireRole(locals.user, 'admin');
	else requireRole(locals.user, 'clerk', 'admin');
	const formData = await request.formData();
	const back = returnPath(formData.get('return'));
	const parsed = validateForm(formData, schema, { labels: referenceLabels });
	if (!parsed.ok) {
		return fail(400, { form, values: parsed.values, errors: parsed.errors, back });
	}
	let added: unknown;
	try {
		added = await write(actorOf(locals.user), parsed.data);
	} catch (e) {
		if (!(e instanceof InputError)) throw e;
		return fail(400, { form, values: parsed.values, errors: e.errors, back });
	}
	const query = [
		`done=${form}`,
		typeof added === 'number' ? `added=${added}` : null,
		back ? `return=${encodeURIComponent(back)}` : null
	].filter(Boolean);
	redirect(303, localizeHref(`/workspace/reference?${query.join('&')}#${form}`));
}

export const actions: Actions = {
	addPerson: (event) =>
		run(event, 'person', personSchema, (actor, d) => addPerson(db, actor, d.person_name)),

	addOffice: (event) =>
		run(event, 'office', officeSchema, (actor, d) =>
			addOffice(db, actor, { title: d.office_title, organisationId: d.office_organisation_id })
		),

	addOrganisation: (event) =>
		run(event, 'organisation', organisationSchema, (actor, d) =>
			addOrganisation(db, actor, {
				name: d.organisation_name,
				shortName: d.organisation_short_name,
				kind: d.organisation_kind
			})
		),

	addHolding: (event) =>
		run(event, 'holding', holdingSchema, (actor, d) =>
			recordOfficeHolding(db, actor, {
				personId: d.holding_person_id,
				officeId: d.holding_office_id,
				startOn: d.holding_start_on
			})
		),

	retire: (event) =>
		run(
			event,
			'retire',
			retireSchema,
			(actor, d) => retireReference(db, actor, d.retire_kind, d.retire_id),
			true
		),

	merge: (event) =>
		run(
			event,
			'merge',
			mergeSchema,
			(actor, d) => mergeReference(db, actor, d.merge_kind, d.merge_from_id, d.merge_into_id),
			true
		)
};
