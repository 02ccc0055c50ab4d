// Hostile form posts are the client's error, never a 500. SvelteKit itself answers a missing
// action with 404 and a wrong content type with 415, but not these two cases (found by the
// reliability fuzz, tests/reliability/hostile-input.test.ts):
//  - `?/__proto__` (any Object.prototype member) passes its `actions[name]` lookup and fails
//    as "action is not a function"; `?/default` throws "reserved action name";
//  - a body that says multipart or urlencoded but is not makes `request.formData()` throw a
//    TypeError inside the action.
import { error, type Handle } from '@sveltejs/kit';

const NOT_ACTIONS = new Set(['default', ...Object.getOwnPropertyNames(Object.prototype)]);

function actionName(url: URL): string | null {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
	return null;
}

export const handleForms: Handle = async ({ event, resolve }) => {
	if (event.request.method !== 'POST') return resolve(event);
	const name = actionName(event.url);
	if (name !== null && NOT_ACTIONS.has(name)) error(404, 'No such action.');
	const request = event.request;
	const read = request.formData.bind(request);
	request.formData = async () => {
		try {
			return await read();
		} catch (e) {
			if (e instanceof TypeError) error(400, 'The form data could not be read.');
			throw e;
		}
	};
	return resolve(event);
};
