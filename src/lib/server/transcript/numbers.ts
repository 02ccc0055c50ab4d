// Numbers written as words, in English and Kiswahili ("thirty", "twenty-one", "thelathini").

const EN: Record<string, number> = {
	a: 1,
	an: 1,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19,
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90,
	hundred: 100
};

const SW: Record<string, number> = {
	moja: 1,
	mbili: 2,
	tatu: 3,
	nne: 4,
	tano: 5,
	sita: 6,
	saba: 7,
	nane: 8,
	tisa: 9,
	kumi: 10,
	ishirini: 20,
	thelathini: 30,
	arobaini: 40,
	hamsini: 50,
	sitini: 60,
	sabini: 70,
	themanini: 80,
	tisini: 90,
	mia: 100
};

/** Words and digits a number phrase may contain. */
export const NUMBER_WORDS = `(?:\\d{1,3}|(?:${[...Object.keys(EN), ...Object.keys(SW), 'na'].join('|')})(?:[\\s-]+(?:${[...Object.keys(EN), ...Object.keys(SW), 'na'].join('|')}))*)`;

/** The value of "thirty", "twenty-one", "14", "kumi na nne", "(30)"; null when not a number. */
export function numberOf(phrase: string): number | null {
	const p = phrase.toLowerCase().trim();
	if (/^\d+$/.test(p)) return Number(p);
	let total = 0;
	let found = false;
	for (const word of p.split(/[\s-]+/)) {
		if (word === 'na' || word === 'and') continue;
		const v = EN[word] ?? SW[word];
		if (v === undefined) return null;
		found = true;
		total = v === 100 ? Math.max(1, total) * 100 : total + v;
	}
	return found ? total : null;
}
