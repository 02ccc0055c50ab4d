import { db } from '$lib/server/db/client';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user!;
	// Admins work across every committee; clerks see their own.
	const committees = await db
		.selectFrom('committees')
		.select(['id', 'slug', 'name', 'abbreviation'])
		.$if(user.role !== 'admin', (q) =>
			q.where('id', 'in', user.committeeIds.length ? user.committeeIds : [-1])
		)
		.orderBy('name')
		.execute();
	return { committees };
};
