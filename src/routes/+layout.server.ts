import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return { user: user ? { name: user.name, role: user.role } : null };
};
