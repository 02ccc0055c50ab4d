// Sentence splitting: abbreviations, initials and decimals do not end a sentence.
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/lib/server/transcript/sentences';

describe('splitSentences', () => {
	it('does not split at Hon., Dr., No., Cap., Kshs. or inside 1.5', () => {
		const text =
			'Thank you, Hon. Chairperson. Dr. Omollo will pay Kshs. 1.5 billion under Cap. 12 and Section No. 5. "We will do it," he said. Is it true? Yes.';
		expect(splitSentences(text).map((s) => s.text)).toEqual([
			'Thank you, Hon. Chairperson.',
			'Dr. Omollo will pay Kshs. 1.5 billion under Cap. 12 and Section No. 5.',
			'"We will do it," he said.',
			'Is it true?',
			'Yes.'
		]);
	});

	it('gives offsets into the text', () => {
		const text = 'One. Two.';
		expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['One.', 'Two.']);
	});
});
