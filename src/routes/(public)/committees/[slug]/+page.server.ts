import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db/client';
import { getCommitteeBySlug } from '$lib/server/queries/committees';
import { listPublishedCommitments } from '$lib/server/queries/commitments';
import { withProgressAndOverdue } from '$lib/server/services/commitment-facts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const committee = await getCommitteeBySlug(db, params.slug);
	if (!committee) error(404, 'No committee has this address.');
	const list = await listPublishedCommitments(db, { committeeId: committee.id, pageSize: 200 });
	return { committee, total: list.total, commitments: await withProgressAndOverdue(db, list.rows) };
};
