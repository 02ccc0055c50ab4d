// An HTML transcript's lines with htmlparser2: block elements end lines, bold runs mark speaker
// labels, scripts, styles and page chrome are dropped, entities decoded.
import { Parser } from 'htmlparser2';
import { decodeText } from './decode-text';
import { dropFurniture } from './furniture';
import { isBoldLine } from './page-lines';
import type { ReadDocument, SourceLine } from './types';

const BLOCK = new Set([
	'p',
	'div',
	'br',
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'li',
	'tr',
	'td',
	'th',
	'table',
	'ul',
	'ol',
	'section',
	'article',
	'blockquote',
	'pre',
	'hr',
	'dt',
	'dd',
	'main',
	'body',
	'title'
]);
const SKIPPED = new Set([
	'script',
	'style',
	'nav',
	'header',
	'footer',
	'noscript',
	'template',
	'svg',
	'head'
]);
const BOLD = new Set(['b', 'strong']);

export function linesOfHtml(html: string): SourceLine[] {
	const lines: SourceLine[] = [];
	let runs: { text: string; bold: boolean }[] = [];
	let skip = 0;
	let bold = 0;
	let pre = 0;
	const endLine = () => {
		const text = runs
			.map((r) => r.text)
			.join('')
			.replace(/\s+/g, ' ')
			.trim();
		if (text) lines.push({ page: 1, line: lines.length + 1, text, bold: isBoldLine(runs) });
		runs = [];
	};
	const parser = new Parser(
		{
			onopentag(name) {
				if (SKIPPED.has(name)) skip++;
				if (BOLD.has(name)) bold++;
				if (name === 'pre') pre++;
				if (BLOCK.has(name)) endLine();
			},
			onclosetag(name, implied) {
				if (SKIPPED.has(name)) skip = Math.max(0, skip - 1);
				if (BOLD.has(name)) bold = Math.max(0, bold - 1);
				if (name === 'pre') pre = Math.max(0, pre - 1);
				if (BLOCK.has(name) && !(implied && name === 'br')) endLine();
			},
			ontext(text) {
				if (skip > 0) return;
				if (pre > 0 && text.includes('\n')) {
					text.split('\n').forEach((part, i) => {
						if (i > 0) endLine();
						runs.push({ text: part, bold: bold > 0 });
					});
					return;
				}
				runs.push({ text, bold: bold > 0 });
			}
		},
		{ decodeEntities: true, lowerCaseTags: true }
	);
	parser.write(html);
	parser.end();
	endLine();
	return lines;
}

export function readHtml(bytes: Uint8Array): ReadDocument {
	return { kind: 'html', pages: 1, lines: dropFurniture(linesOfHtml(decodeText(bytes))) };
}
