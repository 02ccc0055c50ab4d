// The List-Unsubscribe link of every message to a follower. A mail client's one-click request
// (RFC 8058: POST with `List-Unsubscribe=One-Click`) and the page's own button both post here
// and stop all mail to the address; opening the link (GET) only shows the button. The answer
// is the same whatever the address followed.
import { fail } from '@sveltejs/kit';
import { db } from '$lib/server/db/client';
import { unsubscribe } from '$lib/server/services/alert-follow';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	return {};
};

export const actions: Actions = {
	default: async ({ params, request }) => {
		const body = await request.formData();
		if (body.get('List-Unsubscribe') !== 'One-Click') return fail(400, { invalid: true });
		if (!(await unsubscribe(db, params.token, null))) return fail(404, { invalid: true });
		return { done: true };
	}
};
