// The machine's ceiling: a bare node:http server answering fixed bytes (the body and headers
// of a real Ahadi response), in a process of its own like the app server.
// usage: node scripts/bench/bare-server.mjs PORT RESPONSE.json
import http from 'node:http';
import { readFileSync } from 'node:fs';

const [port, file] = process.argv.slice(2);
const saved = JSON.parse(readFileSync(file, 'utf8'));
const body = Buffer.from(saved.body, 'base64');
const headers = { ...saved.headers, 'content-length': String(body.length) };
http
	.createServer((req, res) => {
		res.writeHead(200, headers);
		res.end(body);
	})
	.listen(Number(port), '127.0.0.1', () => console.log(`bare server on ${port}`));
