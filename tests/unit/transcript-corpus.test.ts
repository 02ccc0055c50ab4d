// The extractor measured on the labelled corpus (tests/fixtures/transcripts/README.md): the
// targets of issue 15 (recall ≥ 0.9, precision ≥ 0.7), the matcher that counts them, the labels
// themselves, the generator's determinism, and the bad inputs' problem codes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
	checkLabels,
	evaluateCorpus,
	formatEvaluation,
	loadCorpus,
	matchCandidates,
	normalise
} from '../../scripts/transcripts/evaluate';
import { CORPUS_DIR, parseSource, renderPdf } from '../../scripts/transcripts/make-pdf';

const BAD = join(CORPUS_DIR, 'bad');
const extractor = () => import('../../src/lib/server/transcript/index');

describe('the matcher', () => {
	it('counts a candidate containing an undertaking once, and finds every undertaking it contains', () => {
		const r = matchCandidates(
			[
				'We  will enact a National\nPolice Reservists Policy by June.',
				'When will the Ministry operationalise the unit?',
				'Enquiries are being made, and I shall inform the Hon. Member.',
				'We will enact a national police reservists policy.'
			],
			[
				'We will enact a National Police Reservists Policy',
				'Enquiries are being made',
				'I shall inform the Hon. Member',
				'Wizara itawasilisha ripoti'
			],
			[{ text: 'When will the Ministry operationalise the unit', why: 'question' }]
		);
		expect(r.tp).toBe(3);
		expect(r.fp).toBe(1);
		expect(r.fn).toBe(1);
		expect(r.missed).toEqual(['Wizara itawasilisha ripoti']);
		expect(r.falsePositives).toEqual([
			{
				quote: 'When will the Ministry operationalise the unit?',
				trap: { text: 'When will the Ministry operationalise the unit', why: 'question' }
			}
		]);
	});

	it('ignores case, white space, curly quotes and dashes, but not a partial quote', () => {
		expect(normalise('“The Rabai–Kiambere\n line”')).toBe('"the rabai-kiambere line"');
		const r = matchCandidates(
			['We will enact a National Police'],
			['enact a National Police Reservists Policy']
		);
		expect([r.tp, r.fp, r.fn]).toEqual([0, 1, 1]);
		expect(matchCandidates([], ['x'])).toMatchObject({ tp: 0, fp: 0, fn: 1 });
	});
});

describe('the corpus', () => {
	const corpus = loadCorpus();

	it('has at least ten documents in the published forms, each with undertakings and traps', () => {
		expect(corpus.length).toBeGreaterThanOrEqual(10);
		const kinds = corpus.map((d) => d.labels.document.split('.').pop());
		expect(kinds.filter((k) => k === 'pdf').length).toBeGreaterThanOrEqual(4);
		expect(kinds).toContain('txt');
		expect(kinds).toContain('html');
		for (const d of corpus) {
			expect(d.labels.undertakings.length, d.name).toBeGreaterThan(0);
			expect(d.labels.not.length, d.name).toBeGreaterThan(0);
		}
	});

	it('labels substrings that occur exactly once, never both ways', () => {
		expect(corpus.flatMap(checkLabels)).toEqual([]);
	});

	it('regenerates the committed PDFs byte for byte', async () => {
		const heldOut = loadCorpus(join(CORPUS_DIR, 'held-out'));
		expect(heldOut.flatMap(checkLabels)).toEqual([]);
		for (const d of [...corpus, ...heldOut].filter((c) => c.labels.source)) {
			const dir = join(d.file, '..');
			const source = parseSource(readFileSync(join(dir, d.labels.source!), 'utf8'));
			const bytes = await renderPdf(source);
			expect(Buffer.from(bytes).equals(readFileSync(d.file)), d.name).toBe(true);
		}
	});
});

describe('the extractor on the corpus', () => {
	it('reaches recall ≥ 0.9 and precision ≥ 0.7', { timeout: 120_000 }, async () => {
		const result = await evaluateCorpus();
		const report = formatEvaluation(result);
		expect(result.documents.filter((d) => d.error).map((d) => d.error)).toEqual([]);
		expect(result.recall, report).toBeGreaterThanOrEqual(0.9);
		expect(result.precision, report).toBeGreaterThanOrEqual(0.7);
	});

	it('reads mixed UTF-8 and Windows-1252 lines and finds the undertaking', async () => {
		const { extractTranscript } = await extractor();
		const bytes = new Uint8Array(readFileSync(join(BAD, 'mixed-encoding.txt')));
		const extraction = await extractTranscript(bytes, 'mixed-encoding.txt');
		const r = matchCandidates(
			extraction.candidates.map((c) => c.quote),
			['We will publish the names of all suspended facilities']
		);
		expect(r.fn).toBe(0);
		const all = extraction.candidates.map((c) => c.context).join('\n');
		expect(all).not.toContain('\ufffd');
	});
});

describe('bad input', () => {
	const cases: [string, string][] = [
		['scanned.pdf', 'no_text_layer'],
		['encrypted.pdf', 'encrypted'],
		['truncated.pdf', 'damaged'],
		['fake.pdf', 'not_pdf'],
		['no-speakers.txt', 'no_speeches']
	];
	for (const [file, problem] of cases) {
		it(`${file}: ${problem}`, async () => {
			const { extractTranscript } = await extractor();
			const bytes = new Uint8Array(readFileSync(join(BAD, file)));
			await expect(extractTranscript(bytes, file)).rejects.toMatchObject({
				name: 'TranscriptError',
				problem
			});
		});
	}

	it('a file over the size limit: too_large', async () => {
		const { extractTranscript, MAX_TRANSCRIPT_BYTES } = await extractor();
		const bytes = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1);
		bytes.set(new TextEncoder().encode('%PDF-1.7\n'));
		await expect(extractTranscript(bytes, 'huge.pdf')).rejects.toMatchObject({
			name: 'TranscriptError',
			problem: 'too_large'
		});
	});

	it('a PDF with more pages than allowed: too_many_pages', { timeout: 60_000 }, async () => {
		const { extractTranscript, MAX_TRANSCRIPT_PAGES } = await extractor();
		const pdf = await PDFDocument.create();
		const font = await pdf.embedFont(StandardFonts.TimesRoman);
		for (let i = 0; i <= MAX_TRANSCRIPT_PAGES; i++)
			pdf.addPage().drawText(`Page ${i + 1}`, { x: 72, y: 700, size: 12, font });
		const bytes = await pdf.save();
		await expect(extractTranscript(bytes, 'many-pages.pdf')).rejects.toMatchObject({
			name: 'TranscriptError',
			problem: 'too_many_pages'
		});
	});
});
