import { todayInNairobi } from '$lib/domain';
import { CSV_CONTENT_TYPE, csvHeaders, toCsv } from '$lib/server/open-data/csv';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedText } from '$lib/server/open-data/http';
import { commitmentColumns } from '$lib/server/open-data/downloads';
import { parseCommitmentQuery, searchCommitments } from '$lib/server/queries/commitment-search';
import type { RequestHandler } from './$types';

/** Every published commitment matching the explorer's filters; paging is ignored. */
export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseCommitmentQuery(url.searchParams);
	if (!parsed.ok) return badRequestFrom(parsed.errors);
	const { rows } = await searchCommitments(db, parsed.query, todayInNairobi(), { all: true });
	const body = toCsv(commitmentColumns(url.origin), rows);
	return cachedText(request, body, CSV_CONTENT_TYPE, csvHeaders('ahadi-commitments.csv'));
};
