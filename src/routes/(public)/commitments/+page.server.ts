import { fiscalYearOf, todayInNairobi } from '$lib/domain';
import {
	commitmentQueryToParams,
	EMPTY_COMMITMENT_QUERY,
	parseCommitmentQuery
} from '$lib/domain/commitment-query';
import { db } from '$lib/server/db/client';
import { memoByChange } from '$lib/server/db/memo';
import { searchCommitments } from '$lib/server/queries/commitment-search';
import { listCommitteesWithCounts } from '$lib/server/queries/committees';
import { listExplorerChoices } from '$lib/server/queries/dashboard';
import { listOrganisationsWithCounts } from '$lib/server/queries/organisations';
import { markIndicativeOnly } from '$lib/server/services/money-badge';
import type { PageServerLoad } from './$types';

function fiscalYearsBetween(first: string | null, last: string | null): string[] {
	if (!first || !last) return [];
	const years: string[] = [];
	for (
		let y = Number(fiscalYearOf(last).slice(0, 4));
		y >= Number(fiscalYearOf(first).slice(0, 4));
		y--
	) {
		years.push(`${y}/${String((y + 1) % 100).padStart(2, '0')}`);
	}
	return years;
}

export const load: PageServerLoad = async ({ url }) => {
	const parsed = parseCommitmentQuery(url.searchParams);
	const query = parsed.ok ? parsed.query : EMPTY_COMMITMENT_QUERY;
	const [result, [committees, organisations, choices]] = await Promise.all([
		parsed.ok ? searchCommitments(db, query, todayInNairobi()) : { rows: [], total: 0 },
		// The filters' choices count every published commitment (about 30 ms at 100,000) and are
		// the same for every search: computed once per change to the data.
		memoByChange(db, 'explorer-choices', () =>
			Promise.all([
				listCommitteesWithCounts(db),
				listOrganisationsWithCounts(db),
				listExplorerChoices(db)
			])
		)
	]);
	const commitments = await markIndicativeOnly(db, result.rows);
	const pages = Math.max(1, Math.ceil(result.total / query.pageSize));
	const pageLink = (page: number) => `?${commitmentQueryToParams({ ...query, page })}`;
	return {
		query,
		errors: parsed.ok ? [] : parsed.errors,
		commitments,
		total: result.total,
		pages,
		prev: query.page > 1 ? pageLink(query.page - 1) : null,
		next: query.page < pages ? pageLink(query.page + 1) : null,
		csv: `/data/commitments.csv?${commitmentQueryToParams({ ...query, page: 1 })}`,
		choices: {
			committees: committees.filter((c) => c.published > 0),
			organisations: organisations.filter((o) => o.published > 0),
			tags: choices.tags,
			fiscalYears: fiscalYearsBetween(choices.firstGiven, choices.lastGiven)
		}
	};
};
