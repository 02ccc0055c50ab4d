// Builds the browser's chart script: src/lib/charts/draw.ts with Chart.js inside, into
// static/charts.js (git-ignored), which SvelteKit then serves like any static file. Pages ship
// no framework JavaScript (csr = false), so this is the only script a page with charts loads.
// Run by `npm run build` (prebuild), `npm start` (scripts/lib.mjs) and `prepare`; a run with nothing changed
// is skipped.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'static', 'charts.js');
const sources = [
	'src/lib/charts/draw.ts',
	'src/lib/charts/chart-setup.ts',
	'src/lib/charts/chart-spec.ts',
	'src/lib/domain/money.ts',
	'package-lock.json'
].map((f) => join(root, f));

const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
if (existsSync(out) && statSync(out).mtimeMs > newest && !process.argv.includes('--force')) {
	process.exit(0);
}

await build({
	root,
	configFile: false,
	logLevel: 'warn',
	publicDir: false,
	build: {
		outDir: join(root, 'static'),
		emptyOutDir: false,
		copyPublicDir: false,
		target: 'es2020',
		minify: true,
		modulePreload: false,
		rollupOptions: {
			input: join(root, 'src/lib/charts/draw.ts'),
			// One file: Chart.js is imported statically, so nothing is split off.
			output: { format: 'es', entryFileNames: 'charts.js' }
		}
	}
});
console.log(`static/charts.js: ${(readFileSync(out).length / 1024).toFixed(0)} KB`);
