import { db } from '$lib/server/db/client';
import {
	countPublishedByDelivery,
	listPublishedCommitments
} from '$lib/server/queries/commitments';
import { withProgressAndOverdue } from '$lib/server/services/commitment-facts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const [byDelivery, list] = await Promise.all([
		countPublishedByDelivery(db),
		listPublishedCommitments(db, { pageSize: 50 })
	]);
	const cards = await withProgressAndOverdue(db, list.rows);
	return {
		total: list.total,
		byDelivery,
		overdue: cards
			.filter((c) => c.daysOverdue !== null)
			.sort((a, b) => (b.daysOverdue ?? 0) - (a.daysOverdue ?? 0)),
		commitments: cards
	};
};
