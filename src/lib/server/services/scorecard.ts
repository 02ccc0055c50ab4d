// A committee's or an organisation's page: its scorecard and its published commitments, in a
// fixed number of queries.
import type { Kysely } from 'kysely';
import { EMPTY_COMMITMENT_QUERY } from '$lib/domain/commitment-query';
import type { DB } from '../db/schema';
import { searchCommitments } from '../queries/commitment-search';
import { replyFigures } from '$lib/domain';
import { countByGroup } from '../queries/dashboard';
import { listReplyFacts } from '../queries/ministry';
import { markIndicativeOnly } from './money-badge';

export async function loadScorecard(
	db: Kysely<DB>,
	by: 'committee' | 'organisation',
	slug: string,
	today: string
) {
	const [groups, result, replies] = await Promise.all([
		countByGroup(db, by, today),
		searchCommitments(
			db,
			{ ...EMPTY_COMMITMENT_QUERY, [by]: [slug], sort: 'overdue', pageSize: 200 },
			today
		),
		listReplyFacts(db, { by, slug })
	]);
	const counts = groups.find((g) => g.slug === slug) ?? null;
	return {
		counts,
		replies: replyFigures(replies, today),
		commitments: await markIndicativeOnly(db, result.rows),
		total: result.total
	};
}
