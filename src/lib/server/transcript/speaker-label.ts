// Hansard speaker labels: "The Cabinet Secretary for Interior (Hon. Kipchumba Murkomen):",
// "Hon. Robert Mbui (Kathiani, WDM):", "The Chairperson (Hon. Gabriel Tongoyo):", "Hon. Member:",
// Kiswahili "Mhe. Spika:", "Waziri wa Usalama wa Ndani (Mhe. Kipchumba Murkomen):".
import type { Speaker, SpeakerRole } from './types';

/** Honorifics before a name, English and Kiswahili. */
const HONORIFIC =
	/^(?:(?:Hon|Mhe|Mheshimiwa|Bw|Bi|Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Eng|Amb|Rtd|Gen|Lt|Col|Maj|Capt|CPA|Arch|Bishop|Rev|Justice|Daktari)\.?\s+|\((?:Ms|Mrs|Dr|Prof|Eng|Capt|Rtd|Amb|Gen)\.?\)\s*)+/i;

const OPENERS =
	/^(?:The\s|An?\s+Hon\.|Hon\.?\s|Mhe\.?\s|Mheshimiwa\s|Bw\.?\s|Bi\.?\s|Mr\.?\s|Mrs\.?\s|Ms\.?\s|Dr\.?\s|Prof\.?\s|Sen\.?\s|Eng\.?\s|Amb\.?\s|Several\s|Some\s|Waziri\b|Katibu\b|Naibu\b|Spika\b|Mwenyekiti\b|Cabinet\s+Secretary\b|Principal\s+Secretary\b|Chairperson\b|Chairman\b|Chair\b|Speaker\b|Clerk\b|Witness\b|Director\b|Commissioner\b|Inspector\b|Mkurugenzi\b)/;

const CHAIR =
	/\b(Chairperson|Chairman|Chairwoman|Chair|Speaker|Spika|Mwenyekiti|Temporary Deputy|Deputy Speaker|Naibu Spika)\b/i;
const MINISTER =
	/\b(Cabinet Secretary|Principal Secretary|Minister|Waziri|Katibu|Attorney[- ]General|Deputy President|Prime Cabinet Secretary)\b/i;
const OFFICIAL =
	/\b(Director|Commissioner|Inspector[- ]General|Chief Executive|CEO|Secretary|Registrar|Accountant[- ]General|Controller|Governor|Managing Director|Head of|Officer|Mkurugenzi|Kamishna|Afisa|Permanent Secretary|Solicitor[- ]General|Commandant|Chief of)\b/i;
const MEMBER_ONLY = /^(?:An?\s+|Several\s+|Some\s+)?(Hon\.?|Mhe\.?)\s+Members?$/i;

/** Words allowed in lower case inside a title outside brackets. */
const CONNECTORS = new Set(
	'for of and the on in to at wa ya la na za cha kwa katika & - – of/ de'.split(' ')
);

function clean(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

function stripHonorifics(s: string): string {
	return clean(s.replace(HONORIFIC, ''));
}

export function roleOf(
	title: string | null,
	inBrackets: string | null,
	hasParty: boolean
): SpeakerRole {
	const t = title ?? '';
	if (CHAIR.test(t) && !MINISTER.test(t)) return 'chair';
	if (MINISTER.test(t)) return 'minister';
	if (OFFICIAL.test(t)) return 'official';
	if (hasParty) return 'member';
	if (/^(Hon|Mhe|Mheshimiwa|Sen)\b/i.test(t) || (inBrackets === null && /^Member/i.test(t))) {
		return 'member';
	}
	return 'unknown';
}

/** Whether the text outside brackets reads like a title or a name, not a sentence. */
function titleLike(outside: string, maxLower: number): boolean {
	const words = outside.split(/\s+/).filter(Boolean);
	if (words.length === 0 || words.length > 22) return false;
	let lower = 0;
	for (const w of words) {
		const bare = w.replace(/^[("'[]+|[)"',.\]]+$/g, '');
		if (!bare) continue;
		if (/^[\p{Lu}\d]/u.test(bare)) continue;
		if (CONNECTORS.has(bare.toLowerCase())) continue;
		lower++;
	}
	return (
		lower <= maxLower &&
		!/[.!?;]\s/.test(
			outside
				.replace(HONORIFIC, '')
				.replace(/\b(Hon|Mhe|Bw|Bi|Mr|Mrs|Ms|Dr|Prof|Sen|Eng|St|No)\.\s/g, '')
		)
	);
}

/**
 * The speaker a label names ("The Chairperson (Hon. Gabriel Tongoyo)", without the colon), or
 * null when the text is not a speaker label. `bold` loosens the test for PDFs that set labels bold.
 */
export function parseSpeakerLabel(label: string, bold = false): Speaker | null {
	const l = clean(label);
	if (l.length < 3 || l.length > 220) return null;
	if (!OPENERS.test(l) && !(bold && /^[\p{Lu}]/u.test(l))) return null;
	if (MEMBER_ONLY.test(l)) return { name: null, title: 'Member', role: 'member' };
	const bracket = /^(.*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(l);
	const outside = clean(bracket ? bracket[1]! : l);
	const inside = bracket ? clean(bracket[2]!) : null;
	if (!titleLike(outside, inside === null ? 0 : 1)) return null;
	if (inside !== null && inside.length > 120) return null;
	const outsideNoThe = outside.replace(/^The\s+/i, '');
	// "Hon. Robert Mbui (Kathiani, WDM)": a Member with constituency and party.
	const memberParty =
		inside !== null && /^[^,]+,\s*[\p{Lu}\-–.& ]{2,}$/u.test(inside) && HONORIFIC.test(outside);
	if (memberParty) {
		const [place] = inside.split(',');
		return {
			name: stripHonorifics(outside) || null,
			title: `Member for ${clean(place!)}`,
			role: 'member'
		};
	}
	if (inside !== null && HONORIFIC.test(inside)) {
		// "The Chairperson (Hon. Gabriel Tongoyo)", "Waziri wa … (Mhe. Kipchumba Murkomen)"
		const title = stripHonorifics(outsideNoThe) || outsideNoThe;
		return { name: stripHonorifics(inside) || null, title, role: roleOf(title, inside, false) };
	}
	if (inside !== null) {
		// "Mr Amin Mohamed (Director of Criminal Investigations)" or "(Nominated)".
		const name = stripHonorifics(outside);
		if (HONORIFIC.test(outside) || !CHAIR.test(outside)) {
			const role = roleOf(inside, inside, false);
			const isMember = role === 'unknown' && /^(Hon|Mhe|Sen)\b/i.test(outside);
			return {
				name: name || null,
				title: isMember ? `Member for ${inside}` : inside,
				role: isMember ? 'member' : role
			};
		}
		return {
			name: stripHonorifics(inside) || null,
			title: outsideNoThe,
			role: roleOf(outsideNoThe, inside, false)
		};
	}
	// No brackets: "Hon. Speaker", "Mhe. Spika", "The Cabinet Secretary", "Hon. Mbui", "Dr Omollo".
	const bare = stripHonorifics(outsideNoThe);
	if (CHAIR.test(bare) || MINISTER.test(bare) || OFFICIAL.test(bare)) {
		return { name: null, title: bare, role: roleOf(bare, null, false) };
	}
	if (!HONORIFIC.test(outside) && !(bold && /\p{Ll}/u.test(bare))) return null;
	if (!bare || bare.split(' ').length > 5) return null;
	const member = /^(Hon|Mhe|Mheshimiwa|Sen)\b/i.test(outside);
	return { name: bare, title: null, role: member ? 'member' : 'unknown' };
}
