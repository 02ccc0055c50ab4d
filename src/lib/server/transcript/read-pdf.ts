// A PDF's text lines with pdf.js, page by page: each page's items grouped into lines, its
// resources released before the next page is read, the document destroyed at the end.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { dropFurniture, type PagedLine } from './furniture';
import { MAX_TRANSCRIPT_PAGES } from './limits';
import { linesOfItems, type PageLine, type PositionedItem } from './page-lines';
import { pdfjs } from './pdfjs';
import { TranscriptError, type ReadDocument } from './types';

const BOLD_FACE = /bold|black|heavy|semibold|demibold|,b$|-b$/i;

function problemOf(error: unknown): TranscriptError {
	if (error instanceof TranscriptError) return error;
	const name = (error as { name?: string } | null)?.name ?? '';
	const message = (error as { message?: string } | null)?.message ?? String(error);
	if (name === 'PasswordException') return new TranscriptError('encrypted', message);
	return new TranscriptError('damaged', `${name}: ${message}`);
}

interface FontFacts {
	name?: string;
	bold?: boolean;
	black?: boolean;
}

/** Whether a font (loaded into commonObjs by getOperatorList) is a bold face. */
function fontIsBold(page: PDFPageProxy, fontName: string, cache: Map<string, boolean>): boolean {
	const known = cache.get(fontName);
	if (known !== undefined) return known;
	let bold = false;
	if (page.commonObjs.has(fontName)) {
		const font = page.commonObjs.get(fontName) as FontFacts | null;
		bold = Boolean(font?.bold || font?.black || BOLD_FACE.test(font?.name ?? ''));
		cache.set(fontName, bold);
	}
	return bold;
}

async function linesOfPage(page: PDFPageProxy, fonts: Map<string, boolean>): Promise<PageLine[]> {
	const content = await page.getTextContent();
	// Empty items (pdf.js's end-of-line markers among them) add nothing to a line.
	const items: TextItem[] = [];
	let unknownFont = false;
	for (const i of content.items) {
		if (!('str' in i) || i.str.length === 0) continue;
		items.push(i);
		if (!fonts.has(i.fontName)) unknownFont = true;
	}
	// Fonts load with the operator list; skip it when every font of the page is already known.
	if (unknownFont) await page.getOperatorList();
	const positioned: PositionedItem[] = new Array(items.length);
	for (let k = 0; k < items.length; k++) {
		const i = items[k]!;
		const t = i.transform;
		positioned[k] = {
			text: i.str,
			x: t[4],
			y: t[5],
			width: i.width,
			size: Math.hypot(t[2], t[3]) || i.height || 10,
			bold: fontIsBold(page, i.fontName, fonts)
		};
	}
	return linesOfItems(positioned);
}

/** Reads the text of a PDF; throws TranscriptError for what cannot be read. */
export async function readPdf(bytes: Uint8Array, signal?: AbortSignal): Promise<ReadDocument> {
	const task = pdfjs.getDocument({
		// pdf.js takes ownership of (detaches) the buffer it is given, and refuses a Buffer: a copy.
		data: new Uint8Array(bytes),
		// No standardFontDataUrl: the outlines of the standard fonts serve only drawing, and
		// parsing them cost each document more than reading its text.
		useSystemFonts: false,
		disableFontFace: true,
		isEvalSupported: false,
		verbosity: 0
	});
	let doc: PDFDocumentProxy | null = null;
	try {
		doc = await task.promise.catch((error: unknown) => {
			throw problemOf(error);
		});
		if (doc.numPages > MAX_TRANSCRIPT_PAGES) {
			throw new TranscriptError('too_many_pages', String(doc.numPages));
		}
		const fonts = new Map<string, boolean>();
		const lines: PagedLine[] = [];
		let pagesWithText = 0;
		for (let n = 1; n <= doc.numPages; n++) {
			signal?.throwIfAborted();
			const page = await doc.getPage(n).catch((error: unknown) => {
				throw problemOf(error);
			});
			try {
				const pageLines = await linesOfPage(page, fonts).catch((error: unknown) => {
					throw problemOf(error);
				});
				if (pageLines.length > 0) pagesWithText++;
				for (const l of pageLines) lines.push({ page: n, text: l.text, bold: l.bold });
			} finally {
				page.cleanup();
			}
		}
		if (pagesWithText === 0) throw new TranscriptError('no_text_layer', String(doc.numPages));
		const pages = doc.numPages;
		return { kind: 'pdf', pages, lines: numberLines(dropFurniture(lines)) };
	} finally {
		if (doc) await doc.destroy();
		else await task.destroy();
	}
}

/** Numbers the kept lines within each page, from 1. */
function numberLines(lines: PagedLine[]): ReadDocument['lines'] {
	let page = 0;
	let line = 0;
	return lines.map((l) => {
		if (l.page !== page) {
			page = l.page;
			line = 0;
		}
		line++;
		return { page: l.page, line, text: l.text, bold: l.bold };
	});
}
