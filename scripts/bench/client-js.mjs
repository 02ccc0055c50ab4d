// Gzipped client JavaScript of a page: the modules its Link header preloads and its HTML
// imports, and the scripts from static/ it names, plus everything those import statically
// (`initial`); and the same plus the chunks its code imports lazily (`total`). The
// router's table of pages (entry/app.js) and other pages' nodes are not followed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

// Vite's minified output: import"./x.js", from"./x.js", import(`./x.js`).
const STATIC_IMPORT = /(?:\bfrom|\bimport)\s*["'`]([^"'`]+\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;

/**
 * @param {string} page the page's Link header and HTML, as served
 * @param {string} clientDir build/client
 */
export function clientJsOf(page, clientDir) {
	/** @type {string[]} */
	const roots = [];
	// SvelteKit writes relative URLs (./_app/..., ../_app/...).
	for (const match of page.matchAll(/_app\/immutable\/[\w./-]+?\.js(?=[>"')])/g)) {
		roots.push(join(clientDir, match[0]));
	}
	// Scripts from static/ (the briefing pack's print-button.js), written relative to the page.
	for (const match of page.matchAll(/<script[^>]*\ssrc="(?:\.{0,2}\/)*([\w-]+\.js)"/g)) {
		roots.push(join(clientDir, match[1] ?? ''));
	}
	const initial = walk(roots, false);
	const total = walk(roots, true);
	return {
		// A page with charts writes each chart's configuration on a canvas for /charts.js.
		charts: /<canvas[^>]*\sdata-chart=/.test(page),
		files: initial.files,
		gzipBytes: initial.gzipBytes,
		lazyFiles: total.files - initial.files,
		totalGzipBytes: total.gzipBytes
	};
}

/** @param {string[]} roots @param {boolean} lazy follow dynamic imports too */
function walk(roots, lazy) {
	const seen = new Set();
	const queue = [...roots];
	let gzipBytes = 0;
	while (queue.length > 0) {
		const file = resolve(/** @type {string} */ (queue.pop()));
		if (seen.has(file) || !existsSync(file)) continue;
		seen.add(file);
		const code = readFileSync(file);
		gzipBytes += gzipSync(code).length;
		const text = code.toString('utf8');
		const specs = [...text.matchAll(STATIC_IMPORT)];
		if (lazy && !/[/\\]entry[/\\]app\./.test(file)) specs.push(...text.matchAll(DYNAMIC_IMPORT));
		for (const m of specs) {
			const spec = m[1] ?? '';
			if (!spec.startsWith('.')) continue;
			const target = join(dirname(file), spec);
			if (lazy && /[/\\]nodes[/\\]/.test(target) && !roots.includes(target)) continue;
			queue.push(target);
		}
	}
	return { files: seen.size, gzipBytes };
}
