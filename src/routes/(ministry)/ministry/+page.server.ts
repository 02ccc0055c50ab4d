import { todayInNairobi } from '$lib/domain';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listMinistryCommitments } from '$lib/server/queries/ministry';
import { listOrganisationNames } from '$lib/server/queries/ministry';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'ministry');
	const today = todayInNairobi();
	const [commitments, organisations] = await Promise.all([
		listMinistryCommitments(db, locals.user.organisationIds, today),
		listOrganisationNames(db, locals.user.organisationIds)
	]);
	return { commitments, organisations, today };
};
