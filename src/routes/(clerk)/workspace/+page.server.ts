import { todayInNairobi } from '$lib/domain';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import {
	listDraftCommitments,
	listOverdueCommitments,
	listRecentlyChangedCommitments
} from '$lib/server/queries/workspace-commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const scope = locals.user.role === 'admin' ? null : locals.user.committeeIds;
	const today = todayInNairobi();
	const [drafts, recent, overdue] = await Promise.all([
		listDraftCommitments(db, scope, 10),
		listRecentlyChangedCommitments(db, scope, 8),
		listOverdueCommitments(db, scope, today, 10)
	]);
	return { drafts, recent, overdue };
};
