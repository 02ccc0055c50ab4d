// The budget CSV is read as a stream: what stays in memory grows with the rows kept (and the
// checks across rows), not with the bytes of the file. Two generated files with the same rows,
// one with titles 400 characters longer (8 MB more text), are read piece by piece while the
// live heap (after a full collection) is sampled: holding the text, or reading it whole first,
// would add at least the difference.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readBudgetCsv } from '$lib/server/budget-import/read';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
	gc();
	return process.memoryUsage().heapUsed;
};

const HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url\n';
const ROWS = 20_000;

/** ROWS rows, 100 a piece, sampling the live heap every 50 pieces. */
function* file(title: string, samples: number[]): Generator<Uint8Array> {
	yield Buffer.from(HEADER);
	for (let piece = 0; piece < ROWS / 100; piece++) {
		let text = '';
		for (let n = 0; n < 100; n++) {
			const i = piece * 100 + n;
			text += `2025/26,1021,Vote,Programme ${i},,recurrent,approved,${1000 + i},2025-06-30,${title},\n`;
		}
		yield Buffer.from(text);
		if (piece % 50 === 49) samples.push(liveHeap());
	}
}

async function peakWhileReading(title: string) {
	const samples: number[] = [];
	const before = liveHeap();
	const result = await readBudgetCsv(file(title, samples));
	samples.push(liveHeap());
	expect(result.errors).toEqual([]);
	expect(result.rows).toHaveLength(ROWS);
	return { peak: Math.max(...samples) - before, bytes: result.bytes };
}

describe('reading a budget CSV as a stream', () => {
	it('needs no more memory for a larger file of the same rows', { timeout: 60_000 }, async () => {
		await peakWhileReading('Estimates'); // warm-up: the first read also compiles and caches
		const short = await peakWhileReading('Estimates');
		const long = await peakWhileReading(`Estimates ${'x'.repeat(400)}`);
		const moreText = long.bytes - short.bytes;
		expect(moreText).toBeGreaterThan(8_000_000);
		expect(long.peak - short.peak).toBeLessThan(moreText / 4);
	});
});
