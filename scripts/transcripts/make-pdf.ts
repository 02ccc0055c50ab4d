// Writes the corpus's PDFs from their sources (tests/fixtures/transcripts/NAME.source.txt) in the
// National Assembly's Hansard layout: A4, Times, speaker names in bold, a running head and the
// page number on every page, the Hansard disclaimer at the foot, long lines wrapped at spaces.
// Deterministic: fixed dates and producer, so running it again gives the same bytes.
//
//   npx tsx scripts/transcripts/make-pdf.ts            every source in the corpus
//   npx tsx scripts/transcripts/make-pdf.ts FILE…      the named sources
//
// Source format (one block per line, blank lines separate paragraphs):
//   @head TEXT       running head, centred at the top of every page (once, first lines)
//   @date YYYY-MM-DD creation and modification date of the PDF
//   = TEXT           a centred bold line (the header, headings in capitals)
//   ~ TEXT           a centred line in roman
//   - TEXT           an indented list line (the PRESENT list)
//   (…) or […]       a scene line, centred, in italics
//   **Speaker:** …   a speech: the part between ** in bold, the rest in roman
//   anything else    a paragraph in roman
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFFont, StandardFonts } from 'pdf-lib';

export const DISCLAIMER =
	'Disclaimer: The electronic version of the Official Hansard Report is for information purposes only. A certified version of this Report can be obtained from the Hansard Editor.';

export type Block =
	| { kind: 'centre'; text: string; bold: boolean }
	| { kind: 'list'; text: string }
	| { kind: 'scene'; text: string }
	| { kind: 'para'; speaker: string | null; text: string }
	| { kind: 'gap' };

export interface Source {
	head: string;
	date: string;
	blocks: Block[];
}

