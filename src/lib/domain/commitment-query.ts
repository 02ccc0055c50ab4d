// The explorer's filters, sort and page as one value, read from (and written back to) the query
// string. The open data API takes exactly the same parameters, so a page of the explorer and
// `/api/v1/commitments?<same query>` always agree. Pure: safe in the browser.
import {
	DEFAULT_PAGE_SIZE,
	readBoolean,
	readChoice,
	readDate,
	readFiscalYear,
	readList,
	readPaging,
	readSlugs,
	readText,
	type ParsedQuery,
	type ParamError
} from './query-params';
import {
	DELIVERY_STATUSES,
	FUNDING_STATUSES,
	PROCEDURAL_STATUSES,
	isDeliveryStatus,
	isFundingStatus,
	isProceduralStatus,
	type DeliveryStatus,
	type FundingStatus,
	type ProceduralStatus
} from './status';

export type { ParamError, ParsedQuery };

/** `-` means descending; `overdue` puts overdue commitments first, longest overdue first. */
export const COMMITMENT_SORTS = [
	'-given',
	'given',
	'due',
	'-due',
	'title',
	'-title',
	'overdue',
	'-updated'
] as const;
export type CommitmentSort = (typeof COMMITMENT_SORTS)[number];
export const DEFAULT_COMMITMENT_SORT: CommitmentSort = '-given';

export interface CommitmentQuery {
	/** Words that must all appear in the title, summary or quote (case-insensitive). */
	q: string | null;
	committee: string[];
	organisation: string[];
	tag: string[];
	deliveryStatus: DeliveryStatus[];
	proceduralStatus: ProceduralStatus[];
	fundingStatus: FundingStatus[];
	overdue: boolean | null;
	/** Fiscal year of the date the commitment was given, e.g. '2024/25'. */
	fiscalYear: string | null;
	givenFrom: string | null;
	givenTo: string | null;
	sort: CommitmentSort;
	page: number;
	pageSize: number;
}

export const EMPTY_COMMITMENT_QUERY: Readonly<CommitmentQuery> = Object.freeze({
	q: null,
	committee: [],
	organisation: [],
	tag: [],
	deliveryStatus: [],
	proceduralStatus: [],
	fundingStatus: [],
	overdue: null,
	fiscalYear: null,
	givenFrom: null,
	givenTo: null,
	sort: DEFAULT_COMMITMENT_SORT,
	page: 1,
	pageSize: DEFAULT_PAGE_SIZE
});

/** Every parameter name the commitment query reads; anything else is ignored. */
export const COMMITMENT_QUERY_PARAMS = [
	'q',
	'committee',
	'organisation',
	'tag',
	'deliveryStatus',
	'proceduralStatus',
	'fundingStatus',
	'overdue',
	'fiscalYear',
	'givenFrom',
	'givenTo',
	'sort',
	'page',
	'pageSize'
] as const;

/** A search matches records holding every one of at most this many words. */
export const MAX_SEARCH_WORDS = 10;

/** The words of a search, each to be matched; more than MAX_SEARCH_WORDS is refused by name. */
export function searchWords(q: string | null): string[] {
	return q ? q.split(' ').filter(Boolean) : [];
}

function readSearchWords(params: URLSearchParams, name: string, errors: ParamError[]) {
	const text = readText(params, name, errors);
	if (searchWords(text).length > MAX_SEARCH_WORDS) {
		errors.push({ param: name, message: `must have at most ${MAX_SEARCH_WORDS} words` });
		return null;
	}
	return text;
}

/**
 * Reads the filters from a query string. Each bad parameter is reported by name; unknown
 * parameters are ignored so that links carrying tracking or UI-only parameters still work.
 */
export function parseCommitmentQuery(params: URLSearchParams): ParsedQuery<CommitmentQuery> {
	const errors: ParamError[] = [];
	const query: CommitmentQuery = {
		q: readSearchWords(params, 'q', errors),
		committee: readSlugs(params, 'committee', errors),
		organisation: readSlugs(params, 'organisation', errors),
		tag: readSlugs(params, 'tag', errors),
		deliveryStatus: readList(
			params,
			'deliveryStatus',
			isDeliveryStatus,
			DELIVERY_STATUSES.join(', '),
			errors
		),
		proceduralStatus: readList(
			params,
			'proceduralStatus',
			isProceduralStatus,
			PROCEDURAL_STATUSES.join(', '),
			errors
		),
		fundingStatus: readList(
			params,
			'fundingStatus',
			isFundingStatus,
			FUNDING_STATUSES.join(', '),
			errors
		),
		overdue: readBoolean(params, 'overdue', errors),
		fiscalYear: readFiscalYear(params, 'fiscalYear', errors),
		givenFrom: readDate(params, 'givenFrom', errors),
		givenTo: readDate(params, 'givenTo', errors),
		sort: readChoice(params, 'sort', COMMITMENT_SORTS, DEFAULT_COMMITMENT_SORT, errors),
		...readPaging(params, errors)
	};
	if (query.givenFrom && query.givenTo && query.givenTo < query.givenFrom) {
		errors.push({ param: 'givenTo', message: 'must not be before givenFrom' });
	}
	return errors.length > 0 ? { ok: false, errors } : { ok: true, query };
}

/**
 * The query string for a query, leaving out defaults, so that links (next page, a filter
 * removed) stay short and round-trip through parseCommitmentQuery unchanged.
 */
export function commitmentQueryToParams(query: Partial<CommitmentQuery>): URLSearchParams {
	const q = { ...EMPTY_COMMITMENT_QUERY, ...query };
	const params = new URLSearchParams();
	if (q.q) params.set('q', q.q);
	for (const name of [
		'committee',
		'organisation',
		'tag',
		'deliveryStatus',
		'proceduralStatus',
		'fundingStatus'
	] as const) {
		for (const v of q[name]) params.append(name, v);
	}
	if (q.overdue !== null) params.set('overdue', String(q.overdue));
	if (q.fiscalYear) params.set('fiscalYear', q.fiscalYear);
	if (q.givenFrom) params.set('givenFrom', q.givenFrom);
	if (q.givenTo) params.set('givenTo', q.givenTo);
	if (q.sort !== DEFAULT_COMMITMENT_SORT) params.set('sort', q.sort);
	if (q.page !== 1) params.set('page', String(q.page));
	if (q.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(q.pageSize));
	return params;
}

/** The public page of a commitment; refs contain slashes, so the ref is one encoded segment. */
export function commitmentPath(ref: string): string {
	return `/commitments/${encodeURIComponent(ref)}`;
}
