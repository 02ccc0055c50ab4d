// The upload reader alone (src/lib/server/forms/streamed-form.ts), in a fresh process per size:
// a multipart body of N MB streamed through it in 64 KiB pieces, as a socket delivers it, and
// the file read back in its chunks. Prints the growth of peak RSS (VmHWM) over the process's
// RSS before the upload, for each size: if the reader held the file, it would grow with N.
//   npx tsx scripts/bench/upload-reader.ts 20 200      (sizes in MB; prints JSON)
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readStreamedForm } from '../../src/lib/server/forms/streamed-form';

const MB = 1024 * 1024;
const kb = (field: string) =>
	Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);

async function measure(sizeMb: number) {
	const boundary = 'ahadi-bench-boundary';
	const encoder = new TextEncoder();
	const piece = new Uint8Array(64 * 1024);
	piece.set(encoder.encode('%PDF-1.7\n'));
	const size = sizeMb * MB;
	let sent = 0;
	const body = new ReadableStream<Uint8Array>(
		{
			start(c) {
				c.enqueue(
					encoder.encode(
						`--${boundary}\r\nContent-Disposition: form-data; name="documents"; filename="big.pdf"\r\n\r\n`
					)
				);
			},
			pull(c) {
				if (sent >= size) {
					c.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
					c.close();
					return;
				}
				c.enqueue(piece.slice());
				sent += piece.length;
			}
		},
		{ highWaterMark: 1 }
	);
	const request = new Request('http://127.0.0.1/', {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
		body,
		duplex: 'half'
	} as RequestInit);
	const before = kb('VmRSS');
	const form = await readStreamedForm(request, {
		fileField: 'documents',
		maxFileBytes: size + 1,
		maxFiles: 1
	});
	let read = 0;
	for await (const chunk of form.files[0]!.chunks()) read += chunk.length;
	await form.discard();
	if (read !== size) throw new Error(`read back ${read} of ${size} bytes`);
	return { sizeMb, peakGrowthMb: Math.round(((kb('VmHWM') - before) / 1024) * 10) / 10 };
}

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 1) {
	console.log(JSON.stringify(await measure(sizes[0]!)));
} else {
	// One process per size, so that one measurement's high-water mark does not hide the next.
	const out = sizes.map((s) => {
		const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, String(s)], {
			encoding: 'utf8'
		});
		if (r.status !== 0) throw new Error(r.stderr);
		return JSON.parse(r.stdout.trim().split('\n').at(-1)!);
	});
	console.log(JSON.stringify(out));
}
