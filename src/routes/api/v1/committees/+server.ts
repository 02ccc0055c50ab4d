import { db } from '$lib/server/db/client';
import { cachedJson } from '$lib/server/open-data/http';
import { toCommittee } from '$lib/server/open-data/serialize';
import { listCommitteesWithCounts } from '$lib/server/queries/committees';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const committees = await listCommitteesWithCounts(db);
	return cachedJson(request, {
		data: committees.map((k) => toCommittee(k, url.origin)),
		total: committees.length
	});
};
