// What a single line is: a heading in capitals, a scene line in brackets, or body text.

const SCENE_WORDS =
	/\b(applause|laughter|interruption|consultations?|left the chair|took the chair|resumed the chair|in the chair|question (put|proposed)|rose|adjourned|members? (stood|walked)|several hon\. members|loud|uproar|heckl|makofi|vicheko|kicheko|spika alitoka|alikalia kiti)\b/i;

/** A whole line in brackets: "(Applause)", "[The Chairperson (Hon. Tongoyo) left the Chair]". */
export function isSceneLine(text: string): boolean {
	const t = text.trim();
	if (/^\[.*\]$/.test(t)) return true;
	if (/^\(.*\)$/.test(t) && !/^\([a-z0-9ivx]{1,4}\)\s/i.test(t)) return /^\(\p{Lu}/u.test(t);
	return false;
}

/** The start of a scene that wraps over lines ("[The Temporary Deputy Speaker" … "the Chair]"). */
export function opensScene(text: string): boolean {
	const t = text.trim();
	return (
		(t.startsWith('[') && !t.includes(']')) ||
		(t.startsWith('(') && !t.includes(')') && SCENE_WORDS.test(t))
	);
}

/** Whether a line ends the scene opened by `opener` ("[" or "("). */
export function closesScene(text: string, opener: string): boolean {
	return (opener === '[' ? /\]\s*$/ : /\)\s*$/).test(text.trim());
}

/** Scene notes inside a line of speech: "[Applause]", "(Applause)". */
export function stripInlineScenes(text: string): string {
	return text
		.replace(/\[[^\]]{1,200}\]/g, ' ')
		.replace(/\((?:[^()]{0,80})\)/g, (m) => (SCENE_WORDS.test(m) && /^\(\p{Lu}/u.test(m) ? ' ' : m))
		.replace(/\s{2,}/g, ' ')
		.trim();
}

const LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/** A heading: a line in capitals ("CONSIDERATION OF THE REPORT ON…", "QUESTIONS"). */
export function isHeading(text: string): boolean {
	// Asked of every line: letters counted in one pass, ASCII without a regular expression.
	let letters = 0;
	let upper = 0;
	for (const ch of text) {
		const c = ch.charCodeAt(0);
		if (c < 128) {
			if (c >= 65 && c <= 90) {
				letters++;
				upper++;
			} else if (c >= 97 && c <= 122) letters++;
		} else if (LETTER.test(ch)) {
			// In UTF-16 units, as the share was always measured.
			letters += ch.length;
			if (UPPER.test(ch)) upper += ch.length;
		}
	}
	if (letters < 4) return false;
	return upper / letters >= 0.9 && !/:\s*\S/.test(text);
}
