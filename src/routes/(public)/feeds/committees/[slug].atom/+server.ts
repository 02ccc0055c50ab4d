import { ATOM_CONTENT_TYPE } from '$lib/server/open-data/atom';
import { db } from '$lib/server/db/client';
import { cachedText, notFound } from '$lib/server/open-data/http';
import { FEED_LIMIT, updatesFeed } from '$lib/server/open-data/feeds';
import { getCommitteeBySlug } from '$lib/server/queries/committees';
import { listPublishedUpdates } from '$lib/server/queries/updates';
import { listRecentPublications } from '$lib/server/queries/public-commitments';
import { listRecentSubmissions } from '$lib/server/queries/ministry';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request }) => {
	const committee = await getCommitteeBySlug(db, params.slug);
	if (!committee) return notFound('No committee has this address.');
	const [updates, submissions, publications] = await Promise.all([
		listPublishedUpdates(db, { committeeId: committee.id, limit: FEED_LIMIT }),
		listRecentSubmissions(db, { committeeId: committee.id, limit: FEED_LIMIT }),
		listRecentPublications(db, { committeeId: committee.id, limit: FEED_LIMIT })
	]);
	const body = updatesFeed(url, {
		title: `Ahadi: ${committee.name}`,
		subtitle: `Updates to undertakings given to the ${committee.name}`,
		alternatePath: `/committees/${committee.slug}`,
		updates,
		submissions,
		publications
	});
	return cachedText(request, body, ATOM_CONTENT_TYPE);
};
