// A news report's speech: quoted ("We will …," Murkomen said.) and reported (Interior CS
// Kipchumba Murkomen told the committee that the ministry would …) sentences, each attributed
// to a person; "he", "she" and "the CS" refer back to the last person named.
import { sentencesWithPlace } from './speech-place';
import type { ReadDocument, Speaker, SpeakerRole, Speech } from './types';

const VERB =
	'(?:said|says|told|tells|added|adds|assures|promises|pledges|announces|stated|explained|assured|promised|pledged|announced|noted|revealed|disclosed|indicated|insisted|maintained|committed|undertook|observed|warned|argued|asked|wondered|urged|remarked|confirmed|vowed|alisema|aliambia|aliahidi|ameahidi|ameeleza|alieleza|aliongeza)';
const PRONOUN = '(?:[Hh]e|[Ss]he|[Tt]hey|[Yy]eye)\\b';
const DEFINITE =
	'(?:[Tt]he\\s+(?:CS|PS|Cabinet Secretary|Principal Secretary|[Mm]inister|Waziri|[Cc]hairperson|[Cc]hairman|[Cc]hair|MP|[Ll]egislator|[Ll]awmaker|[Oo]fficial|[Dd]irector|[Cc]ommittee [Cc]hair(?:person)?)\\b)';
/** A descriptor before a name: "Interior CS", "Kathiani MP", "Committee chairperson". */
const DESCRIPTOR =
	"(?:(?:[\\p{Lu}][\\p{L}'’-]+\\s+){0,4}(?:CS|PS|Cabinet Secretary|Principal Secretary|Minister|MP|Senator|Chairperson|Chairman|Chair|Director(?:[- ]General)?|Commissioner|Inspector[- ]General|Governor|Waziri|Mbunge|Katibu|Mwenyekiti|[Cc]ommittee [Cc]hair(?:person|man)?|[Cc]hair(?:person|man)?)\\s+)";
const NAME =
	"(?:(?:Hon\\.?|Dr\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Prof\\.?|Eng\\.?|Mhe\\.?)\\s+)?[\\p{Lu}][\\p{L}'’-]+(?:\\s+[\\p{Lu}][\\p{L}'’-]+){0,3}";
const WHO = `(?<pronoun>${PRONOUN})|(?<definite>${DEFINITE})|(?<descriptor>${DESCRIPTOR})?(?<name>${NAME})`;

/** "… ," Murkomen said. / "…," said Murkomen. / Murkomen said: "…" / Murkomen told MPs that … */
const PATTERNS = [
	`["”’]\\s*,?\\s*(?:${WHO})\\s+${VERB}\\b`,
	`["”’]\\s*,?\\s*${VERB}\\s+(?:${WHO})`,
	`^(?:${WHO})\\s+(?:also\\s+|further\\s+|however\\s+|later\\s+)?(?:has\\s+|had\\s+|have\\s+)?${VERB}\\b`,
	`,\\s*(?:${WHO})\\s+(?:has\\s+|had\\s+)?${VERB}\\b[^.]*\\.?$`,
	`,\\s*${VERB}\\s+(?:${WHO})[^.]*\\.?$`,
	`^According to (?:${WHO}),`
].map((p) => new RegExp(p, 'u'));

/** A person named with an office ("Interior CS Kipchumba Murkomen"), whatever the verb. */
const MENTION = new RegExp(`(?<descriptor>${DESCRIPTOR})(?<name>${NAME})`, 'gu');

function mentionsIn(sentence: string): Speaker[] {
	return [...sentence.matchAll(MENTION)].map((m) => {
		const descriptor = m.groups!.descriptor!.trim();
		const name = m.groups!.name!.replace(/^(Hon|Dr|Mr|Mrs|Ms|Prof|Eng|Mhe)\.?\s+/, '');
		return { name, title: descriptor, role: roleOfDescriptor(descriptor) };
	});
}

const NOT_NAMES = new Set([
	'The',
	'This',
	'That',
	'It',
	'We',
	'I',
	'They',
	'He',
	'She',
	'Speaking',
	'But',
	'And',
	'However',
	'In',
	'On',
	'At',
	'Kenya',
	'Parliament',
	'Members'
]);

