import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listInbox } from '$lib/server/queries/ministry';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals.user, 'clerk', 'admin');
	const user = locals.user;
	const submissions = await listInbox(db, user.role === 'admin' ? 'all' : user.committeeIds);
	return {
		awaiting: submissions.filter((s) => s.state === 'sent'),
		decided: submissions.filter((s) => s.state === 'decided').slice(0, 50)
	};
};
