// Reading a budget figures CSV as a stream: bytes in, counted and hashed; text decoded and its
// line endings made one; csv-parse's streaming reader hands each record to the checker, which
// keeps only the valid rows and the errors (at most MAX_REPORTED_ERRORS). Memory grows with the
// rows kept, never with the text: no copy of the file is held here.
// Relative imports (not $lib) so that the command line runs it under tsx as well.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { MAX_IMPORT_BYTES, type ParsedBudgetCsv } from '../../domain/budget-csv';
import {
	BudgetCsvChecker,
	StopReading,
	fileTooLarge,
	notUtf8,
	unreadable
} from '../../domain/budget-csv-checks';

export interface ReadBudgetCsv extends ParsedBudgetCsv {
	/** SHA-256 of the bytes read, recorded in the audit log to trace an import to its file. */
	sha256: string;
	bytes: number;
}

/** Pieces of the file: a stream of bytes (an upload, a file) or of text (textChunks). */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;

const CSV_OPTIONS = {
	bom: true,
	record_delimiter: '\n',
	relax_column_count: true,
	relax_quotes: true
} as const;

/**
 * The file as text in pieces: at most MAX_IMPORT_BYTES bytes, UTF-8, with one line ending
 * throughout (csv-parse miscounts lines at \r\n inside quoted fields, and a file mixing endings
 * would otherwise fail on its first \r\n). Control characters switch the checker's cell check on.
 */
async function* textOf(
	source: ByteSource,
	checker: BudgetCsvChecker,
	read: { bytes: number; hash: ReturnType<typeof createHash> }
): AsyncGenerator<string> {
	const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
	let carriage = '';
	const piece = (raw: string): string => {
		if (raw.includes('\uFFFD')) checker.fileError(notUtf8());
		let text = carriage + raw;
		carriage = text.endsWith('\r') ? '\r' : '';
		if (carriage) text = text.slice(0, -1);
		text = text.replace(/\r\n?/g, '\n');
		if (!checker.checkControls && CONTROL_EXCEPT_NEWLINE.test(text)) checker.checkControls = true;
		return text;
	};
	for await (const chunk of source) {
		read.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
		if (read.bytes > MAX_IMPORT_BYTES) checker.fileError(fileTooLarge());
		read.hash.update(chunk);
		const text = piece(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
		if (text) yield text;
	}
	const rest = piece(decoder.decode()) + (carriage ? '\n' : '');
	if (rest) yield rest;
}

/**
 * Reads and validates a budget figures CSV (the template's columns, in any order) from a stream
 * of bytes or text: the uploaded file's stream, fs.createReadStream, or textChunks(text).
 * Returns the valid rows and every error; callers must not import when `errors` is not empty.
 */
export async function readBudgetCsv(source: ByteSource): Promise<ReadBudgetCsv> {
	const checker = new BudgetCsvChecker();
	const read = { bytes: 0, hash: createHash('sha256') };
	// Each record is checked as csv-parse reads it (on_record, then dropped), so a reader's
	// error is known to come after the last record checked.
	const parser = parse({
		...CSV_OPTIONS,
		on_record: (cells: string[]) => {
			checker.record(cells);
			return null;
		}
	});
	try {
		await pipeline(Readable.from(textOf(source, checker, read)), parser, async (records) => {
			for await (const _ of records) void _;
		});
	} catch (err) {
		if (!(err instanceof StopReading)) {
			const e = err as { code?: string; lines?: number; message: string };
			if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) throw err;
			try {
				checker.fileError(...unreadable(e, checker.lastLine));
			} catch (stop) {
				if (!(stop instanceof StopReading)) throw stop;
			}
		}
	}
	return { ...checker.finish(), sha256: read.hash.digest('hex'), bytes: read.bytes };
}

/** Pieces of a text of at most 64 KiB, never splitting a surrogate pair. */
export function* textChunks(text: string, size = 65_536): Generator<string> {
	for (let start = 0; start < text.length;) {
		let end = Math.min(start + size, text.length);
		const last = text.charCodeAt(end - 1);
		if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
		yield text.slice(start, end);
		start = end;
	}
}

/** readBudgetCsv of a text already in memory (tests, small files). */
export function parseBudgetCsv(text: string): Promise<ReadBudgetCsv> {
	return readBudgetCsv(textChunks(text));
}

/** SHA-256 of a text, as readBudgetCsv computes it of the same text's bytes. */
export function fingerprintBudgetCsv(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}