function roleOfDescriptor(d: string): SpeakerRole {
	if (/\b(CS|PS|Cabinet Secretary|Principal Secretary|Minister|Waziri|Katibu)\b/i.test(d))
		return 'minister';
	if (/\b(chair(person|man)?|Speaker|Mwenyekiti)\b/i.test(d)) return 'chair';
	if (/\b(MP|Senator|Mbunge|legislator|lawmaker)\b/i.test(d)) return 'member';
	if (/\b(Director|Commissioner|Inspector|official|Governor)\b/i.test(d)) return 'official';
	return 'unknown';
}

interface Attribution {
	speaker: Speaker;
}

function attributionOf(
	sentence: string,
	people: Speaker[],
	last: Speaker | null
): Attribution | null {
	let m: RegExpExecArray | null = null;
	for (const p of PATTERNS) if ((m = p.exec(sentence))) break;
	if (!m?.groups) return null;
	const g = m.groups;
	if (g.pronoun) return last ? { speaker: last } : null;
	if (g.definite) {
		const role = roleOfDescriptor(g.definite);
		const match = [...people].reverse().find((p) => p.role === role) ?? last;
		return match ? { speaker: match } : null;
	}
	const name = (g.name ?? '').replace(/^(Hon|Dr|Mr|Mrs|Ms|Prof|Eng|Mhe)\.?\s+/, '').trim();
	if (!name || NOT_NAMES.has(name.split(' ')[0]!)) return null;
	if (/\b(?:CS|PS|MP|Minister|Secretary|Senator|Chair(?:person|man)?)$/.test(name)) {
		return { speaker: { name: null, title: name, role: roleOfDescriptor(name) } };
	}
	const surname = name.split(' ').pop()!.toLowerCase();
	// The fullest earlier mention: "Health Cabinet Secretary Aden Duale" rather than "Duale".
	const known = people
		.filter((p) => p.name?.toLowerCase().split(' ').includes(surname))
		.sort(
			(a, b) =>
				Number(b.role !== 'unknown') - Number(a.role !== 'unknown') ||
				(b.name?.length ?? 0) - (a.name?.length ?? 0)
		)[0];
	if (known && !g.descriptor) return { speaker: known };
	const descriptor = g.descriptor?.trim() ?? null;
	const speaker: Speaker = {
		name: known && known.name!.length > name.length ? known.name : name,
		title: descriptor ?? known?.title ?? null,
		role: descriptor ? roleOfDescriptor(descriptor) : (known?.role ?? 'unknown')
	};
	return { speaker };
}

/** Speeches of a text without speaker labels, or none. */
export function reportedSpeeches(doc: ReadDocument): Speech[] {
	const speeches: Speech[] = [];
	const people: Speaker[] = [];
	let last: Speaker | null = null;
	let inQuote = false;
	for (const s of sentencesWithPlace(doc.lines, doc.kind === 'html')) {
		const found = attributionOf(s.text, people, last);
		const opensQuote = /^["“]/.test(s.text);
		let speaker: Speaker | null = found?.speaker ?? null;
		// A quotation that runs on after its attribution: "… ," he said. "We will also …"
		if (!speaker && (opensQuote || inQuote) && last) speaker = last;
		const quotes = (s.text.match(/["“”]/g) ?? []).length;
		if (opensQuote || inQuote) inQuote = quotes % 2 === 1 ? !inQuote : inQuote;
		if (!found) {
			// "Interior CS Kipchumba Murkomen appeared before …": "he" in the next sentence.
			for (const person of mentionsIn(s.text)) {
				if (!people.some((p) => p.name === person.name)) people.push(person);
				last = person;
			}
		}
		if (!speaker) continue;
		if (found) {
			const existing = people.findIndex((p) => p.name === speaker!.name);
			if (existing >= 0) people.splice(existing, 1);
			people.push(speaker);
			last = speaker;
		}
		speeches.push({
			speaker,
			page: s.page,
			line: s.line,
			text: s.text,
			form: 'reported',
			heading: null,
			spans: [{ offset: 0, page: s.page, line: s.line }]
		});
	}
	return speeches;
}
