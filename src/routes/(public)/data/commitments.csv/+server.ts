import { todayInNairobi } from '$lib/domain';
import { CSV_CONTENT_TYPE, csvHeaders, toCsv } from '$lib/server/open-data/csv';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedText } from '$lib/server/open-data/http';
import { commitmentColumns, fundingByCommitment } from '$lib/server/open-data/downloads';
import { parseCommitmentQuery, searchCommitments } from '$lib/server/queries/commitment-search';
import { listFundingForCommitments } from '$lib/server/queries/public-commitments';
import type { RequestHandler } from './$types';

/** Every published commitment matching the explorer's filters; paging is ignored. */
export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseCommitmentQuery(url.searchParams);
	if (!parsed.ok) return badRequestFrom(parsed.errors);
	const { rows } = await searchCommitments(db, parsed.query, todayInNairobi(), { all: true });
	// In chunks: a query's bound parameters are limited (SQLite 32,766, PostgreSQL 65,535).
	const ids = rows.map((r) => r.id);
	const links = [];
	for (let i = 0; i < ids.length; i += 1_000) {
		links.push(...(await listFundingForCommitments(db, ids.slice(i, i + 1_000))));
	}
	const funding = fundingByCommitment(links);
	const body = toCsv(commitmentColumns(url.origin, funding), rows);
	return cachedText(request, body, CSV_CONTENT_TYPE, csvHeaders('ahadi-commitments.csv'));
};
