import { error } from '@sveltejs/kit';
import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { getCommitteeBySlug } from '$lib/server/queries/committees';
import { loadScorecard } from '$lib/server/services/scorecard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const committee = await getCommitteeBySlug(db, params.slug);
	if (!committee) error(404, 'No committee has this address.');
	return { committee, ...(await loadScorecard(db, 'committee', params.slug, todayInNairobi())) };
};
