// The transcripts row of the bench: precision and recall of the extractor on the labelled corpus
// (tests/fixtures/transcripts), the time to read and score a generated 200-page Hansard PDF next
// to pdftotext's on the same file, and the extraction's peak RSS at 200 and at 20 pages.
//
//   npm run bench:transcripts [-- --quick]     prints this row alone
//   npx tsx scripts/bench/transcripts.ts --json FILE   writes the figures for scripts/bench/index.mjs
//
// Each extraction runs in a child process (scripts/bench/transcript-child.ts, bundled by esbuild
// and run by plain Node, as the server runs the extractor from its build) so that its peak RSS
// (process.resourceUsage().maxRSS) is its own; its time is read + extract with the modules
// already loaded. pdftotext's time is the whole command, process start included; its runs
// alternate with the extractor's on the 200-page file. `--quick` changes nothing here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateCorpus } from '../transcripts/evaluate';
import {
	CORPUS_DIR,
	parseSource,
	renderPdf,
	type Block,
	type Source
} from '../transcripts/make-pdf';
import { formatTranscripts } from './report.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = join(root, 'bench-results');
const RUNS = 3;

export interface ExtractionRun {
	ms: number;
	warmMs: number;
	rssBeforeMb: number;
	maxRssMb: number;
	pages: number;
	speeches: number;
	candidates: number;
}

export interface Score {
	documents: number;
	tp: number;
	fp: number;
	undertakings: number;
	found: number;
	precision: number;
	recall: number;
}

export interface Measured {
	pages: number;
	bytes: number;
	runs: ExtractionRun[];
	/** The first extraction in a fresh process. */
	medianMs: number;
	/** The second extraction in the same process. */
	warmMedianMs: number;
	maxRssMb: number;
}

export interface TranscriptBench {
	documents: number;
	tp: number;
	fp: number;
	undertakings: number;
	found: number;
	precision: number;
	recall: number;
	/** The same on tests/fixtures/transcripts/held-out (written after the extractor), if present. */
	heldOut: Score | null;
	large: Measured;
	small: Measured;
	/** null when pdftotext is not installed. */
	pdftotext: { version: string; runsMs: number[]; medianMs: number } | null;
	/** How the extractions ran (plain Node on a bundle, or tsx). */
	runner: string;
	ratio: number | null;
	warmRatio: number | null;
	error: string | null;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length
		? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
		: NaN;
};

/** A Hansard of `pages` pages: the corpus's PDF sources' speeches, repeated until it is full. */
export async function longHansard(pages: number): Promise<Uint8Array> {
	const names = [
		'dcais-2025-04-15-interior',
		'bac-2025-10-14-treasury',
		'health-2025-10-09-sha',
		'na-2025-11-05-education-qt'
	];
	const sources = names.map((n) =>
		parseSource(readFileSync(join(CORPUS_DIR, `${n}.source.txt`), 'utf8'))
	);
	const blocks: Block[] = [];
	sources.forEach((s, i) => {
		// The first sitting whole (header, lists), then the others from their first heading.
		const from = i === 0 ? 0 : s.blocks.findIndex((b) => b.kind === 'para' && b.speaker);
		blocks.push(...s.blocks.slice(Math.max(0, from)));
	});
	const source: Source = { head: sources[0]!.head, date: sources[0]!.date, blocks };
	return renderPdf(source, { pages });
}

/** How each extraction is run: the command and its first arguments. */
interface Runner {
	label: string;
	command: string;
	args: string[];
}

/**
 * The child bundled into one plain-Node module (esbuild, which tsx brings), as the server runs
 * the extractor from its build; tsx (its loader transforming every import, and its own memory)
 * only when esbuild cannot be loaded.
 */
async function runner(): Promise<Runner> {
	const entry = join(root, 'scripts', 'bench', 'transcript-child.ts');
	try {
		const { build } = await import('esbuild');
		const outfile = join(outDir, 'transcript-child.mjs');
		await build({
			entryPoints: [entry],
			bundle: true,
			platform: 'node',
			format: 'esm',
			target: 'node20',
			packages: 'external',
			outfile,
			logLevel: 'warning'
		});
		return {
			label: 'plain Node, the child bundled by esbuild',
			command: process.execPath,
			args: [outfile]
		};
	} catch {
		return {
			label: 'tsx (esbuild not found)',
			command: join(root, 'node_modules', '.bin', 'tsx'),
			args: [entry]
		};
	}
}

