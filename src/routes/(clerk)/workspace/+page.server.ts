import { daysOverdue, todayInNairobi } from '$lib/domain';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listGrantedExtensions } from '$lib/server/queries/commitments';
import {
	listDraftCommitments,
	listPastDueCommitments,
	listRecentlyChangedCommitments
} from '$lib/server/queries/workspace-commitments';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const scope = locals.user.role === 'admin' ? null : locals.user.committeeIds;
	const today = todayInNairobi();
	const [drafts, recent, pastDue] = await Promise.all([
		listDraftCommitments(db, scope, 10),
		listRecentlyChangedCommitments(db, scope, 8),
		listPastDueCommitments(db, scope, today, 50)
	]);
	// A granted extension that still runs keeps a commitment off the overdue list.
	const extensions = await listGrantedExtensions(
		db,
		pastDue.map((c) => c.id)
	);
	const overdue = pastDue
		.map((c) => ({
			...c,
			daysLate: daysOverdue(
				{
					dueOn: c.dueOn,
					deliveryStatus: c.deliveryStatus,
					grantedExtensionsUntil: extensions
						.filter((e) => e.commitmentId === c.id)
						.map((e) => e.grantedUntil)
				},
				today
			)
		}))
		.filter((c) => c.daysLate !== null)
		.slice(0, 10);
	return { drafts, recent, overdue };
};
