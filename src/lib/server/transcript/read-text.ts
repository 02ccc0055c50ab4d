// A plain-text transcript's lines: pages split at form feeds, lines numbered within the page.
import { decodeText } from './decode-text';
import { dropFurniture } from './furniture';
import type { ReadDocument, SourceLine } from './types';

/** Lines of already decoded text, page by page; blank lines keep their number but are dropped. */
export function linesOfText(text: string): { pages: number; lines: SourceLine[] } {
	const pages = text.split('\f');
	const lines: SourceLine[] = [];
	pages.forEach((pageText, p) => {
		pageText.split('\n').forEach((raw, l) => {
			const t = raw.replace(/\s+/g, ' ').trim();
			if (t) lines.push({ page: p + 1, line: l + 1, text: t, bold: false });
		});
	});
	return { pages: pages.length, lines };
}

export function readText(bytes: Uint8Array): ReadDocument {
	const { pages, lines } = linesOfText(decodeText(bytes));
	return { kind: 'text', pages, lines: dropFurniture(lines) };
}
