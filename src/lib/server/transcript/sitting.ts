// The sitting a transcript records: committee, date, subject and who appeared for the
// government, from the header lines, the headings and the speakers.
import * as chrono from 'chrono-node';
import { endOfMonth, isoOf, SWAHILI_MONTH, SWAHILI_MONTHS } from './calendar';
import { isHeading } from './line-kinds';
import type { Appeared, ReadDocument, SittingGuess, Speech } from './types';

/** Lines from the top of the document searched for the committee and the date. */
const HEADER_LINES = 60;

/** A word as written in running text or in a header in capitals. */
const word = (...ws: string[]) => `(?:${ws.flatMap((w) => [w, w.toUpperCase()]).join('|')})`;
const CAPITALISED = "[\\p{Lu}][\\p{L}'’-]*";
const CONNECTOR = word('and', 'of', 'the', 'for', 'on', '&');
const COMMITTEE_EN = new RegExp(
	`\\b(?:${word('Departmental', 'Select', 'Joint', 'Ad-hoc', 'Adhoc', 'Standing', 'Sessional', 'Liaison', 'House')}\\s+)*${word('Committee', 'committee')}\\s+${word('on')}\\s+(?:${word('the')}\\s+)?${CAPITALISED}(?:\\s*(?:,|${CONNECTOR})?\\s*${CAPITALISED})*`,
	'gu'
);
const COMMITTEE_NAMED = new RegExp(
	`\\b(?:${CAPITALISED}\\s+(?:${CONNECTOR}\\s+)?){1,5}${word('Committee')}\\b`,
	'gu'
);
const COMMITTEE_SW =
	/\bKamati\s+(?:ya|la|kuhusu)\s+[\p{Lu}][\p{L}'’-]*(?:\s+(?:na|ya|wa|la|za|kuhusu|[\p{Lu}][\p{L}'’-]*))*/gu;
/** Words that end a committee's name in a header line in capitals. */
const STOP =
	/\s+(?:held|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at|in|sitting|meeting|chaired|minutes|report|hansard|iliyofanyika|jumatatu|jumanne|jumatano|alhamisi|ijumaa)\b.*$/i;
const NOT_COMMITTEE =
	/^(?:The|This|That|A|An|Our|Your|Their|Its|Whole|Every|Each|Said|Same)\s+Committee$/i;
const SUBJECT =
	/\b(?:consideration of|examination of|meeting with|session with|briefing (?:by|on)|inquiry into|appearance (?:of|by)|statement (?:on|by)|agenda:?|kuzingatia|kikao na|mkutano na)\b/i;
const BOILERPLATE =
	/^(?:(?:the )?national assembly|(?:the )?senate|parliament of kenya|republic of kenya|official report|(?:the )?hansard|bunge la kenya|minutes|verbatim|present|in attendance|witnesses|absent|secretariat|prayers?|dua|adjournment|quorum|communication from the chair|papers laid|notices? of motions?|questions?|oral answers|bills?|motions?|kenya|report of proceedings)\b/i;

function titleCase(s: string): string {
	if (/\p{Ll}/u.test(s)) return s;
	return s
		.toLowerCase()
		.replace(/(^|\s)(\p{L})/gu, (_, sp: string, c: string) => sp + c.toUpperCase())
		.replace(/\s(And|Of|On|The|For|With|To|By|At|In|Ya|Na|Wa|La|Za|Kwa)\b/g, (m) =>
			m.toLowerCase()
		);
}

