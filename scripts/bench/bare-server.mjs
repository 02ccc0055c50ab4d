// The machine's ceiling: a bare node:http server answering fixed bytes (the bodies and headers
// of real Ahadi responses, by path), in a process of its own like the app server.
// usage: node scripts/bench/bare-server.mjs PORT RESPONSES.json  ({ path: { headers, body } })
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, file] = process.argv.slice(2);
const saved = JSON.parse(readFileSync(file, 'utf8'));
/** @type {Map<string, { headers: Record<string, string>, body: Buffer }>} */
const responses = new Map();
for (const [path, { headers, body }] of Object.entries(saved)) {
	const bytes = Buffer.from(body, 'base64');
	responses.set(path, {
		headers: { ...headers, 'content-length': String(bytes.length) },
		body: bytes
	});
}
const fallback = responses.get('/') ?? { headers: {}, body: Buffer.alloc(0) };
http
	.createServer((req, res) => {
		const { headers, body } = responses.get(req.url ?? '/') ?? fallback;
		res.writeHead(200, headers);
		res.end(body);
	})
	.listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`));
