// Speeches from speaker lines (English and Kiswahili, wrapped titles), headings and scene lines;
// a news report's quoted and reported speech.
import { describe, expect, it } from 'vitest';
import { speechesOf, TranscriptError } from '../../../src/lib/server/transcript/index';
import { docOf } from './doc';

describe('speechesOf on a Hansard', () => {
	const { speeches, headings } = speechesOf(
		docOf(`MEETING WITH THE CABINET SECRETARY FOR INTERIOR
AND NATIONAL ADMINISTRATION
The Chairperson (Hon. Gabriel Tongoyo): Welcome, Cabinet Secretary.
(Applause)
The Cabinet Secretary for Interior and National Administration (Hon. Kipchumba
Murkomen): Thank you, Chair. We will create a special anti-human-
trafficking unit. The unit will be oper-
ational by March.
[The Chairperson (Hon. Tongoyo) left the Chair]
Hon. Robert Mbui (Kathiani, WDM): When will the unit start?
The Principal Secretary, State Department for Internal Security and National Administration (Dr Raymond Omollo): Chair, we are recruiting.
Hon. Member: On a point of order!
Mhe. Spika: Asante sana.
Mhe. Ali (Mvita, ODM): Nashukuru.
Waziri wa Usalama wa Ndani (Mhe. Kipchumba Murkomen): Tutaweka kitengo maalum.
The Cabinet Secretary: We shall.`)
	);

	it('finds each speaker with name, title and role', () => {
		expect(speeches.map((s) => [s.speaker.name, s.speaker.title, s.speaker.role])).toEqual([
			['Gabriel Tongoyo', 'Chairperson', 'chair'],
			[
				'Kipchumba Murkomen',
				'Cabinet Secretary for Interior and National Administration',
				'minister'
			],
			['Robert Mbui', 'Member for Kathiani', 'member'],
			[
				'Raymond Omollo',
				'Principal Secretary, State Department for Internal Security and National Administration',
				'minister'
			],
			[null, 'Member', 'member'],
			[null, 'Spika', 'chair'],
			['Ali', 'Member for Mvita', 'member'],
			['Kipchumba Murkomen', 'Waziri wa Usalama wa Ndani', 'minister'],
			[
				'Kipchumba Murkomen',
				'Cabinet Secretary for Interior and National Administration',
				'minister'
			]
		]);
	});

	it('joins lines, undoes hyphenation but keeps compound hyphens, and drops scene lines', () => {
		expect(speeches[1]?.text).toBe(
			'Thank you, Chair. We will create a special anti-human-trafficking unit. The unit will be operational by March.'
		);
		expect(speeches[1]).toMatchObject({ page: 1, line: 5 });
		expect(speeches[0]?.text).toBe('Welcome, Cabinet Secretary.');
	});

	it('keeps headings apart, joined over their lines', () => {
		expect(headings.map((h) => h.text)).toEqual([
			'MEETING WITH THE CABINET SECRETARY FOR INTERIOR AND NATIONAL ADMINISTRATION'
		]);
		expect(speeches[0]?.heading).toBe(headings[0]?.text);
	});

	it('drops a scene line that wraps over two lines', () => {
		const { speeches: s } = speechesOf(
			docOf(`Hon. Member: Thank you.
[The Temporary Deputy Speaker (Hon. Jane Doe)
took the Chair]
We will continue.`)
		);
		expect(s[0]?.text).toBe('Thank you. We will continue.');
	});

	it('does not take a sentence with a colon for a speaker line', () => {
		const { speeches: s } = speechesOf(
			docOf(`Hon. Member: The Ministry has three priorities: security, roads and water.
The Cabinet Secretary said: we will act.`)
		);
		expect(s).toHaveLength(1);
		expect(s[0]?.text).toContain('The Cabinet Secretary said: we will act.');
	});
});

describe('speechesOf on a news report', () => {
	it('attributes quoted and reported speech, a pronoun to the last person named', () => {
		const { speeches } = speechesOf(
			docOf(`Ministry to set up unit

Interior CS Kipchumba Murkomen told the committee on Tuesday that the ministry would establish a unit.
"We will create the unit within thirty days," Murkomen said. He said the government had already recruited 500 officers.
Kathiani MP Robert Mbui asked when the ministry would act.
"We are working with the Treasury," he added.`)
		);
		expect(speeches.map((s) => [s.speaker.name, s.speaker.role, s.form, s.text])).toEqual([
			[
				'Kipchumba Murkomen',
				'minister',
				'reported',
				'Interior CS Kipchumba Murkomen told the committee on Tuesday that the ministry would establish a unit.'
			],
			[
				'Kipchumba Murkomen',
				'minister',
				'reported',
				'"We will create the unit within thirty days," Murkomen said.'
			],
			[
				'Kipchumba Murkomen',
				'minister',
				'reported',
				'He said the government had already recruited 500 officers.'
			],
			[
				'Robert Mbui',
				'member',
				'reported',
				'Kathiani MP Robert Mbui asked when the ministry would act.'
			],
			['Robert Mbui', 'member', 'reported', '"We are working with the Treasury," he added.']
		]);
	});

	it('throws no_speeches on prose without speakers or attribution', () => {
		expect(() => speechesOf(docOf('The committee toured the site.\nIt rained.'))).toThrow(
			TranscriptError
		);
	});
});
