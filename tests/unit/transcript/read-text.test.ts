// Reading text and HTML transcripts: encodings, pages, control characters, HTML blocks and bold.
import { describe, expect, it } from 'vitest';
import { readTranscript } from '../../../src/lib/server/transcript/index';

const bytes = (...parts: (string | number[])[]) =>
	Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));

describe('readTranscript on text', () => {
	it('strips a UTF-8 BOM, splits pages at form feeds and numbers lines within the page', async () => {
		const doc = await readTranscript(
			bytes([0xef, 0xbb, 0xbf], 'One\n\nTwo\fThree\r\nFour'),
			'a.txt'
		);
		expect(doc.kind).toBe('text');
		expect(doc.pages).toBe(2);
		expect(doc.lines.map((l) => [l.page, l.line, l.text])).toEqual([
			[1, 1, 'One'],
			[1, 3, 'Two'],
			[2, 1, 'Three'],
			[2, 2, 'Four']
		]);
	});

	it('reads UTF-16 with its BOM', async () => {
		const le = Buffer.concat([
			Buffer.from([0xff, 0xfe]),
			Buffer.from('Mhe. Spika: Asante.', 'utf16le')
		]);
		const doc = await readTranscript(le, 'a.txt');
		expect(doc.lines[0]?.text).toBe('Mhe. Spika: Asante.');
	});

	it('falls back to Windows-1252, line by line in a file that mixes encodings', async () => {
		// "café" in UTF-8, then a Windows-1252 line with curly quotes and an en dash.
		const doc = await readTranscript(
			bytes('Caf\u00e9 in UTF-8\n', [0x93, 0x57, 0x65, 0x94, 0x20, 0x96, 0x20, 0x6f, 0x6b]),
			'a.txt'
		);
		expect(doc.lines.map((l) => l.text)).toEqual(['Café in UTF-8', '\u201cWe\u201d \u2013 ok']);
	});

	it('removes control characters other than tab and newline', async () => {
		const doc = await readTranscript(bytes('A\u0007B\u001fC\tD'), 'a.txt');
		expect(doc.lines[0]?.text).toBe('ABC D');
	});
});

describe('readTranscript on HTML', () => {
	it('ends lines at blocks, drops scripts and page chrome, decodes entities, marks bold labels', async () => {
		const html = `<!doctype html><html><head><title>T</title><style>p{}</style></head><body>
			<header>Site name</header><nav><a>Home</a></nav>
			<h2>CONSIDERATION OF THE REPORT</h2>
			<p><strong>The Chairperson (Hon. Gabriel Tongoyo):</strong> Welcome &amp; thank you.<br>Second line</p>
			<p><b>Hon. Robert Mbui (Kathiani, WDM)</b>: When will the unit start?</p>
			<script>var x = "We will";</script>
			<footer>© Parliament</footer></body></html>`;
		const doc = await readTranscript(Buffer.from(html), 'page.html');
		expect(doc.kind).toBe('html');
		expect(doc.lines.map((l) => [l.text, l.bold])).toEqual([
			['CONSIDERATION OF THE REPORT', false],
			['The Chairperson (Hon. Gabriel Tongoyo): Welcome & thank you.', true],
			['Second line', false],
			['Hon. Robert Mbui (Kathiani, WDM): When will the unit start?', true]
		]);
	});
});
