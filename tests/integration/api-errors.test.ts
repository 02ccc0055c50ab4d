// Every answer under /api/ is JSON in the documented error shape, whoever refused the request,
// and a CORS preflight from another site (to revalidate with If-None-Match) is answered.
import { describe, expect, it } from 'vitest';
import { badRequest, handleApi } from '$lib/server/open-data/http';
import { deny } from '$lib/server/auth/handles';
import { fakeEvent } from './auth-events';

const html = (status: number) =>
	new Response('<!doctype html><title>Not found</title>', {
		status,
		headers: { 'content-type': 'text/html' }
	});

async function answer(href: string, method: string, respond: () => Response | Promise<Response>) {
	const event = fakeEvent(href, { method, headers: { accept: 'text/html' } });
	const response = await handleApi({ event, resolve: async () => respond() });
	return { response, body: response.status === 204 ? null : await response.json() };
}

describe('the API answers programs in JSON', () => {
	it('answers a CORS preflight for a GET with If-None-Match', async () => {
		const event = fakeEvent('/api/v1/commitments', {
			method: 'OPTIONS',
			headers: {
				origin: 'https://other.example',
				'access-control-request-method': 'GET',
				'access-control-request-headers': 'if-none-match'
			}
		});
		const response = await handleApi({ event, resolve: async () => html(405) });
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-methods')).toContain('GET');
		expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
			'if-none-match'
		);
		expect(response.headers.get('access-control-expose-headers')).toContain('ETag');
	});

	it('turns a 404 page for an unknown path into the error shape, with CORS', async () => {
		const { response, body } = await answer('/api/v1/nope', 'GET', () => html(404));
		expect(response.status).toBe(404);
		expect(response.headers.get('content-type')).toMatch(/^application\/json/);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(body).toMatchObject({
			error: 'not_found',
			message: expect.stringContaining('/api/v1/nope')
		});
	});

	it("turns the access table's 405 into the error shape, with Allow", async () => {
		const { response, body } = await answer('/api/v1/commitments', 'DELETE', () =>
			deny(
				fakeEvent('/api/v1/commitments', { method: 'DELETE' }),
				405,
				'DELETE is not allowed here.'
			)
		);
		expect(response.status).toBe(405);
		expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
		expect(body).toMatchObject({ error: 'method_not_allowed' });
	});

	it('answers a failure in JSON without telling what failed', async () => {
		const { response, body } = await answer('/sw/api/v1/committees', 'GET', () => html(500));
		expect(response.status).toBe(500);
		expect(body).toEqual({ error: 'internal_error', message: expect.any(String) });
	});

	it('leaves its own answers and pages outside /api/ as they are', async () => {
		const bad = badRequest('q', 'must have at most 10 words');
		const own = await answer('/api/v1/commitments?q=x', 'GET', () => bad);
		expect(own.response).toBe(bad);
		const event = fakeEvent('/apis', { method: 'GET' });
		const page = html(404);
		expect(await handleApi({ event, resolve: async () => page })).toBe(page);
	});
});
