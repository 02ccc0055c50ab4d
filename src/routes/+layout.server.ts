import type { LayoutServerLoad } from './$types';

// No page runs code in the browser: links and forms are plain HTML, and the charts are drawn on
// the server (src/lib/charts). So no page ships the framework's JavaScript, hydration cannot
// wipe what a reader has already typed, and every page reads the same with JavaScript off.
// A page that one day needs client code can set `csr = true` in its own +page(.server).ts.
export const csr = false;

export const load: LayoutServerLoad = async ({ locals }) => {
	const user = locals.user;
	return { user: user ? { name: user.name, role: user.role } : null };
};
