import { parseBudgetLineQuery } from '$lib/domain/budget-query';
import { CSV_CONTENT_TYPE, csvHeaders, toCsv } from '$lib/server/open-data/csv';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedText } from '$lib/server/open-data/http';
import { FIGURE_COLUMNS, figureRows } from '$lib/server/open-data/fiscal-data-package';
import { searchBudgetLines } from '$lib/server/queries/budget-lines';
import type { RequestHandler } from './$types';

/** One row per budget figure, with its phase, Fiscal Data Package phase and source. */
export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseBudgetLineQuery(url.searchParams);
	if (!parsed.ok) return badRequestFrom(parsed.errors);
	const { lines } = await searchBudgetLines(db, parsed.query, { all: true });
	const body = toCsv(FIGURE_COLUMNS, figureRows(lines));
	return cachedText(request, body, CSV_CONTENT_TYPE, csvHeaders('ahadi-budget-figures.csv'));
};
