// Joining the lines of a paragraph into running text.

/** Compound prefixes whose hyphen at a line end is kept ("anti-" + "corruption"). */
const KEPT_HYPHEN =
	/(?:^|\s)(anti|non|co|self|ex|pre|post|multi|inter|cross|semi|pro|sub|well|long|short|high|low|state|county|ward|micro|macro|re)-$/i;

/** Appends a line to speech text, undoing a hyphenation at the line end. */
export function joinLine(text: string, next: string): string {
	if (!text) return next;
	if (/\p{L}-$/u.test(text) && /^\p{L}/u.test(next)) {
		// A compound already under way ("anti-human-") keeps its hyphen too.
		const kept = KEPT_HYPHEN.test(text) || /\p{L}-\p{L}+-$/u.test(text) || !/^\p{Ll}/u.test(next);
		return kept ? text + next : text.slice(0, -1) + next;
	}
	return `${text} ${next}`;
}
