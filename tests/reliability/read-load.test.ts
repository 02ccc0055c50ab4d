// Read load: many concurrent readers on the public pages, the open-data API, downloads and
// feeds, for a bounded time (autocannon). Every answer must be a 2xx: no errors, no timeouts.
import autocannon from 'autocannon';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freshDemoDb } from './helpers/db';
import { startServer, type Server } from './helpers/server';

const PORT = 5441;
const CONNECTIONS = 50;
const DURATION_S = 10;

const PATHS = [
	'/',
	'/commitments',
	'/commitments?status=overdue&sort=due',
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
let server: Server;

beforeAll(async () => {
	server = await startServer({ port: PORT, dbFile });
});
afterAll(async () => {
	await server?.stop();
});

describe('read load', () => {
	test(`${CONNECTIONS} concurrent readers for ${DURATION_S} s: every answer is a 2xx`, async () => {
		const result = await autocannon({
			url: server.url,
			connections: CONNECTIONS,
			duration: DURATION_S,
			timeout: 10,
			requests: PATHS.map((path) => ({ method: 'GET', path }))
		});
		console.log(
			`read load: ${result.requests.total} requests in ${result.duration} s (${Math.round(result.requests.average)} req/s), latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`
		);
		expect(result.errors).toBe(0);
		expect(result.timeouts).toBe(0);
		expect(result.non2xx).toBe(0);
		expect(result['2xx']).toBeGreaterThan(100);
		// Still serving afterwards.
		expect((await fetch(`${server.url}/api/v1/committees`)).status).toBe(200);
	});
});
