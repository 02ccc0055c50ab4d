import { db } from '$lib/server/db/client';
import { listEditableCommittees } from '$lib/server/queries/committees';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	// The access table admits only clerks and admins here, so a user is always present.
	committees: await listEditableCommittees(db, locals.user!)
});
