// Sentences of running text (a news report's paragraphs) with the page and line each starts on.
import { joinLine } from './join-line';
import { splitSentences } from './sentences';
import type { SourceLine } from './types';

export interface PlacedSentence {
	text: string;
	page: number;
	line: number;
}

/** The place (page, line) of `offset` given where each source line starts in the text. */
export function placeOf(spans: { offset: number; page: number; line: number }[], offset: number) {
	let found = spans[0] ?? { offset: 0, page: 1, line: 1 };
	for (const span of spans) {
		if (span.offset > offset) break;
		found = span;
	}
	return { page: found.page, line: found.line };
}

/** A short line without closing punctuation: a headline, byline or dateline of its own. */
function standsAlone(text: string): boolean {
	return text.length < 60 && !/[.!?:,;"”’)\]]$/.test(text);
}

function sentencesOfBlock(lines: SourceLine[]): PlacedSentence[] {
	let text = '';
	const spans: { offset: number; page: number; line: number }[] = [];
	for (const l of lines) {
		const joined = joinLine(text, l.text);
		spans.push({ offset: joined.length - l.text.length, page: l.page, line: l.line });
		text = joined;
	}
	return splitSentences(text).map((s) => ({ text: s.text, ...placeOf(spans, s.start) }));
}

/**
 * Sentences of the lines, never across a paragraph's end: each line of an HTML page is a
 * paragraph; in text, a blank line (a gap in the line numbers) ends one.
 */
export function sentencesWithPlace(
	lines: SourceLine[],
	linePerParagraph = false
): PlacedSentence[] {
	const out: PlacedSentence[] = [];
	let block: SourceLine[] = [];
	let previous: SourceLine | null = null;
	for (const l of lines) {
		const gap = previous !== null && (previous.page !== l.page || previous.line + 1 !== l.line);
		previous = l;
		if (linePerParagraph || gap) {
			out.push(...sentencesOfBlock(block));
			block = [];
		}
		if (standsAlone(l.text)) {
			out.push(...sentencesOfBlock(block), ...sentencesOfBlock([l]));
			block = [];
		} else block.push(l);
	}
	out.push(...sentencesOfBlock(block));
	return out;
}
