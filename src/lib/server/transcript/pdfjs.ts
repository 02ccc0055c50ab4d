// pdf.js for Node: its legacy build, loaded once, at start-up. That build bundles core-js, which
// replaces built-ins of the whole process, not only its own: Array.prototype.push, JSON.parse,
// JSON.stringify (for the JSON-with-source proposal and old engine quirks; neither pdf.js nor
// this app relies on them) become JavaScript versions several times slower, for every request
// the server answers. The natives are put back once pdf.js has loaded; what core-js only adds
// (Promise.withResolvers, Map.prototype.getOrInsertComputed, …) pdf.js needs on Node 20 and keeps.
//
// A dynamic import, awaited here: with static imports a bundler may hoist pdf.js above the code
// that keeps the natives.
const REPLACED: [object, PropertyKey][] = [
	[Array.prototype, 'push'],
	[JSON, 'parse'],
	[JSON, 'stringify'],
	[Function.prototype, 'toString']
];

const kept = REPLACED.map(
	([owner, key]) => [owner, key, Reflect.getOwnPropertyDescriptor(owner, key)] as const
);
let loaded;
try {
	loaded = await Promise.all([
		import('pdfjs-dist/legacy/build/pdf.mjs'),
		// pdf.js runs its worker in this thread on Node; loading the worker module with this one
		// spares the first upload the import (globalThis.pdfjsWorker is pdf.js's own hook).
		import('pdfjs-dist/legacy/build/pdf.worker.mjs')
	]);
} finally {
	for (const [owner, key, descriptor] of kept) {
		if (descriptor) Reflect.defineProperty(owner, key, descriptor);
	}
}
const [pdfjsModule, pdfjsWorker] = loaded;
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;

export const pdfjs = pdfjsModule;
