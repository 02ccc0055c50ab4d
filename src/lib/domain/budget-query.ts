// Filters of the budget lines API and the budget downloads, read from the query string.
import {
	readFiscalYear,
	readList,
	readPaging,
	readText,
	type ParamError,
	type ParsedQuery
} from './query-params';

export interface BudgetLineQuery {
	fiscalYear: string | null;
	/** Vote codes, e.g. '1021'. */
	vote: string[];
	/** Case-insensitive words to find in the programme or sub-programme name. */
	programme: string | null;
	page: number;
	pageSize: number;
}

const VOTE_CODE = /^[A-Za-z0-9][A-Za-z0-9./-]{0,19}$/;

function isVoteCode(x: unknown): x is string {
	return typeof x === 'string' && VOTE_CODE.test(x);
}

export function parseBudgetLineQuery(params: URLSearchParams): ParsedQuery<BudgetLineQuery> {
	const errors: ParamError[] = [];
	const query: BudgetLineQuery = {
		fiscalYear: readFiscalYear(params, 'fiscalYear', errors),
		vote: readList(params, 'vote', isVoteCode, "vote codes such as '1021'", errors),
		programme: readText(params, 'programme', errors),
		...readPaging(params, errors)
	};
	return errors.length > 0 ? { ok: false, errors } : { ok: true, query };
}
