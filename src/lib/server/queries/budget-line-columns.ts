// A budget line as the app names it, from the columns a query selects: one mapping for every
// query that reads lines (the workspace, the import, funding links, the budget page, the API).
import type { BudgetLineIdentity } from '$lib/domain/budget';
import type { EconomicClass } from '../db/schema';

export interface BudgetLineColumns {
	fiscal_year: string;
	vote_code: string;
	vote_name: string;
	programme: string;
	sub_programme: string;
	economic_class: EconomicClass;
}

export function lineIdentityOf(r: BudgetLineColumns): BudgetLineIdentity {
	return {
		fiscalYear: r.fiscal_year,
		voteCode: r.vote_code,
		voteName: r.vote_name,
		programme: r.programme,
		subProgramme: r.sub_programme,
		economicClass: r.economic_class
	};
}
