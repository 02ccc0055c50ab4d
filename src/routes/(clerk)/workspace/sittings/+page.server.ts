import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listWorkspaceSittings } from '$lib/server/queries/workspace-sittings';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 25;

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const scope = locals.user.role === 'admin' ? null : locals.user.committeeIds;
	const requested = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
	const page = Number.isSafeInteger(requested) && requested > 0 ? requested : 1;
	const { rows, total } = await listWorkspaceSittings(db, scope, { page, pageSize: PAGE_SIZE });
	return { sittings: rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
};
