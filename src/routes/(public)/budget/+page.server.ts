import { summariseLine } from '$lib/domain';
import { parseBudgetLineQuery } from '$lib/domain/budget-query';
import { db } from '$lib/server/db/client';
import { listFiscalYears } from '$lib/server/queries/budget';
import { searchBudgetLines } from '$lib/server/queries/budget-lines';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const years = await listFiscalYears(db);
	const params = new URLSearchParams(url.searchParams);
	// The page's own short name for the year, kept for old links.
	if (params.has('year') && !params.has('fiscalYear'))
		params.set('fiscalYear', params.get('year')!);
	params.delete('year');
	if (!params.has('fiscalYear') && years[0]) params.set('fiscalYear', years[0]);
	if (!params.has('pageSize')) params.set('pageSize', '100');
	const parsed = parseBudgetLineQuery(params);
	if (!parsed.ok) return { years, query: null, errors: parsed.errors, lines: [], total: 0 };
	const { lines, total } = await searchBudgetLines(db, parsed.query);
	return {
		years,
		query: parsed.query,
		errors: [],
		total,
		lines: lines.map((line) => ({ ...line, summary: summariseLine(line.figures) }))
	};
};
