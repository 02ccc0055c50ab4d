// One extraction in a fresh process, for the bench (scripts/bench/transcripts.ts): prints the time
// to read and score FILE (the extractor's modules already loaded), the process's peak RSS after
// it, and the time of a second extraction of the same file in the same process.
//
//   npx tsx scripts/bench/transcript-child.ts FILE
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const file = process.argv[2];
if (!file) throw new Error('usage: transcript-child.ts FILE');
const { extractTranscript } = await import('../../src/lib/server/transcript/index');
const mb = (kb: number) => kb / 1024;
const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
const t0 = performance.now();
const bytes = new Uint8Array(readFileSync(file));
const extraction = await extractTranscript(bytes, basename(file));
const ms = performance.now() - t0;
const maxRssMb = mb(process.resourceUsage().maxRSS);
// Once more in the same process: the time without pdf.js's first-call setup, as in a server.
const t1 = performance.now();
await extractTranscript(new Uint8Array(readFileSync(file)), basename(file));
const warmMs = performance.now() - t1;
console.log(
	JSON.stringify({
		ms,
		rssBeforeMb,
		warmMs,
		maxRssMb,
		pages: extraction.pages,
		speeches: extraction.speeches,
		candidates: extraction.candidates.length
	})
);
