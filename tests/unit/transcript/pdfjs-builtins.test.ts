// pdf.js's legacy build bundles core-js, which replaces some built-ins of the whole process with
// slower JavaScript versions; loading it through pdfjs.ts must leave them as they were.
import { expect, it } from 'vitest';

it('keeps the native Array.prototype.push, JSON.parse and JSON.stringify once pdf.js is loaded', async () => {
	const natives = [Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString];
	const { pdfjs } = await import('../../../src/lib/server/transcript/pdfjs');
	expect(typeof pdfjs.getDocument).toBe('function');
	expect([Array.prototype.push, JSON.parse, JSON.stringify, Function.prototype.toString]).toEqual(
		natives
	);
	expect(Promise.withResolvers).toBeTypeOf('function');
});
