import { db } from '$lib/server/db/client';
import { listCommitteesWithCounts } from '$lib/server/queries/committees';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	committees: await listCommitteesWithCounts(db)
});
