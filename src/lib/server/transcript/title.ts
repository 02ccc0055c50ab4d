// A suggested title and commitment type for a proposed undertaking, from its sentence.
import type { CommitmentType } from '../db/schema';

const MAX_TITLE = 120;

/** The words after the future form: "we will create a unit …" → "create a unit …". */
const COMMITMENT = [
	/\b(?:I|we|the\s+(?:\w+\s+){0,4}?(?:Ministry|State\s+Department|Government|Department|Treasury|Directorate|Service)|my\s+\w+|he|she|they)\s+(?:\w+ly\s+|also\s+|now\s+)?(?:will|shall|would|'ll|are\s+going\s+to|is\s+going\s+to|am\s+going\s+to|intends?\s+to|plans?\s+to|propose\s+to|commits?\s+to|undertakes?\s+to|undertake\s+to|are\s+committed\s+to|is\s+committed\s+to|aims?\s+to|are\s+set\s+to|is\s+set\s+to)\s+(?:(?:also|now|then|soon|immediately|further|ensure\s+that\s+we|make\s+sure\s+that\s+we)\s+)?/i,
	/\b(?:I|we)\s+(?:are|am)\s+(?:now\s+|currently\s+)?(?:in\s+the\s+process\s+of|working\s+with\s+[^,]+?\s+to)\s+/i
];

function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}

function shorten(s: string): string {
	if (s.length <= MAX_TITLE) return s;
	const cut = s.slice(0, MAX_TITLE - 1);
	return `${cut.slice(0, cut.lastIndexOf(' ') > 60 ? cut.lastIndexOf(' ') : cut.length)}…`;
}

/** Drops a news report's attribution and the closing punctuation and quotes. */
function tidy(s: string): string {
	return s
		.replace(
			/["”’]?\s*,?\s*(?:he|she|they|[\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})\s+(?:said|added|told|stated|assured|promised|explained)\b.*$/u,
			''
		)
		.replace(/^["“‘\s]+/, '')
		.replace(/["”’\s.,;:!]+$/, '')
		.trim();
}

export function titleOf(quote: string): string {
	const text = tidy(quote);
	for (const pattern of COMMITMENT) {
		const m = pattern.exec(text);
		if (m) {
			const rest = text.slice(m.index + m[0].length).trim();
			if (rest.split(' ').length >= 2) return shorten(capitalise(rest));
		}
	}
	return shorten(capitalise(text));
}

const TYPES: [CommitmentType, RegExp][] = [
	[
		'legislation',
		/\b(?:bills?|act|regulations?|amend\w*|legislation|law|statute|gazette\s+notice|subsidiary|mswada|sheria|kanuni)\b/i
	],
	['policy', /\b(?:policy|policies|strategy|framework|guidelines|sera|mkakati)\b/i],
	[
		'funding',
		/\b(?:funds?|funding|allocat\w+|budget\w*|releas\w+|pay|paid|payments?|disburs\w+|arrears|Kshs?\.?|KES|Sh\s?\d|billion|million|shilingi|fedha|bajeti)\b/i
	],
	[
		'institution',
		/\b(?:unit|authority|office|establish\w*|create|set\s+up|commission|directorate|agency|centre|center|station|recruit\w*|hire|deploy\w*|kitengo|mamlaka|taskforce|task\s+force|board)\b/i
	],
	[
		'information',
		/\b(?:inform|write|table|report\s+back|submit|furnish|provide|statement|update|brief|revert|publish|report|list|wasilisha|ripoti|taarifa)\b/i
	]
];

/** Verbs that make an undertaking one of giving information, unless a law is what is tabled. */
const INFORMATION_VERB =
	/^(?:submit|table|write|inform|report|furnish|provide|publish|share|brief|update|lay|revert|avail|give|present|send|communicate)\b/i;

export function typeOf(text: string, title = ''): CommitmentType {
	if (INFORMATION_VERB.test(title) && !TYPES[0]![1].test(title)) return 'information';
	return TYPES.find(([, re]) => re.test(text))?.[0] ?? 'policy';
}