export function parseSource(text: string): Source {
	let head = '';
	let date = '2025-01-01';
	const blocks: Block[] = [];
	for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
		const line = raw.trimEnd();
		if (line.startsWith('@head ')) head = line.slice(6).trim();
		else if (line.startsWith('@date ')) date = line.slice(6).trim();
		else if (line.trim() === '') {
			if (blocks.length && blocks[blocks.length - 1]?.kind !== 'gap') blocks.push({ kind: 'gap' });
		} else if (line.startsWith('= '))
			blocks.push({ kind: 'centre', text: line.slice(2), bold: true });
		else if (line.startsWith('~ '))
			blocks.push({ kind: 'centre', text: line.slice(2), bold: false });
		else if (line.startsWith('- ')) blocks.push({ kind: 'list', text: line.slice(2) });
		else if (/^[([]/.test(line)) blocks.push({ kind: 'scene', text: line });
		else {
			const m = /^\*\*(.+?)\*\*\s*(.*)$/.exec(line);
			if (m) blocks.push({ kind: 'para', speaker: m[1] ?? '', text: m[2] ?? '' });
			else blocks.push({ kind: 'para', speaker: null, text: line });
		}
	}
	return { head, date, blocks };
}

/** The words of a source as a reader would get them: markup dropped, one block a line. */
export function sourceText(source: Source): string {
	return source.blocks
		.map((b) =>
			b.kind === 'gap' ? '' : b.kind === 'para' && b.speaker ? `${b.speaker} ${b.text}` : b.text
		)
		.join('\n');
}

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN_X = 72;
const BODY_TOP = 770;
const BODY_BOTTOM = 92;
const SIZE = 12;
const LEADING = 16;

interface Fonts {
	roman: PDFFont;
	bold: PDFFont;
	italic: PDFFont;
}

/** Words with their fonts, broken into lines no wider than `width`; a run a line keeps one font. */
function wrap(runs: { text: string; font: PDFFont }[], width: number, size: number) {
	const words: { word: string; font: PDFFont }[] = [];
	for (const r of runs)
		for (const word of r.text.split(/\s+/).filter(Boolean)) words.push({ word, font: r.font });
	const lines: { word: string; font: PDFFont }[][] = [];
	let line: { word: string; font: PDFFont }[] = [];
	let used = 0;
	for (const w of words) {
		const wWidth = w.font.widthOfTextAtSize(w.word, size);
		const space = line.length ? w.font.widthOfTextAtSize(' ', size) : 0;
		if (line.length && used + space + wWidth > width) {
			lines.push(line);
			line = [];
			used = 0;
		}
		used += (line.length ? space : 0) + wWidth;
		line.push(w);
	}
	if (line.length) lines.push(line);
	return lines;
}

export interface RenderOptions {
	/** Fill exactly this many pages, repeating the speeches after the first heading. */
	pages?: number;
}

export async function renderPdf(source: Source, options: RenderOptions = {}): Promise<Uint8Array> {
	const pdf = await PDFDocument.create({ updateMetadata: false });
	const date = new Date(`${source.date}T07:00:00Z`);
	pdf.setCreationDate(date);
	pdf.setModificationDate(date);
	pdf.setProducer('Ahadi test corpus (scripts/transcripts/make-pdf.ts)');
	pdf.setCreator('Ahadi');
	pdf.setTitle(source.head);
	const fonts: Fonts = {
		roman: await pdf.embedFont(StandardFonts.TimesRoman),
		bold: await pdf.embedFont(StandardFonts.TimesRomanBold),
		italic: await pdf.embedFont(StandardFonts.TimesRomanItalic)
	};
	const width = PAGE.width - 2 * MARGIN_X;
	const disclaimerSize = 6.4;
	let page = pdf.addPage([PAGE.width, PAGE.height]);
	let pageNo = 1;
	let y = BODY_TOP;
	const decorate = () => {
		const headWidth = fonts.bold.widthOfTextAtSize(source.head, 9);
		page.drawText(source.head, {
			x: (PAGE.width - headWidth) / 2,
			y: 805,
			size: 9,
			font: fonts.bold
		});
		const no = String(pageNo);
		page.drawText(no, {
			x: (PAGE.width - fonts.roman.widthOfTextAtSize(no, 10)) / 2,
			y: 62,
			size: 10,
			font: fonts.roman
		});
		const dWidth = fonts.italic.widthOfTextAtSize(DISCLAIMER, disclaimerSize);
		page.drawText(DISCLAIMER, {
			x: (PAGE.width - dWidth) / 2,
			y: 44,
			size: disclaimerSize,
			font: fonts.italic
		});
	};
	decorate();
	let full = false;
	const newLine = () => {
		y -= LEADING;
		if (y < BODY_BOTTOM) {
			if (options.pages !== undefined && pageNo >= options.pages) {
				full = true;
				return;
			}
			page = pdf.addPage([PAGE.width, PAGE.height]);
			pageNo++;
			y = BODY_TOP;
			decorate();
		}
	};
	const drawLine = (line: { word: string; font: PDFFont }[], x: number) => {
		let at = x;
		let i = 0;
		while (i < line.length) {
			const font = line[i]!.font;
			const run: string[] = [];
			while (i < line.length && line[i]!.font === font) run.push(line[i++]!.word);
			const text = (at > x ? ' ' : '') + run.join(' ');
			page.drawText(text, { x: at, y, size: SIZE, font });
			at += font.widthOfTextAtSize(text, SIZE);
		}
	};
	const drawBlock = (b: Block) => {
		if (b.kind === 'gap') {
			if (y !== BODY_TOP) y -= LEADING / 2;
			return;
		}
		if (b.kind === 'centre' || b.kind === 'scene') {
			const font = b.kind === 'scene' ? fonts.italic : b.bold ? fonts.bold : fonts.roman;
			for (const line of wrap([{ text: b.text, font }], width - 40, SIZE)) {
				if (full) return;
				const text = line.map((w) => w.word).join(' ');
				page.drawText(text, {
					x: (PAGE.width - font.widthOfTextAtSize(text, SIZE)) / 2,
					y,
					size: SIZE,
					font
				});
				newLine();
			}
			return;
		}
		if (b.kind === 'list') {
			for (const line of wrap([{ text: b.text, font: fonts.roman }], width - 36, SIZE)) {
				if (full) return;
				drawLine(line, MARGIN_X + 36);
				newLine();
			}
			return;
		}
		const runs = b.speaker
			? [
					{ text: b.speaker, font: fonts.bold },
					{ text: b.text, font: fonts.roman }
				]
			: [{ text: b.text, font: fonts.roman }];
		for (const line of wrap(runs, width, SIZE)) {
			if (full) return;
			drawLine(line, MARGIN_X);
			newLine();
		}
	};
	for (const b of source.blocks) drawBlock(b);
	if (options.pages !== undefined) {
		// The speeches after the first heading, again and again until the pages are full.
		const first = source.blocks.findIndex(
			(b) =>
				b.kind === 'centre' &&
				b.bold &&
				/^[A-Z\s,'’–-]+$/.test(b.text) &&
				/\b(MEETING|QUESTION|CONSIDERATION|STATEMENT|EVIDENCE|SUBMISSION|BRIEFING)/.test(b.text)
		);
		const body = source.blocks.slice(Math.max(0, first));
		while (!full && pageNo <= options.pages) for (const b of body) if (!full) drawBlock(b);
	}
	return pdf.save({ useObjectStreams: false });
}

export const CORPUS_DIR = fileURLToPath(
	new URL('../../tests/fixtures/transcripts/', import.meta.url)
);

async function main(files: string[]) {
	const sources = files.length
		? files
		: readdirSync(CORPUS_DIR)
				.filter((f) => f.endsWith('.source.txt'))
				.map((f) => join(CORPUS_DIR, f));
	for (const file of sources) {
		const source = parseSource(readFileSync(file, 'utf8'));
		const bytes = await renderPdf(source);
		const out = file.replace(/\.source\.txt$/, '.pdf');
		writeFileSync(out, bytes);
		const pages = (await PDFDocument.load(bytes)).getPageCount();
		console.log(`${basename(out)}: ${pages} pages, ${bytes.length.toLocaleString('en')} bytes`);
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	await main(process.argv.slice(2));
}
