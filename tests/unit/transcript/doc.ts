// A ReadDocument from lines of text, for tests of the steps after reading.
import type { ReadDocument } from '../../../src/lib/server/transcript/index';

export function docOf(text: string, kind: ReadDocument['kind'] = 'text'): ReadDocument {
	const lines = text
		.split('\n')
		.map((t, i) => ({ page: 1, line: i + 1, text: t.trim(), bold: false }))
		.filter((l) => l.text);
	return { kind, pages: 1, lines };
}
