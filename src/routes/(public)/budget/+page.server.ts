import { isFiscalYearLabel, summariseLine } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { listBudgetLinesWithFigures, listFiscalYears } from '$lib/server/queries/budget';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const years = await listFiscalYears(db);
	const asked = url.searchParams.get('year');
	const year = isFiscalYearLabel(asked) && years.includes(asked) ? asked : years[0];
	const lines = year ? await listBudgetLinesWithFigures(db, { fiscalYear: year }) : [];
	return {
		years,
		year: year ?? null,
		lines: lines.map((line) => ({ ...line, summary: summariseLine(line.figures) }))
	};
};
