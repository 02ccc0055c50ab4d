// Matching what a transcript names (a committee, a person, an office) to the reference lists.
// Conservative on purpose: a wrong match would attach an undertaking to the wrong person, so an
// uncertain name is proposed for creation and the clerk sees it before anything is written.

const HONORIFICS = new Set([
	'hon',
	'honourable',
	'honorable',
	'dr',
	'mr',
	'mrs',
	'ms',
	'miss',
	'prof',
	'eng',
	'amb',
	'mhe',
	'mheshimiwa',
	'bw',
	'bi',
	'cs',
	'ps',
	'sen',
	'senator',
	'gen',
	'rtd',
	'cpa',
	'arch',
	'the'
]);

const STOP_WORDS = new Set(['the', 'of', 'for', 'and', 'on', 'in', 'a', 'ya', 'wa', 'na', 'la']);

/** Lower case, accents and punctuation dropped, words split. */
export function words(text: string): string[] {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.split(' ')
		.filter(Boolean);
}

/** The words of a person's name without honorifics ("Hon. Dr Raymond Omollo" → raymond omollo). */
export function nameWords(name: string): string[] {
	return words(name).filter((w) => !HONORIFICS.has(w));
}

function titleWords(title: string): Set<string> {
	return new Set(words(title).filter((w) => !STOP_WORDS.has(w)));
}

/** Shared words over all words (Jaccard), 0..1. */
function overlap(a: Set<string>, b: Set<string>): number {
	if (a.size === 0 || b.size === 0) return 0;
	let shared = 0;
	for (const w of a) if (b.has(w)) shared++;
	return shared / (a.size + b.size - shared);
}

export interface Named {
	id: number;
	name: string;
}

/**
 * The person a transcript's name refers to: the same words, or one name's words all within the
 * other's when both have at least two ("Kipchumba Murkomen" and "Onesimus Kipchumba Murkomen").
 * Two people fitting equally well is no match.
 */
export function matchPerson(name: string, people: readonly Named[]): number | null {
	const wanted = nameWords(name);
	if (wanted.length === 0) return null;
	const key = wanted.join(' ');
	const exact = people.filter((p) => nameWords(p.name).join(' ') === key);
	const [first, second] = exact;
	if (first) return second ? null : first.id;
	if (wanted.length < 2) return null;
	const wantedSet = new Set(wanted);
	const within = people.filter((p) => {
		const theirs = nameWords(p.name);
		if (theirs.length < 2) return false;
		const theirSet = new Set(theirs);
		return theirs.every((w) => wantedSet.has(w)) || wanted.every((w) => theirSet.has(w));
	});
	return within.length === 1 ? (within[0]?.id ?? null) : null;
}

export interface OfficeLike {
	id: number;
	title: string;
	organisationId: number;
}

/**
 * The office a title refers to. Offices the person holds come first: one of them fits when the
 * title shares most of its words (or when the transcript gives no title and they hold only one).
 */
export function matchOffice(
	title: string | null,
	offices: readonly OfficeLike[],
	heldIds: readonly number[] = []
): number | null {
	const held = offices.filter((o) => heldIds.includes(o.id));
	if (title === null || words(title).length === 0) {
		return held.length === 1 ? (held[0]?.id ?? null) : null;
	}
	const wanted = titleWords(title);
	const best = (pool: readonly OfficeLike[], threshold: number) => {
		const scored = pool
			.map((o) => ({ id: o.id, score: overlap(wanted, titleWords(o.title)) }))
			.filter((s) => s.score >= threshold)
			.sort((a, b) => b.score - a.score);
		return unrivalled(scored);
	};
	return best(held, 0.5) ?? best(offices, 0.8);
}

/** The organisation an office title belongs to, by the words they share ("…for Interior…"). */
export function guessOrganisation(
	title: string | null,
	organisations: readonly Named[]
): number | null {
	if (!title) return null;
	const wanted = titleWords(title);
	let bestId: number | null = null;
	let bestScore = 0;
	for (const o of organisations) {
		const theirs = titleWords(o.name);
		let shared = 0;
		for (const w of theirs) if (wanted.has(w)) shared++;
		const score = theirs.size === 0 ? 0 : shared / theirs.size;
		if (score > bestScore) {
			bestScore = score;
			bestId = o.id;
		}
	}
	return bestScore >= 0.5 ? bestId : null;
}

export interface CommitteeLike {
	id: number;
	name: string;
	abbreviation: string;
}

/** The committee a transcript names, among those given (the clerk's own). */
export function matchCommittee(
	name: string | null,
	committees: readonly CommitteeLike[]
): number | null {
	if (!name) return null;
	const wanted = titleWords(name);
	const byAbbreviation = committees.filter(
		(c) => words(c.abbreviation).join('') === words(name).join('')
	);
	const [only, another] = byAbbreviation;
	if (only && !another) return only.id;
	const scored = committees
		.map((c) => ({ id: c.id, score: overlap(wanted, titleWords(c.name)) }))
		.filter((s) => s.score >= 0.75)
		.sort((a, b) => b.score - a.score);
	return unrivalled(scored);
}

/** The best of candidates sorted by score, unless another scores the same. */
function unrivalled(scored: { id: number; score: number }[]): number | null {
	const [best, next] = scored;
	if (!best || (next && next.score === best.score)) return null;
	return best.id;
}
