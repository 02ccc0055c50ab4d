import { parseBudgetLineQuery } from '$lib/domain/budget-query';
import { CSV_CONTENT_TYPE, csvHeaders, toCsv } from '$lib/server/open-data/csv';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedText } from '$lib/server/open-data/http';
import { PHASE_COLUMNS, phaseRows } from '$lib/server/open-data/fiscal-data-package';
import { searchBudgetLines } from '$lib/server/queries/budget-lines';
import type { RequestHandler } from './$types';

/** The Fiscal Data Package resource: one row per line and date, one column per phase. */
export const GET: RequestHandler = async ({ url, request }) => {
	const parsed = parseBudgetLineQuery(url.searchParams);
	if (!parsed.ok) return badRequestFrom(parsed.errors);
	const { lines } = await searchBudgetLines(db, parsed.query, { all: true });
	const body = toCsv(PHASE_COLUMNS, phaseRows(lines));
	return cachedText(request, body, CSV_CONTENT_TYPE, csvHeaders('ahadi-budget-phases.csv'));
};
