import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedJson } from '$lib/server/open-data/http';
import { toCommitmentItem } from '$lib/server/open-data/serialize';
import { parseCommitmentQuery, searchCommitments } from '$lib/server/queries/commitment-search';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseCommitmentQuery(url.searchParams);
	if (!parsed.ok) return badRequestFrom(parsed.errors);
	const { page, pageSize } = parsed.query;
	const { rows, total } = await searchCommitments(db, parsed.query, todayInNairobi());
	return cachedJson(request, {
		data: rows.map((r) => toCommitmentItem(r, url.origin)),
		page,
		pageSize,
		total
	});
};
