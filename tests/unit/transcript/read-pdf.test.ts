// Reading PDFs built here with pdf-lib: lines, bold speaker labels, page furniture dropped.
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/lib/server/transcript/index';
import { makePdf } from './make-pdf';

const HEAD = () => ['NATIONAL ASSEMBLY DEBATES', 'Tuesday, 14th October, 2025 (A)'];
const FOOT = (page: number, pages: number) => [
	`Page ${page} of ${pages}`,
	'Disclaimer: The electronic version of the Official Hansard Report is for information',
	'purposes only. A certified version of this Report can be obtained from the Hansard Editor.'
];

describe('readTranscript on a PDF', () => {
	it('reads lines in order, marks bold speaker labels and drops heads, page numbers and the disclaimer', async () => {
		const pdf = await makePdf(
			[
				[
					{ text: 'MEETING WITH THE CABINET SECRETARY', bold: true },
					{
						boldLead: 'The Chairperson (Hon. Gabriel Tongoyo):',
						text: 'Welcome, Cabinet Secretary.'
					},
					{
						text: 'The Cabinet Secretary for Interior and National Administration (Hon. Kipchumba',
						bold: true
					},
					{ boldLead: 'Murkomen):', text: 'Thank you, Chair.' },
					{ text: 'We will create a special unit within the DCI.' }
				],
				[{ text: 'Second page body line.' }],
				[{ text: 'Third page body line.' }]
			],
			{ head: HEAD, foot: FOOT }
		);
		const doc = await readTranscript(pdf, 'hansard.pdf');
		expect(doc.kind).toBe('pdf');
		expect(doc.pages).toBe(3);
		expect(doc.lines.map((l) => [l.page, l.line, l.text])).toEqual([
			[1, 1, 'MEETING WITH THE CABINET SECRETARY'],
			[1, 2, 'The Chairperson (Hon. Gabriel Tongoyo): Welcome, Cabinet Secretary.'],
			[1, 3, 'The Cabinet Secretary for Interior and National Administration (Hon. Kipchumba'],
			[1, 4, 'Murkomen): Thank you, Chair.'],
			[1, 5, 'We will create a special unit within the DCI.'],
			[2, 1, 'Second page body line.'],
			[3, 1, 'Third page body line.']
		]);
		expect(doc.lines.map((l) => l.bold)).toEqual([true, true, true, true, false, false, false]);
	});

	it('drops a lone page number and the disclaimer on a single page, where nothing repeats', async () => {
		const pdf = await makePdf([[{ text: 'Hon. Member: Thank you.' }]], {
			foot: () => [
				'7',
				'Disclaimer: The electronic version of the Official Hansard Report is for information',
				'purposes only. A certified version of this Report can be obtained from the Hansard Editor.'
			]
		});
		const doc = await readTranscript(pdf, 'one.pdf');
		expect(doc.lines.map((l) => l.text)).toEqual(['Hon. Member: Thank you.']);
	});

	it('accepts a Node Buffer as well as a Uint8Array', async () => {
		const pdf = await makePdf([[{ text: 'Hon. Member: Thank you.' }]]);
		const doc = await readTranscript(Buffer.from(pdf), 'x.pdf');
		expect(doc.lines[0]?.text).toBe('Hon. Member: Thank you.');
	});
});
