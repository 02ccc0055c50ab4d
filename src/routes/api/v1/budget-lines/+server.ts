import { parseBudgetLineQuery } from '$lib/domain/budget-query';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedJson } from '$lib/server/open-data/http';
import { toBudgetLine } from '$lib/server/open-data/serialize';
import { searchBudgetLines } from '$lib/server/queries/budget-lines';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseBudgetLineQuery(url.searchParams);
	if (!parsed.ok) return badRequestFrom(parsed.errors);
	const { page, pageSize } = parsed.query;
	const { lines, total } = await searchBudgetLines(db, parsed.query);
	return cachedJson(request, {
		data: lines.map((line) => toBudgetLine(line, url.origin)),
		page,
		pageSize,
		total
	});
};
