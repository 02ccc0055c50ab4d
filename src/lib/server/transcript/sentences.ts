// Sentences of a speech with their offsets. Abbreviations ("Hon.", "Dr.", "No.", "Cap.",
// "Kshs."), initials and decimal numbers ("1.5") do not end a sentence.

export interface Sentence {
	text: string;
	start: number;
	end: number;
}

const ABBREVIATIONS = new Set(
	(
		'hon mhe bw bi mr mrs ms dr prof sen eng amb rev gen lt col maj capt cpl sgt insp supt rtd jr sr ' +
		'st no nos cap kshs ksh shs sh kes usd art arts sec secs cl para paras vol vols fig reg regs ' +
		"ltd co inc corp dept govt min approx etc e.g i.e eg ie vs viz cf al hon’ble hon'ble ch pp " +
		'jan feb mar apr jun jul aug sep sept oct nov dec est mt ft km kg ref op cit ibid ed'
	).split(/\s+/)
);

const END = /[.!?]+["'”’)\]]*(?=\s+["'“‘([]?[\p{Lu}\d])/gu;

/** The word before position `i` (the text just before the full stop). */
function wordBefore(text: string, i: number): string {
	const m = /([\p{L}.'’]+)$/u.exec(text.slice(Math.max(0, i - 20), i));
	return (m?.[1] ?? '').toLowerCase();
}

export function splitSentences(text: string): Sentence[] {
	const out: Sentence[] = [];
	let start = 0;
	for (const m of text.matchAll(END)) {
		const at = m.index;
		if (m[0].startsWith('.')) {
			const word = wordBefore(text, at);
			const bare = word.replace(/^.*\./, '') || word;
			if (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(bare)) continue;
			// Initials: "J. Doe", "S. M. Kamau".
			if (
				/^\p{Lu}$/u.test(text.slice(at - 1, at)) &&
				!/\p{L}/u.test(text.slice(at - 2, at - 1) || ' ')
			) {
				continue;
			}
		}
		const end = at + m[0].length;
		push(out, text, start, end);
		start = end;
	}
	push(out, text, start, text.length);
	return out;
}

function push(out: Sentence[], text: string, from: number, to: number): void {
	let s = from;
	while (s < to && /\s/.test(text[s]!)) s++;
	let e = to;
	while (e > s && /\s/.test(text[e - 1]!)) e--;
	if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}
