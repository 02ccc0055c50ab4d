// Read load: many concurrent readers on the public pages, the open-data API, downloads and
// feeds, for a bounded time (autocannon). Every answer must be a 2xx: no errors, no timeouts.
// Once with the shared cache off, so that every request is rendered by the app (with it on,
// repeated URLs are answered by server/cache.js alone), and once as in production.
import autocannon from 'autocannon';
import { afterEach, describe, expect, test } from 'vitest';
import { freshDemoDb } from './helpers/db';
import { startServer, type Server } from './helpers/server';

const PORT = 5441;
const CONNECTIONS = 50;
/**
 * Rendered pages are CPU-bound in one Node process (about 15 ms each on 2 busy cores): more
 * connections only lengthen the queue each request waits in, up to the 10 s timeout.
 */
const RENDER_CONNECTIONS = 8;
const DURATION_S = 10;

const PATHS = [
	'/',
	'/commitments',
	'/commitments?overdue=true&sort=due',
	'/commitments?q=police&deliveryStatus=off_track,with_challenges&sort=title',
	'/commitments/DCAIS%2F2025%2F001',
	'/committees',
	'/committees/administration-internal-security',
	'/budget',
	'/sw/commitments',
	'/api/v1/commitments',
	'/api/v1/commitments/DCAIS/2025/001',
	'/api/v1/budget-lines',
	'/data/commitments.csv',
	'/feeds/updates.atom'
];

const dbFile = freshDemoDb('read-load');
let server: Server | undefined;

afterEach(async () => {
	await server?.stop();
	server = undefined;
});

describe('read load', () => {
	test.each([
		['readers, every page rendered by the app (cache off)', 'off', RENDER_CONNECTIONS, DURATION_S],
		['readers, as in production (cache on)', 'on', CONNECTIONS, 5]
	] as const)('%s: every answer is a 2xx', async (_, cache, connections, seconds) => {
		server = await startServer({ port: PORT, dbFile, env: { AHADI_CACHE: cache } });
		// Every path answers 200 on its own first: none is refused (e.g. a query string).
		for (const path of PATHS) {
			expect((await fetch(server.url + path)).status, path).toBe(200);
		}
		const result = await autocannon({
			url: server.url,
			connections,
			duration: seconds,
			timeout: 10,
			requests: PATHS.map((path) => ({ method: 'GET', path }))
		});
		console.log(
			`read load, ${connections} connections, cache ${cache}: ${result.requests.total} requests in ${result.duration} s (${Math.round(result.requests.average)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`
		);
		expect(result.errors).toBe(0);
		expect(result.timeouts).toBe(0);
		expect(result.non2xx).toBe(0);
		expect(result['2xx']).toBeGreaterThan(100);
		// Still serving afterwards.
		expect((await fetch(`${server.url}/api/v1/committees`)).status).toBe(200);
	});
});
