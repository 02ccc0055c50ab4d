// handleForms: hostile form posts get 400/404, never a 500 (cases found by the reliability fuzz).
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { handleForms } from '../../src/lib/server/forms/handle-bodies';
import { fakeEvent } from './auth-events';

/** Runs the handle with a `resolve` that reads the form, as every action does. */
async function post(href: string, request?: Request) {
	const event = fakeEvent(href, { form: { a: '1' } });
	const e = request ? ({ ...event, request } as RequestEvent) : event;
	try {
		return await handleForms({
			event: e,
			resolve: async (ev) => new Response(String([...(await ev.request.formData()).keys()]))
		});
	} catch (err) {
		if (isHttpError(err)) return err.status;
		throw err;
	}
}

describe('handleForms', () => {
	it('answers an action named like an Object.prototype member, or `default`, with 404', async () => {
		for (const name of ['__proto__', 'constructor', 'toString', 'default']) {
			expect(await post(`/workspace/reference?/${name}`), name).toBe(404);
		}
	});

	it('answers a body that is not the form data it claims to be with 400', async () => {
		const broken = new Request('http://127.0.0.1:4173/login', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; boundary=x' },
			body: 'not multipart at all'
		});
		expect(await post('/login', broken)).toBe(400);
	});

	it('lets a good form through untouched', async () => {
		const res = await post('/workspace/reference?/addPerson');
		expect(res).toBeInstanceOf(Response);
		expect(await (res as Response).text()).toBe('a');
	});
});
