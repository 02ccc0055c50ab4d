import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { cachedJson, notFound } from '$lib/server/open-data/http';
import { toCommitmentDetail } from '$lib/server/open-data/serialize';
import { findPublicCommitment } from '$lib/server/queries/commitment-search';
import { getPublishedCommitment } from '$lib/server/queries/public-commitments';
import { listCommitmentSubmissions } from '$lib/server/queries/ministry';
import type { RequestHandler } from './$types';

const NOT_FOUND = 'No published commitment has this reference.';

// A rest parameter, because references contain slashes: both /commitments/DCAIS%2F2025%2F001
// and /commitments/DCAIS/2025/001 arrive here as 'DCAIS/2025/001'.
export const GET: RequestHandler = async ({ params, url, request }) => {
	const ref = params.ref;
	if (ref === '' || ref.length > 100) return notFound(NOT_FOUND);
	const [item, story] = await Promise.all([
		findPublicCommitment(db, ref, todayInNairobi()),
		getPublishedCommitment(db, ref)
	]);
	// Drafts and unknown references answer alike, so a draft's existence does not leak.
	if (!item || !story) return notFound(NOT_FOUND);
	const submissions = await listCommitmentSubmissions(db, story.id);
	return cachedJson(request, { data: toCommitmentDetail(item, story, url.origin, submissions) });
};
