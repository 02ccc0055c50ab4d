// What an outside sweep found, tried again against the built server: redirects that left the
// site, a cache anyone could keep cold, inline styles in the CSP, HTML answers from the API.
import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { client, demoAccount, formBody, signIn } from './auth-fixtures';

/** A raw request: the path goes out byte for byte (fetch would normalise `\` and dot segments). */
function raw(method: string, path: string, headers: Record<string, string> = {}, body?: string) {
	const url = new URL(DEMO_URL);
	return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
		(resolve, reject) => {
			const req = http.request(
				{ host: url.hostname, port: url.port, method, path, headers },
				(res) => {
					let text = '';
					res.setEncoding('utf8');
					res.on('data', (c: string) => (text += c));
					res.on('end', () =>
						resolve({ status: res.statusCode!, headers: res.headers, body: text })
					);
				}
			);
			req.on('error', reject);
			req.end(body);
		}
	);
}

/** A Location a browser would follow to another host. */
const leavesSite = (location: string | undefined) =>
	location === undefined ? false : new URL(location, DEMO_URL).origin !== new URL(DEMO_URL).origin;

test.describe('redirects stay on this site', () => {
	for (const path of [
		'/en//evil.example/phish',
		'/en/\\evil.example',
		'/en/.//evil.example',
		'/en/%2e%2e//evil.example',
		'/en//\\evil.example',
		'/en/\t/evil.example'.replace('\t', '%09')
	]) {
		test(`GET ${path}`, async () => {
			const res = await raw('GET', path);
			expect(res.status, path).toBeLessThan(500);
			expect(leavesSite(res.headers.location), `${path} → ${res.headers.location}`).toBe(false);
		});
	}

	test('signing in never sends the browser to another site, whatever redirectTo says', async () => {
		const { email, password } = demoAccount('clerkA');
		for (const target of ['/.//evil.example', '/a/..//evil.example', '/%2e%2e//evil.example']) {
			const api = await client();
			const res = await api.post(
				`/login?redirectTo=${encodeURIComponent(target)}`,
				formBody({ email, password })
			);
			expect(res.status(), target).toBe(303);
			const location = res.headers()['location'];
			expect(leavesSite(location), `${target} → ${location}`).toBe(false);
			await api.dispose();
		}
	});
});

test.describe('the shared cache forgets because data changed, not because a request came', () => {
	test('refused requests of every kind leave a cached page cached', async () => {
		const page = '/commitments?sort=title';
		await raw('GET', page);
		expect((await raw('GET', page)).headers['x-cache']).toBe('HIT');
		const refused = [
			await raw('OPTIONS', '/nope'),
			await raw('POST', '/nope', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=1'),
			await raw('DELETE', '/commitments'),
			await raw('POST', '/commitments/DCAIS%2F2025%2F001?/watch', {
				origin: DEMO_URL,
				'content-type': 'application/x-www-form-urlencoded'
			})
		];
		for (const r of refused) expect(r.status).toBeGreaterThanOrEqual(400);
		expect((await raw('GET', page)).headers['x-cache']).toBe('HIT');
	});
});

test.describe('the API answers programs in JSON', () => {
	test('unknown paths and other methods get the error shape, never an HTML page', async () => {
		for (const [method, path, status] of [
			['GET', '/api/v1/nope', 404],
			['DELETE', '/api/v1/commitments', 405],
			['POST', '/api/v1/commitments', 405],
			['GET', '/api/v2/commitments', 404]
		] as const) {
			const res = await raw(method, path, { accept: 'application/json' });
			expect(res.status, `${method} ${path}`).toBe(status);
			expect(res.headers['content-type']).toMatch(/^application\/json/);
			expect(res.headers['access-control-allow-origin']).toBe('*');
			expect(JSON.parse(res.body)).toMatchObject({
				error: status === 404 ? 'not_found' : 'method_not_allowed',
				message: expect.any(String)
			});
			if (status === 405) expect(res.headers.allow).toBe('GET, HEAD, OPTIONS');
		}
	});

	test('a script on another site may revalidate with the ETag it was shown', async () => {
		const preflight = await raw('OPTIONS', '/api/v1/commitments', {
			origin: 'https://other.example',
			'access-control-request-method': 'GET',
			'access-control-request-headers': 'if-none-match'
		});
		expect(preflight.status).toBe(204);
		expect(preflight.headers['access-control-allow-origin']).toBe('*');
		expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toContain(
			'if-none-match'
		);
		const first = await raw('GET', '/api/v1/commitments', { origin: 'https://other.example' });
		const etag = first.headers.etag!;
		expect(first.headers['access-control-expose-headers']).toContain('ETag');
		const again = await raw('GET', '/api/v1/commitments', {
			origin: 'https://other.example',
			'if-none-match': etag
		});
		expect(again.status).toBe(304);
	});
});

/** Every page type, as the person who may see it. */
const PAGES: { path: string; as?: 'mp' | 'clerkA' | 'admin' }[] = [
	{ path: '/' },
	{ path: '/sw' },
	{ path: '/commitments' },
	{ path: '/commitments/DCAIS%2F2025%2F001' },
	{ path: '/committees' },
	{ path: '/budget' },
	{ path: '/data' },
	{ path: '/about' },
	{ path: '/login' },
	{ path: '/no-such-page' },
	{ path: '/briefing', as: 'mp' },
	{ path: '/watchlist', as: 'mp' },
	{ path: '/workspace', as: 'clerkA' },
	{ path: '/admin/users', as: 'admin' },
	{ path: '/account', as: 'admin' }
];

/** Collects the Content-Security-Policy violations the page reports. */
async function violationsOf(page: Page): Promise<string[]> {
	return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

test.describe('the Content-Security-Policy allows nothing unsafe', () => {
	test('no page type, refusal or download sends an unsafe- source', async () => {
		const paths = [
			...PAGES.filter((p) => !p.as).map((p) => p.path),
			'/workspace', // anonymous: sent to sign in
			'/data/commitments.csv',
			'/api/v1/commitments',
			'/feeds/updates.atom'
		];
		for (const path of paths) {
			const res = await raw('GET', path);
			const csp = String(res.headers['content-security-policy'] ?? '');
			expect(csp, path).not.toBe('');
			expect(csp, path).not.toContain('unsafe-');
		}
		// The refusal page the access table answers itself (anonymous write: 401).
		const refusal = await raw('POST', '/workspace/sittings/new', {
			origin: DEMO_URL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		});
		expect(refusal.status).toBe(401);
		expect(String(refusal.headers['content-security-policy'])).not.toContain('unsafe-');
		expect(refusal.body).toContain('<style>');
	});

	test('every page type renders without a single policy violation', async ({ browser }) => {
		test.setTimeout(120_000);
		for (const who of [undefined, 'mp', 'clerkA', 'admin'] as const) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await page.addInitScript(() => {
				const seen: string[] = [];
				(window as unknown as { __csp: string[] }).__csp = seen;
				document.addEventListener('securitypolicyviolation', (e) =>
					seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`)
				);
			});
			if (who) {
				const { email, password } = demoAccount(who);
				await signIn(page, email, password);
			}
			for (const { path } of PAGES.filter((p) => p.as === who)) {
				await page.goto(path);
				await page.waitForLoadState('networkidle');
				expect(await violationsOf(page), `${path} as ${who ?? 'anyone'}`).toEqual([]);
			}
			await context.close();
		}
	});
});
