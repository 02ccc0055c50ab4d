// Precision and recall of the transcript extractor on the labelled corpus
// (tests/fixtures/transcripts/, conventions in its README.md).
//
//   npx tsx scripts/transcripts/evaluate.ts [DIR] [--json]
//
// A candidate is a true positive when its quote contains one labelled undertaking's substring,
// otherwise a false positive; an undertaking is found when some candidate's quote contains it.
// Texts are compared normalised: case, white space (line breaks included), curly quotes and
// dashes do not matter.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPUS_DIR, parseSource, sourceText } from './make-pdf';

export interface NotLabel {
	text: string;
	/** question, procedure, past_action, member_remark, conditional, law_quote, page_clutter */
	why: string;
}

export interface Labels {
	/** The file read, beside the labels. */
	document: string;
	/** For a PDF: the source it is generated from (make-pdf.ts). */
	source?: string;
	form: string;
	committee: string;
	satOn: string;
	sourceNote?: string;
	/** Verbatim substrings, each within one sentence of the document: the undertakings. */
	undertakings: string[];
	/** Sentences that look like undertakings and are not (every unlisted sentence is not one either). */
	not: NotLabel[];
}

export interface LabelledDocument {
	name: string;
	file: string;
	labels: Labels;
	/** The document's words as a reader gets them (a PDF's source, an HTML page's text). */
	text: string;
}

export interface MatchResult {
	tp: number;
	fp: number;
	fn: number;
	found: string[];
	/** Labelled undertakings no candidate contains. */
	missed: string[];
	/** Candidates' quotes that contain no labelled undertaking; with the trap they hit, if any. */
	falsePositives: { quote: string; trap: NotLabel | null }[];
}

export interface DocumentResult extends MatchResult {
	name: string;
	kind: string | null;
	candidates: number;
	/** Set when the extractor threw. */
	error: string | null;
}

export interface CorpusResult {
	documents: DocumentResult[];
	tp: number;
	fp: number;
	fn: number;
	undertakings: number;
	precision: number;
	recall: number;
}

