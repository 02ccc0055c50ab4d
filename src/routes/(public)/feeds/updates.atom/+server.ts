import { ATOM_CONTENT_TYPE } from '$lib/server/open-data/atom';
import { db } from '$lib/server/db/client';
import { cachedText } from '$lib/server/open-data/http';
import { FEED_LIMIT, updatesFeed } from '$lib/server/open-data/feeds';
import { listPublishedUpdates } from '$lib/server/queries/updates';
import { listRecentPublications } from '$lib/server/queries/public-commitments';
import { listRecentSubmissions } from '$lib/server/queries/ministry';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const [updates, submissions, publications] = await Promise.all([
		listPublishedUpdates(db, { limit: FEED_LIMIT }),
		listRecentSubmissions(db, { limit: FEED_LIMIT }),
		listRecentPublications(db, { limit: FEED_LIMIT })
	]);
	const body = updatesFeed(url, {
		title: 'Ahadi: updates to parliamentary undertakings',
		subtitle:
			'Status changes, new due dates, evidence and ministries’ submissions for every published commitment',
		alternatePath: '/commitments',
		updates,
		submissions,
		publications
	});
	return cachedText(request, body, ATOM_CONTENT_TYPE);
};
