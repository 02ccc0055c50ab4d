// Requests anyone may send that change nothing (a POST to a path that does not exist, an
// OPTIONS, a form post without the site's Origin): sent at a steady rate while a cached page is
// measured, to show the shared cache stays warm under them. Loopback only, bounded in time.
import http from 'node:http';

const REFUSED = [
	{ method: 'POST', path: '/nope', body: 'a=1' },
	{ method: 'OPTIONS', path: '/commitments' },
	{ method: 'POST', path: '/login', body: 'email=x%40x.example' }, // no Origin: 403
	{ method: 'DELETE', path: '/commitments' }
];

/**
 * Sends `perSecond` refused requests a second to `base` (127.0.0.1) until stopped or `maxMs`
 * passed. Resolves, once stopped, with how many were sent and how many answered 2xx/3xx
 * (there should be none: they are refused).
 * @param {string} base
 * @param {number} perSecond
 * @param {number} maxMs
 */
export function sendRefused(base, perSecond, maxMs) {
	const url = new URL(base);
	if (url.hostname !== '127.0.0.1') throw new Error('refused requests go to 127.0.0.1 only');
	const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
	let sent = 0;
	let accepted = 0;
	let inFlight = 0;
	const started = Date.now();
	const timer = setInterval(() => {
		if (Date.now() - started > maxMs) return stop();
		const { method, path, body } = REFUSED[sent % REFUSED.length];
		sent += 1;
		inFlight += 1;
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				method,
				path,
				agent,
				headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}
			},
			(res) => {
				if (res.statusCode < 400) accepted += 1;
				res.resume();
				res.on('end', () => (inFlight -= 1));
			}
		);
		req.on('error', () => (inFlight -= 1));
		req.end(body);
	}, 1000 / perSecond);
	let stopped = false;
	function stop() {
		if (stopped) return;
		stopped = true;
		clearInterval(timer);
	}
	return {
		/** @returns {Promise<{ sent: number, accepted: number, seconds: number }>} */
		async stop() {
			stop();
			const deadline = Date.now() + 10_000;
			while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
			agent.destroy();
			return { sent, accepted, seconds: (Date.now() - started) / 1000 };
		}
	};
}