/** Lower case, one space for any run of white space, straight quotes, hyphens for dashes. */
export function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.replace(/[\u2018\u2019\u201a\u2032`]/g, "'")
		.replace(/[\u201c\u201d\u201e\u2033]/g, '"')
		.replace(/[\u2010-\u2015\u2212]/g, '-')
		.replace(/\u00ad/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

/** Matches candidates' quotes against the labelled undertakings (see the file's head). */
export function matchCandidates(
	quotes: string[],
	undertakings: string[],
	not: NotLabel[] = []
): MatchResult {
	const wanted = undertakings.map((u) => ({ label: u, norm: normalise(u) }));
	const traps = not.map((n) => ({ label: n, norm: normalise(n.text) }));
	const found = new Set<string>();
	let tp = 0;
	const falsePositives: MatchResult['falsePositives'] = [];
	for (const quote of quotes) {
		const q = normalise(quote);
		const hits = wanted.filter((w) => q.includes(w.norm));
		if (hits.length) {
			tp++;
			for (const h of hits) found.add(h.label);
		} else {
			falsePositives.push({ quote, trap: traps.find((t) => q.includes(t.norm))?.label ?? null });
		}
	}
	const missed = undertakings.filter((u) => !found.has(u));
	return {
		tp,
		fp: falsePositives.length,
		fn: missed.length,
		found: undertakings.filter((u) => found.has(u)),
		missed,
		falsePositives
	};
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' ',
	rsquo: '\u2019',
	lsquo: '\u2018',
	rdquo: '\u201d',
	ldquo: '\u201c',
	ndash: '\u2013',
	mdash: '\u2014'
};

/** An HTML page's text, blocks on their own lines (enough to check labels against). */
export function htmlText(html: string): string {
	return html
		.replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, ' ')
		.replace(
			/<\/?(p|div|h\d|li|ul|ol|br|tr|header|footer|article|aside|figure|figcaption|nav)\b[^>]*>/gi,
			'\n'
		)
		.replace(/<[^>]+>/g, '')
		.replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (m, e: string) => {
			if (e[0] === '#')
				return String.fromCodePoint(
					e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
				);
			return ENTITIES[e.toLowerCase()] ?? m;
		});
}

export function loadCorpus(dir: string = CORPUS_DIR): LabelledDocument[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.labels.json'))
		.sort()
		.map((f) => {
			const labels = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Labels;
			const file = join(dir, labels.document);
			let text: string;
			if (labels.source)
				text = sourceText(parseSource(readFileSync(join(dir, labels.source), 'utf8')));
			else if (/\.html?$/i.test(labels.document)) text = htmlText(readFileSync(file, 'utf8'));
			else text = readFileSync(file, 'utf8');
			return { name: f.replace(/\.labels\.json$/, ''), file, labels, text };
		});
}

/** Sentences of a text, roughly: split after . ? ! (and a closing quote) before a capital. */
export function sentencesOf(text: string): string[] {
	return text
		.replace(/\s+/g, ' ')
		.split(/(?<=[.?!]["'\u201d\u2019]?)\s+(?=["'\u201c\u2018(]?[A-Z])/)
		.map((s) => s.trim())
		.filter((s) => /[a-z]/i.test(s));
}

/** What is wrong with a document's labels: a substring found not once, or in both lists. */
export function checkLabels(doc: LabelledDocument): string[] {
	const problems: string[] = [];
	const text = normalise(doc.text);
	const all = [...doc.labels.undertakings, ...doc.labels.not.map((n) => n.text)];
	for (const label of all) {
		const n = normalise(label);
		const first = text.indexOf(n);
		if (first < 0) problems.push(`${doc.name}: not in the document: "${label}"`);
		else if (text.indexOf(n, first + 1) >= 0)
			problems.push(`${doc.name}: more than once in the document: "${label}"`);
	}
	for (const u of doc.labels.undertakings)
		for (const t of doc.labels.not)
			if (normalise(u).includes(normalise(t.text)) || normalise(t.text).includes(normalise(u)))
				problems.push(`${doc.name}: labelled both ways: "${u}" / "${t.text}"`);
	return problems;
}

export async function evaluateCorpus(dir: string = CORPUS_DIR): Promise<CorpusResult> {
	// Loaded here so that the labels and the matcher can be checked without the extractor.
	const { extractTranscript } = await import('../../src/lib/server/transcript/index');
	const documents: DocumentResult[] = [];
	for (const doc of loadCorpus(dir)) {
		const bytes = new Uint8Array(readFileSync(doc.file));
		try {
			const extraction = await extractTranscript(bytes, doc.labels.document);
			const quotes = extraction.candidates.map((c) => c.quote);
			documents.push({
				name: doc.name,
				kind: extraction.kind,
				candidates: quotes.length,
				error: null,
				...matchCandidates(quotes, doc.labels.undertakings, doc.labels.not)
			});
		} catch (e) {
			documents.push({
				name: doc.name,
				kind: null,
				candidates: 0,
				error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
				...matchCandidates([], doc.labels.undertakings, doc.labels.not)
			});
		}
	}
	const sum = (k: 'tp' | 'fp' | 'fn') => documents.reduce((n, d) => n + d[k], 0);
	const tp = sum('tp');
	const fp = sum('fp');
	const fn = sum('fn');
	const undertakings = documents.reduce((n, d) => n + d.found.length + d.missed.length, 0);
	return {
		documents,
		tp,
		fp,
		fn,
		undertakings,
		precision: tp + fp === 0 ? 0 : tp / (tp + fp),
		recall: undertakings === 0 ? 0 : (undertakings - fn) / undertakings
	};
}

/** The result as lines for a terminal: totals, then each document's misses. */
export function formatEvaluation(r: CorpusResult): string {
	const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
	const lines = [
		`precision ${pct(r.precision)} (${r.tp} of ${r.tp + r.fp} candidates), recall ${pct(r.recall)} (${r.undertakings - r.fn} of ${r.undertakings} undertakings)`
	];
	for (const d of r.documents) {
		lines.push(
			`- ${d.name}: ${d.candidates} candidates, tp ${d.tp}, fp ${d.fp}, fn ${d.fn}${d.error ? `; ERROR ${d.error}` : ''}`
		);
		for (const m of d.missed) lines.push(`    missed: "${m}"`);
		for (const f of d.falsePositives)
			lines.push(`    false positive${f.trap ? ` (trap: ${f.trap.why})` : ''}: "${f.quote}"`);
	}
	return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const args = process.argv.slice(2);
	const dir = args.find((a) => !a.startsWith('--')) ?? CORPUS_DIR;
	const result = await evaluateCorpus(dir);
	console.log(args.includes('--json') ? JSON.stringify(result, null, 1) : formatEvaluation(result));
}