function extractIn(run: Runner, file: string): ExtractionRun {
	const r = spawnSync(run.command, [...run.args, file], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 16 * 2 ** 20
	});
	if (r.status !== 0) throw new Error(`extraction of ${file} failed: ${r.stderr.slice(-2000)}`);
	const last = r.stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(last) as ExtractionRun;
}

/** pdftotext's version line, or null when it is not installed. */
function pdftotextVersion(): string | null {
	const version = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
	if (version.error || version.status !== 0) return null;
	return (`${version.stderr}${version.stdout}`.split('\n')[0] ?? 'pdftotext').trim();
}

/** One pdftotext run on `file`, in milliseconds, the process's start included. */
function pdftotextMs(file: string): number {
	const t0 = performance.now();
	const r = spawnSync('pdftotext', [file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
	if (r.status !== 0) throw new Error(`pdftotext ${file} failed`);
	return performance.now() - t0;
}

export async function measureTranscripts(
	log: (m: string) => void = () => {}
): Promise<TranscriptBench> {
	mkdirSync(outDir, { recursive: true });
	log('transcripts: evaluating the labelled corpus');
	const corpus = await evaluateCorpus();
	const heldOutDir = join(CORPUS_DIR, 'held-out');
	const held = existsSync(heldOutDir) ? await evaluateCorpus(heldOutDir) : null;
	const files: Record<'large' | 'small', { pages: number; file: string }> = {
		large: { pages: 200, file: join(outDir, 'hansard-200-pages.pdf') },
		small: { pages: 20, file: join(outDir, 'hansard-20-pages.pdf') }
	};
	const generator = statSync(join(root, 'scripts/transcripts/make-pdf.ts')).mtimeMs;
	for (const f of Object.values(files)) {
		if (existsSync(f.file) && statSync(f.file).mtimeMs > generator) continue;
		log(`transcripts: generating a ${f.pages}-page Hansard PDF`);
		writeFileSync(f.file, await longHansard(f.pages));
	}
	const child = await runner();
	log(`transcripts: extractions run in ${child.label}`);
	const version = pdftotextVersion();
	const ptRuns: number[] = [];
	// pdftotext's runs alternate with the extractor's on the same file, so that both see the
	// same load on a shared machine.
	const measure = (f: { pages: number; file: string }, compare: boolean) => {
		const runs: ExtractionRun[] = [];
		for (let i = 0; i < RUNS; i++) {
			log(`transcripts: extracting ${f.pages} pages, run ${i + 1} of ${RUNS}`);
			runs.push(extractIn(child, f.file));
			if (compare && version) ptRuns.push(pdftotextMs(f.file));
		}
		return {
			pages: f.pages,
			bytes: statSync(f.file).size,
			runs,
			medianMs: median(runs.map((r) => r.ms)),
			warmMedianMs: median(runs.map((r) => r.warmMs)),
			maxRssMb: Math.max(...runs.map((r) => r.maxRssMb))
		};
	};
	const large = measure(files.large, true);
	const small = measure(files.small, false);
	const pt = version ? { version, runsMs: ptRuns, medianMs: median(ptRuns) } : null;
	return {
		documents: corpus.documents.length,
		tp: corpus.tp,
		fp: corpus.fp,
		undertakings: corpus.undertakings,
		found: corpus.undertakings - corpus.fn,
		precision: corpus.precision,
		recall: corpus.recall,
		heldOut: held && {
			documents: held.documents.length,
			tp: held.tp,
			fp: held.fp,
			undertakings: held.undertakings,
			found: held.undertakings - held.fn,
			precision: held.precision,
			recall: held.recall
		},
		large,
		small,
		pdftotext: pt,
		runner: child.label,
		ratio: pt ? large.medianMs / pt.medianMs : null,
		warmRatio: pt ? large.warmMedianMs / pt.medianMs : null,
		error: [...corpus.documents, ...(held?.documents ?? [])].find((d) => d.error)?.error ?? null
	};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const args = process.argv.slice(2);
	const jsonAt = args.indexOf('--json');
	const started = Date.now();
	const log = (m: string) =>
		console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}`);
	const result = await measureTranscripts(log);
	if (jsonAt >= 0 && args[jsonAt + 1]) writeFileSync(args[jsonAt + 1]!, JSON.stringify(result));
	else {
		const { lines, checks } = formatTranscripts(result);
		console.log(['# Transcripts', '', ...lines, '', ...checks.map((c) => `- ${c}`), ''].join('\n'));
	}
}
