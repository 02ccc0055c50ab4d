// Gzipped client JavaScript a page loads before it is interactive: the modules its Link header
// preloads and its HTML imports, plus everything those import statically (dynamic imports, such as a
// lazily loaded chart library, are not counted: they load later, and only when needed).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @param {string} page the page's Link header and HTML, as served
 * @param {string} clientDir build/client
 * @returns {{ files: number, gzipBytes: number }}
 */
export function clientJsOf(page, clientDir) {
	const seen = new Set();
	const queue = [];
	// SvelteKit writes relative URLs (./_app/..., ../_app/...).
	for (const match of page.matchAll(/_app\/immutable\/[\w./-]+?\.js(?=[>"')])/g)) {
		queue.push(join(clientDir, match[0]));
	}
	let gzipBytes = 0;
	while (queue.length > 0) {
		const file = resolve(/** @type {string} */ (queue.pop()));
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const code = readFileSync(file);
		gzipBytes += gzipSync(code).length;
		// Static imports in Vite's minified output: import"./x.js" / from"./x.js".
		for (const m of code.toString('utf8').matchAll(/(?:\bfrom|\bimport)\s*["']([^"']+\.js)["']/g)) {
			const spec = m[1] ?? '';
			if (spec.startsWith('.')) queue.push(join(dirname(file), spec));
			else if (spec.startsWith('/_app/')) queue.push(join(clientDir, spec));
		}
	}
	return { files: seen.size, gzipBytes };
}
