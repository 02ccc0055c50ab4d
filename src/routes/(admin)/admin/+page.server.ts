import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listAuditEntries } from '$lib/server/queries/audit';
import { listUsers } from '$lib/server/queries/users';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'admin');
	const [users, audit] = await Promise.all([
		listUsers(db, { pageSize: 1 }),
		listAuditEntries(db, {}, { pageSize: 5 })
	]);
	return {
		userCount: users.total,
		recent: audit.rows.map(({ id, at, actor, action, entity, entityId }) => ({
			id,
			at,
			actor,
			action,
			entity,
			entityId
		}))
	};
};
