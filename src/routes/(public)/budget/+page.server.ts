import { summariseLine } from '$lib/domain';
import { parseBudgetLineQuery } from '$lib/domain/budget-query';
import { db } from '$lib/server/db/client';
import { listFiscalYears } from '$lib/server/queries/budget';
import { searchBudgetLines } from '$lib/server/queries/budget-lines';
import type { PageServerLoad } from './$types';

const BUDGET_PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ url }) => {
	const years = await listFiscalYears(db);
	const params = new URLSearchParams(url.searchParams);
	// The page's own short name for the year, kept for old links.
	if (params.has('year') && !params.has('fiscalYear'))
		params.set('fiscalYear', params.get('year')!);
	params.delete('year');
	if (!params.has('fiscalYear') && years[0]) params.set('fiscalYear', years[0]);
	// A phone-sized page of lines, with previous and next links: a year has thousands of lines.
	if (!params.has('pageSize')) params.set('pageSize', String(BUDGET_PAGE_SIZE));
	const parsed = parseBudgetLineQuery(params);
	// What was asked, as typed: the form keeps it when the query is refused.
	const asked = {
		fiscalYear: params.get('fiscalYear') ?? '',
		vote: params.get('vote') ?? '',
		programme: params.get('programme') ?? ''
	};
	if (!parsed.ok) {
		return {
			years,
			asked,
			query: null,
			errors: parsed.errors,
			lines: [],
			total: 0,
			prev: null,
			next: null
		};
	}
	const query = parsed.query;
	const { lines, total } = await searchBudgetLines(db, query);
	const pages = Math.max(1, Math.ceil(total / query.pageSize));
	const pageLink = (page: number) => {
		const link = new URLSearchParams(params);
		link.set('page', String(page));
		if (query.pageSize === BUDGET_PAGE_SIZE) link.delete('pageSize');
		return `?${link}`;
	};
	return {
		years,
		asked,
		query,
		errors: [],
		total,
		pages,
		prev: query.page > 1 ? pageLink(query.page - 1) : null,
		next: query.page < pages ? pageLink(query.page + 1) : null,
		lines: lines.map((line) => ({ ...line, summary: summariseLine(line.figures) }))
	};
};
