import { commitmentPath } from '$lib/domain/commitment-query';
import { ATOM_CONTENT_TYPE } from '$lib/server/open-data/atom';
import { db } from '$lib/server/db/client';
import { cachedText, notFound } from '$lib/server/open-data/http';
import { FEED_LIMIT, updatesFeed } from '$lib/server/open-data/feeds';
import { findPublicCommitment } from '$lib/server/queries/commitment-search';
import { listPublishedUpdates } from '$lib/server/queries/updates';
import { todayInNairobi } from '$lib/domain';
import { listRecentPublications } from '$lib/server/queries/public-commitments';
import { listRecentSubmissions } from '$lib/server/queries/ministry';
import type { RequestHandler } from './$types';

// The reference is one URL-encoded segment: /feeds/commitments/DCAIS%2F2025%2F001.atom
export const GET: RequestHandler = async ({ params, url, request }) => {
	const c = await findPublicCommitment(db, params.ref, todayInNairobi());
	// Drafts and unknown references answer alike.
	if (!c) return notFound('No published commitment has this reference.');
	const [updates, submissions, publications] = await Promise.all([
		listPublishedUpdates(db, { commitmentId: c.id }),
		listRecentSubmissions(db, { commitmentId: c.id, limit: FEED_LIMIT }),
		listRecentPublications(db, { commitmentId: c.id, limit: FEED_LIMIT })
	]);
	const body = updatesFeed(url, {
		title: `Ahadi: ${c.ref} ${c.title}`,
		subtitle: `Every update to undertaking ${c.ref}, given to the ${c.committee.name}, and what the ministry sent`,
		alternatePath: commitmentPath(c.ref),
		updates,
		submissions,
		publications
	});
	return cachedText(request, body, ATOM_CONTENT_TYPE);
};
