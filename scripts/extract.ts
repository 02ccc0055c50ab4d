// Transcript extraction from the command line: `npm run extract -- FILE [--format json]`.
// Prints the sitting found and the proposed undertakings, as the upload page shows them; on a
// file it cannot read, one English line on stderr and exit code 1. Relative imports: the $lib
// alias is SvelteKit's, not Node's.
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import {
	extractTranscript,
	MAX_TRANSCRIPT_BYTES,
	MAX_TRANSCRIPT_PAGES,
	TranscriptError,
	type Extraction,
	type TranscriptProblem
} from '../src/lib/server/transcript/index';

const USAGE = 'usage: npm run extract -- FILE [--format json|text]';
const MB = Math.round(MAX_TRANSCRIPT_BYTES / 1024 / 1024);

/** The English words for each problem (the upload page has its own, translated). */
const PROBLEM_TEXT: Record<TranscriptProblem, string> = {
	empty: 'the file is empty or holds no text',
	too_large: `the file is larger than the ${MB} MB limit`,
	too_many_pages: `the PDF has more than ${MAX_TRANSCRIPT_PAGES} pages`,
	not_pdf: 'the file is named .pdf but is not a PDF (another kind of file renamed?)',
	encrypted: 'this PDF is encrypted; save an unprotected copy and try again',
	damaged: 'this PDF is damaged or truncated and cannot be read',
	no_text_layer: 'this PDF has no text layer (it looks like a scan); Ahadi does not do OCR',
	unsupported_type: 'this kind of file is not supported; use a PDF, plain text or HTML transcript',
	bad_encoding: 'the text is in an encoding Ahadi cannot read (use UTF-8)',
	no_speeches: 'no speaker lines and no quoted or reported speech were found in this text'
};

function summary(file: string, x: Extraction): string {
	const s = x.sitting;
	const out = [
		`${file}: ${x.kind}, ${x.pages} page(s), ${x.speeches} speech(es), ${x.candidates.length} candidate(s)`,
		`committee: ${s.committee ?? '-'}`,
		`date:      ${s.satOn ?? '-'}`,
		`subject:   ${s.subject ?? '-'}`,
		`appeared:  ${s.appeared.map((a) => (a.title ? `${a.name} (${a.title})` : a.name)).join('; ') || '-'}`,
		''
	];
	x.candidates.forEach((c, i) => {
		const who = [c.speaker.name, c.speaker.title].filter(Boolean).join(', ') || '-';
		out.push(
			`${i + 1}. p${c.page}:${c.line}  score ${c.score.toFixed(2)}  ${c.type}  [${c.signals.join(', ')}]`,
			`   speaker: ${who}`,
			`   quote:   ${c.quote}`,
			`   title:   ${c.title}`,
			`   due:     ${c.dueOn ? `${c.dueOn} (${c.dueReason})` : '-'}`,
			''
		);
	});
	return out.join('\n');
}

function json(x: Extraction): string {
	return JSON.stringify(
		{
			sitting: x.sitting,
			kind: x.kind,
			pages: x.pages,
			speeches: x.speeches,
			candidates: x.candidates.map((c) => ({
				quote: c.quote,
				speaker: c.speaker,
				page: c.page,
				line: c.line,
				score: c.score,
				signals: c.signals,
				title: c.title,
				type: c.type,
				dueOn: c.dueOn,
				dueReason: c.dueReason
			}))
		},
		null,
		2
	);
}

function fail(message: string): never {
	process.stderr.write(`${message}\n`);
	process.exit(1);
}

async function main(args: string[]): Promise<void> {
	let format = 'text';
	const files: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (a === '--format') format = args[++i] ?? '';
		else if (a.startsWith('--format=')) format = a.slice('--format='.length);
		else if (a === '--json') format = 'json';
		else if (a.startsWith('-')) fail(USAGE);
		else files.push(a);
	}
	if (files.length !== 1 || (format !== 'json' && format !== 'text')) fail(USAGE);
	const file = files[0]!;
	const name = basename(file);
	let bytes: Buffer;
	try {
		const info = await stat(file);
		if (!info.isFile()) fail(`${name}: not a file`);
		if (info.size > MAX_TRANSCRIPT_BYTES) fail(`${name}: ${PROBLEM_TEXT.too_large}.`);
		bytes = await readFile(file);
	} catch (error) {
		fail(`${name}: cannot open the file (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
	}
	try {
		const x = await extractTranscript(bytes, name);
		process.stdout.write(`${format === 'json' ? json(x) : summary(name, x)}\n`);
	} catch (error) {
		if (error instanceof TranscriptError) fail(`${name}: ${PROBLEM_TEXT[error.problem]}.`);
		fail(`${name}: could not be read (${error instanceof Error ? error.message : String(error)}).`);
	}
}

await main(process.argv.slice(2));
