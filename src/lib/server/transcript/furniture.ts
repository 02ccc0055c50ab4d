// Page furniture: running heads and footers repeated on most pages, page numbers, and the
// Hansard disclaimer. Pure: works on the lines of all pages, keeping their order.

export interface PagedLine {
	page: number;
	text: string;
	bold: boolean;
}

/** How many lines at the top and bottom of a page may be furniture. */
const EDGE = 3;
/** A head or footer repeats on at least this share of pages. */
const REPEAT_SHARE = 0.5;

const DISCLAIMER =
	'disclaimer: the electronic version of the official hansard report is for information purposes only. a certified version of this report can be obtained from the hansard editor.';

function normal(text: string): string {
	return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Digits and ordinals blurred, so "Page 3 of 12" and "Page 4 of 12" match. */
function shape(text: string): string {
	return normal(text)
		.replace(/\d+(st|nd|rd|th)?/g, '#')
		.replace(/\s+/g, ' ');
}

const PAGE_NUMBER = /^(page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(\s*(of|\/)\s*\d{1,4})?$/i;

export function isPageNumber(text: string): boolean {
	return PAGE_NUMBER.test(text.trim());
}

/** Indexes of lines that belong to the disclaimer (which may wrap over two or three lines). */
function disclaimerLines(lines: PagedLine[]): Set<number> {
	const drop = new Set<number>();
	for (let i = 0; i < lines.length; i++) {
		if (!normal(lines[i]!.text).startsWith('disclaimer')) continue;
		let joined = '';
		for (let j = i; j < Math.min(lines.length, i + 4); j++) {
			const next = joined ? `${joined} ${normal(lines[j]!.text)}` : normal(lines[j]!.text);
			if (!DISCLAIMER.startsWith(next)) break;
			joined = next;
			drop.add(j);
			if (joined === DISCLAIMER) break;
		}
	}
	return drop;
}

/** The lines without furniture. */
export function dropFurniture<T extends PagedLine>(lines: T[]): T[] {
	const byPage = new Map<number, number[]>();
	lines.forEach((line, i) => {
		const list = byPage.get(line.page);
		if (list) list.push(i);
		else byPage.set(line.page, [i]);
	});
	const pages = byPage.size;
	const drop = disclaimerLines(lines);
	const edgeCounts = new Map<string, number>();
	const edges: number[] = [];
	for (const indexes of byPage.values()) {
		const edge = new Set([...indexes.slice(0, EDGE), ...indexes.slice(-EDGE)]);
		const seen = new Set<string>();
		for (const i of edge) {
			edges.push(i);
			const s = shape(lines[i]!.text);
			if (seen.has(s)) continue;
			seen.add(s);
			edgeCounts.set(s, (edgeCounts.get(s) ?? 0) + 1);
		}
	}
	const minRepeats = Math.max(2, Math.ceil(pages * REPEAT_SHARE));
	for (const i of edges) {
		const text = lines[i]!.text;
		if (isPageNumber(text)) drop.add(i);
		else if (pages >= 2 && (edgeCounts.get(shape(text)) ?? 0) >= minRepeats) drop.add(i);
	}
	return lines.filter((_, i) => !drop.has(i));
}
