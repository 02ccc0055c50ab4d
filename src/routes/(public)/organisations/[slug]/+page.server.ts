import { error } from '@sveltejs/kit';
import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { getOrganisationBySlug } from '$lib/server/queries/organisations';
import { loadScorecard } from '$lib/server/services/scorecard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const organisation = await getOrganisationBySlug(db, params.slug);
	if (!organisation) error(404, 'No organisation has this address.');
	return {
		organisation,
		...(await loadScorecard(db, 'organisation', params.slug, todayInNairobi()))
	};
};
