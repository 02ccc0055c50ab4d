import { isVisibility } from '$lib/domain';
import { canEditCommittee, requireRole } from '$lib/server/auth/access';
import { parseId } from '$lib/server/auth/scope';
import { db } from '$lib/server/db/client';
import { listWorkspaceCommitments } from '$lib/server/queries/workspace-commitments';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const scope = locals.user.role === 'admin' ? null : locals.user.committeeIds;
	const q = url.searchParams;
	// Unknown or out-of-scope filter values are dropped rather than refused: it is a GET form.
	const committeeId = parseId(q.get('committee') ?? '') ?? undefined;
	const committee =
		committeeId !== undefined && canEditCommittee(locals.user, committeeId)
			? committeeId
			: undefined;
	const visibilityParam = q.get('visibility');
	const visibility = isVisibility(visibilityParam) ? visibilityParam : undefined;
	const requested = Number.parseInt(q.get('page') ?? '1', 10);
	const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;

	const { rows, total } = await listWorkspaceCommitments(db, scope, {
		page,
		pageSize: PAGE_SIZE,
		committeeId: committee,
		visibility
	});
	const filters = new URLSearchParams();
	if (committee !== undefined) filters.set('committee', String(committee));
	if (visibility) filters.set('visibility', visibility);
	return {
		commitments: rows,
		total,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		filter: {
			committee: committee === undefined ? '' : String(committee),
			visibility: visibility ?? ''
		},
		query: filters.toString()
	};
};