function tidyCommittee(raw: string): string | null {
	const name = titleCase(
		raw
			.replace(STOP, '')
			// Header lines joined: "… SESSION THE NATIONAL ASSEMBLY BUDGET AND APPROPRIATIONS COMMITTEE".
			.replace(/^.*\b(?:assembly|senate|session|parliament|kenya|bunge)(?:'s)?\s+(?=\S)/i, '')
			.replace(/^(?:the|its|a)\s+/i, '')
			.replace(/[\s,]+$/, '')
			.replace(/\s+/g, ' ')
			.trim()
	);
	if (NOT_COMMITTEE.test(name) || name.split(' ').length < 2) return null;
	return name;
}

function committeeIn(text: string): string | null {
	for (const re of [COMMITTEE_EN, COMMITTEE_SW, COMMITTEE_NAMED]) {
		re.lastIndex = 0;
		for (const m of text.matchAll(re)) {
			const name = tidyCommittee(m[0]);
			if (name) return name;
		}
	}
	return null;
}

function committeeInLines(lines: { text: string }[]): string | null {
	for (let i = 0; i < lines.length; i++) {
		const text = lines[i]!.text;
		if (!/committee|kamati/i.test(text)) continue;
		// Running text may wrap a name onto the next line; a header line in capitals stands alone.
		const next = /\p{Ll}/u.test(text) ? lines[i + 1]?.text : undefined;
		const found = committeeIn(next ? `${text} ${next}` : text);
		if (found) return found;
	}
	return null;
}

/** An ISO date written out in full in `text` (English via chrono, Kiswahili by month name). */
export function fullDateIn(text: string): string | null {
	const sw = new RegExp(
		`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${SWAHILI_MONTH},?\\s+(\\d{4})\\b`,
		'i'
	).exec(text);
	if (sw) {
		const month = SWAHILI_MONTHS[sw[2]!.toLowerCase()]!;
		const day = Number(sw[1]);
		if (
			day >= 1 &&
			`${sw[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` <=
				endOfMonth(Number(sw[3]), month)
		) {
			return isoOf(new Date(Date.UTC(Number(sw[3]), month - 1, day, 12)));
		}
	}
	if (!/\b\d{4}\b/.test(text)) return null;
	for (const r of chrono.parse(text, { instant: new Date(), timezone: 0 })) {
		const s = r.start;
		if (
			s.isCertain('day') &&
			s.isCertain('month') &&
			s.isCertain('year') &&
			/\b\d{4}\b/.test(r.text)
		) {
			const d = s.date();
			return isoOf(new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), 12)));
		}
	}
	return null;
}

/** Headings with their wrapped lines joined. */
function headingsOf(doc: ReadDocument): string[] {
	const out: string[] = [];
	let previous = -2;
	doc.lines.forEach((l, i) => {
		if (!isHeading(l.text)) return;
		if (previous === i - 1 && out.length > 0) out[out.length - 1] += ` ${l.text}`;
		else out.push(l.text);
		previous = i;
	});
	return out;
}

function subjectOf(doc: ReadDocument, speeches: Speech[]): string | null {
	// A news report's subject is its headline.
	if (speeches[0]?.form === 'reported') {
		const headline = doc.lines.find(
			(l) =>
				l.text.split(' ').length >= 5 &&
				l.text.length <= 200 &&
				!BOILERPLATE.test(l.text) &&
				!fullDateIn(l.text)
		);
		if (headline) return headline.text;
	}
	const headings = headingsOf(doc);
	const agenda = headings.find((h) => SUBJECT.test(h));
	if (agenda) return titleCase(agenda.replace(/^agenda:?\s*/i, ''));
	const stated = doc.lines
		.slice(0, HEADER_LINES * 2)
		.find((l) => SUBJECT.test(l.text) && l.text.length < 200);
	if (stated) return stated.text.replace(/^agenda:?\s*/i, '');
	const heading = headings.find(
		(h) => !BOILERPLATE.test(h) && !/committee|kamati/i.test(h) && !fullDateIn(h)
	);
	if (heading) return titleCase(heading);
	if (speeches[0]?.form === 'reported') return doc.lines[0]?.text ?? null;
	return null;
}

function appearedOf(speeches: Speech[]): Appeared[] {
	const seen = new Map<string, Appeared>();
	for (const s of speeches) {
		const { name, title, role } = s.speaker;
		if ((role !== 'minister' && role !== 'official') || !name) continue;
		const key = name.toLowerCase();
		const had = seen.get(key);
		if (!had) seen.set(key, { name, title });
		else if (title && (!had.title || title.length > had.title.length)) had.title = title;
	}
	return [...seen.values()];
}

export function sittingOf(doc: ReadDocument, speeches: Speech[]): SittingGuess {
	const header = doc.lines.slice(0, HEADER_LINES);
	const headings = headingsOf({ ...doc, lines: header }).map((text) => ({ text }));
	const committee =
		committeeInLines(headings) ?? committeeInLines(header) ?? committeeInLines(doc.lines);
	let satOn: string | null = null;
	for (const l of header) if ((satOn = fullDateIn(l.text))) break;
	if (!satOn) for (const l of doc.lines) if ((satOn = fullDateIn(l.text))) break;
	return { committee, satOn, subject: subjectOf(doc, speeches), appeared: appearedOf(speeches) };
}
