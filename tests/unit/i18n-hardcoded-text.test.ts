// Every piece of interface text of every page and component (public, MP, sign-in, clerk and
// admin pages, shared components) comes from messages/*.json, so that /sw/... is Kiswahili
// throughout. This walks the Svelte syntax tree (not the raw text, so scripts, styles and
// expressions are never mistaken for prose) and fails on a text node, or a static
// label/hint/placeholder/aria-label attribute, that holds a word. Code samples (<code>, <pre>)
// show identifiers and commands, which read the same in both languages.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'svelte/compiler';
import { describe, expect, it } from 'vitest';

const ROOTS = ['src/routes', 'src/lib'];
const TEXT_ATTRIBUTES = new Set([
	'label',
	'hint',
	'placeholder',
	'legend',
	'heading',
	'title',
	'aria-label',
	'alt',
	'data-label'
]);
/** Names that are the same in both languages: the product's and the data licence's. */
const PROPER_NAMES = ['Creative Commons Attribution 4.0', 'Ahadi'];
/** Elements whose text is code, not prose. */
const CODE_ELEMENTS = new Set(['code', 'pre', 'kbd', 'samp']);

function svelteFiles(entry: string): string[] {
	if (statSync(entry).isFile()) return entry.endsWith('.svelte') ? [entry] : [];
	return readdirSync(entry).flatMap((name) => svelteFiles(path.join(entry, name)));
}

interface Node {
	type: string;
	data?: string;
	name?: string;
	value?: true | Node | Node[];
	[key: string]: unknown;
}

function hasWord(text: string): boolean {
	let prose = text;
	for (const name of PROPER_NAMES) prose = prose.split(name).join(' ');
	return /\p{L}{2,}/u.test(prose);
}

function findEnglish(node: unknown, found: string[]): void {
	if (Array.isArray(node)) {
		for (const child of node) findEnglish(child, found);
		return;
	}
	if (!node || typeof node !== 'object') return;
	const n = node as Node;
	if (n.type === 'RegularElement' && n.name && CODE_ELEMENTS.has(n.name)) return;
	if (n.type === 'Text' && typeof n.data === 'string' && hasWord(n.data)) {
		found.push(`text “${n.data.trim()}”`);
	}
	if (n.type === 'Attribute' && n.name && TEXT_ATTRIBUTES.has(n.name) && Array.isArray(n.value)) {
		for (const part of n.value) {
			if (part.type === 'Text' && typeof part.data === 'string' && hasWord(part.data)) {
				found.push(`${n.name}="${part.data}"`);
			}
		}
		return;
	}
	for (const [key, value] of Object.entries(n)) {
		// Expressions (JavaScript) are not interface text; attribute values are handled above.
		if (key === 'expression' || key === 'metadata' || key === 'value') continue;
		if (value && typeof value === 'object') findEnglish(value, found);
	}
}

describe('pages and components', () => {
	const files = ROOTS.flatMap(svelteFiles);

	it('finds the pages it checks, of every part of the site', () => {
		expect(files.length).toBeGreaterThan(70);
		for (const part of ['(public)', '(mp)', '(auth)', '(clerk)', '(admin)', 'lib/components']) {
			expect(files.some((f) => f.includes(part))).toBe(true);
		}
	});

	it.each(files)('%s has no hard-coded interface text', (file) => {
		const ast = parse(readFileSync(file, 'utf8'), { modern: true });
		const found: string[] = [];
		findEnglish(ast.fragment, found);
		expect(found).toEqual([]);
	});

	it('would notice hard-coded text', () => {
		const ast = parse(
			'<h1>Sittings</h1><TextField label="Title" hint={m.x()} /><p>{m.y()} <code>pageSize</code></p><title>Ahadi</title>',
			{ modern: true }
		);
		const found: string[] = [];
		findEnglish(ast.fragment, found);
		expect(found).toEqual(['text “Sittings”', 'label="Title"']);
	});
});
