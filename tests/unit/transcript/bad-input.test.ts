// Files that cannot be read give one TranscriptError with its problem code, never half a result.
import { readFileSync } from 'node:fs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import {
	extractTranscript,
	MAX_TRANSCRIPT_BYTES,
	MAX_TRANSCRIPT_PAGES,
	TranscriptError,
	type TranscriptProblem
} from '../../../src/lib/server/transcript/index';
import { makePdf } from './make-pdf';

const BAD = 'tests/fixtures/transcripts/bad';
const PNG = Uint8Array.from([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0x00, 0x01, 0x00, 0x00,
	0x05, 0x00, 0x01, 0x0d, 0x0a, 0x2d, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae,
	0x42, 0x60, 0x82
]);

async function problemOf(bytes: Uint8Array, name: string): Promise<TranscriptProblem | 'none'> {
	try {
		await extractTranscript(bytes, name);
		return 'none';
	} catch (error) {
		if (error instanceof TranscriptError) return error.problem;
		throw error;
	}
}

describe('bad input', () => {
	it('refuses an encrypted PDF', async () => {
		expect(await problemOf(readFileSync(`${BAD}/encrypted.pdf`), 'encrypted.pdf')).toBe(
			'encrypted'
		);
	});

	it('refuses a truncated PDF as damaged', async () => {
		const pdf = await makePdf([[{ text: 'Hon. Member: We will do it.' }], [{ text: 'More.' }]]);
		expect(await problemOf(pdf.slice(0, Math.floor(pdf.length / 2)), 'cut.pdf')).toBe('damaged');
	});

	it('refuses a PNG renamed .pdf as not a PDF, and as unsupported under another name', async () => {
		expect(await problemOf(PNG, 'hansard.pdf')).toBe('not_pdf');
		expect(await problemOf(PNG, 'hansard.txt')).toBe('unsupported_type');
	});

	it('refuses a PDF of images only (a scan): no OCR here', async () => {
		const pdf = await PDFDocument.create();
		const image = await pdf.embedPng(PNG);
		for (let i = 0; i < 2; i++)
			pdf.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
		expect(await problemOf(await pdf.save(), 'scan.pdf')).toBe('no_text_layer');
		expect(await problemOf(readFileSync(`${BAD}/scanned.pdf`), 'scanned.pdf')).toBe(
			'no_text_layer'
		);
	});

	it('refuses a PDF of more pages than the limit from its page count, before reading the pages', async () => {
		const pdf = await PDFDocument.create();
		const font = await pdf.embedFont(StandardFonts.TimesRoman);
		for (let i = 0; i < 2000; i++) {
			pdf
				.addPage([200, 200])
				.drawText(`Hon. Member: page ${i}. We will act.`, { x: 10, y: 100, size: 10, font });
		}
		const bytes = await pdf.save();
		expect(MAX_TRANSCRIPT_PAGES).toBeLessThan(2000);
		const started = performance.now();
		expect(await problemOf(bytes, 'long.pdf')).toBe('too_many_pages');
		// Reading 2,000 pages takes several seconds; counting them, a fraction of one.
		expect(performance.now() - started).toBeLessThan(1500);
	}, 60_000);

	it('refuses an empty file and one over the size limit before parsing', async () => {
		expect(await problemOf(new Uint8Array(0), 'empty.txt')).toBe('empty');
		const big = new Uint8Array(MAX_TRANSCRIPT_BYTES + 1);
		big.set(Buffer.from('%PDF-1.7\n'));
		expect(await problemOf(big, 'big.pdf')).toBe('too_large');
	});

	it('refuses a text without speaker lines or reported speech', async () => {
		const text = 'The committee visited Kisumu.\nThe weather was fine and the roads were busy.\n';
		expect(await problemOf(Buffer.from(text), 'visit.txt')).toBe('no_speeches');
		expect(await problemOf(readFileSync(`${BAD}/no-speakers.txt`), 'no-speakers.txt')).toBe(
			'no_speeches'
		);
	});

	it('reads a file that mixes UTF-8 and Windows-1252', async () => {
		const x = await extractTranscript(
			readFileSync(`${BAD}/mixed-encoding.txt`),
			'mixed-encoding.txt'
		);
		expect(x.candidates.map((c) => c.quote).join(' ')).toContain(
			'We will publish the names of all suspended facilities'
		);
	});
});
