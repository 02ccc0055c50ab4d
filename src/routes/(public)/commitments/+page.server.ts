import { db } from '$lib/server/db/client';
import { listPublishedCommitments } from '$lib/server/queries/commitments';
import { withProgressAndOverdue } from '$lib/server/services/commitment-facts';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ url }) => {
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
	const list = await listPublishedCommitments(db, { page, pageSize: PAGE_SIZE });
	const cards = await withProgressAndOverdue(db, list.rows);
	return {
		commitments: cards,
		total: list.total,
		page,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE))
	};
};
