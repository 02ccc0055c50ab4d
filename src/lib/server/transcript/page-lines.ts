// Text items of one PDF page grouped into lines: items whose baselines lie within a tolerance
// of each other form a line, read left to right. Pure: no pdf.js here.

export interface PositionedItem {
	text: string;
	x: number;
	y: number;
	width: number;
	/** Font size (the text matrix's vertical scale). */
	size: number;
	bold: boolean;
}

export interface PageLine {
	text: string;
	bold: boolean;
	y: number;
}

/** Share of a line's letters that must be bold for the line to count as bold. */
const BOLD_SHARE = 0.6;

function letters(s: string): number {
	return s.replace(/[^\p{L}\p{N}]/gu, '').length;
}

/** Joins items of one line, with a space where the gap between them is wide enough for one. */
function joinItems(items: PositionedItem[]): string {
	let out = '';
	let end = -Infinity;
	for (const item of items) {
		const gap = item.x - end;
		if (out && !/\s$/.test(out) && !/^\s/.test(item.text) && gap > item.size * 0.15) out += ' ';
		out += item.text;
		end = item.x + item.width;
	}
	return out.replace(/\s+/g, ' ').trim();
}

/**
 * A line is bold when most of its letters are bold, or when it opens with a bold run that ends
 * in a colon, or is followed by one (Hansard's speaker label before the speech in a regular face).
 */
export function isBoldLine(runs: { text: string; bold: boolean }[]): boolean {
	let total = 0;
	let bold = 0;
	for (const run of runs) {
		const n = letters(run.text);
		total += n;
		if (run.bold) bold += n;
	}
	if (total > 0 && bold / total >= BOLD_SHARE) return true;
	let lead = '';
	let i = 0;
	for (; i < runs.length && (runs[i]!.bold || !runs[i]!.text.trim()); i++) lead += runs[i]!.text;
	if (!/\p{L}/u.test(lead)) return false;
	return /:\s*$/.test(lead) || /^\s*:/.test(runs[i]?.text ?? '');
}

/** Groups items into lines from the top of the page down. */
export function linesOfItems(items: PositionedItem[]): PageLine[] {
	const visible = items.filter((i) => i.text.length > 0);
	visible.sort((a, b) => b.y - a.y || a.x - b.x);
	const groups: PositionedItem[][] = [];
	for (const item of visible) {
		const group = groups[groups.length - 1];
		const tolerance = Math.max(2, item.size * 0.4);
		if (group && Math.abs(group[0]!.y - item.y) <= tolerance) group.push(item);
		else groups.push([item]);
	}
	const lines: PageLine[] = [];
	for (const group of groups) {
		group.sort((a, b) => a.x - b.x);
		const text = joinItems(group);
		if (text) lines.push({ text, bold: isBoldLine(group), y: group[0]!.y });
	}
	return lines;
}
