// The checks of a budget figures CSV, record by record as the reader hands them over: the
// header, each row's cells, and across rows (one figure per line, phase and date; one name per
// vote and year). Pure: the reader (src/lib/server/budget-import/read.ts) streams the file in.
import { m } from '../paraglide/messages';
import {
	BUDGET_CSV_COLUMNS,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_ROWS,
	MAX_REPORTED_ERRORS,
	budgetLineKey,
	type BudgetCsvColumn,
	type BudgetCsvRow,
	type ParsedBudgetCsv,
	type RowError
} from './budget-csv';
import { isIsoDate } from './dates';
import { isFiscalYearLabel } from './fiscal-year';
import { parseKesAmount } from './money';
import {
	BUDGET_PHASES,
	isBudgetPhase,
	isEconomicClass,
	type BudgetPhase,
	type EconomicClass
} from './status';

const MAX_TEXT: Record<BudgetCsvColumn, number> = {
	fiscal_year: 7,
	vote_code: 10,
	vote_name: 300,
	programme: 300,
	sub_programme: 300,
	economic_class: 20,
	phase: 20,
	amount_kes: 40,
	as_of: 10,
	source_title: 500,
	source_url: 2000
};

// Control characters (tabs, line breaks inside quotes) have no place in names or titles.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const VOTE_CODE = /^\d{1,10}$/;
const OPTIONAL_COLUMNS: ReadonlySet<BudgetCsvColumn> = new Set(['sub_programme', 'source_url']);
const COLUMN_ORDER = new Map<string, number>(BUDGET_CSV_COLUMNS.map((c, i) => [c, i]));
/**
 * Records read at most: the header, the rows allowed and some blank lines. Reading stops there,
 * which bounds the time a hostile file can take.
 */
const RECORD_LIMIT = MAX_IMPORT_ROWS + 1_000;

/** Thrown by `record` when reading should stop: the outcome is already decided. */
export class StopReading extends Error {}

function quote(value: string): string {
	return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
}

function checkUrl(value: string): boolean {
	try {
		const url = new URL(value);
		return url.protocol === 'http:' || url.protocol === 'https:';
	} catch {
		return false;
	}
}

function readAmount(value: string): { ok: true; value: number } | { ok: false; message: string } {
	const parsed = parseKesAmount(value);
	if (parsed.ok) return parsed;
	if (value.startsWith('-')) return { ok: false, message: m.csv_negative({ value: quote(value) }) };
	if (/^\d[\d,\s_]*$/.test(value)) {
		return { ok: false, message: m.csv_too_large_amount({ value: quote(value) }) };
	}
	return { ok: false, message: m.csv_not_whole({ value: quote(value) }) };
}

/**
 * Takes the records of one file in order and keeps only the valid rows (their repeated texts
 * shared, not copied) and at most MAX_REPORTED_ERRORS errors. `record` throws StopReading once
 * the outcome cannot change; `finish` gives the outcome either way.
 */
export class BudgetCsvChecker {
	/** Control characters are looked for only once the reader has seen one in the file. */
	checkControls = false;
	private rows: BudgetCsvRow[] = [];
	private errors: RowError[] = [];
	private positions: Map<BudgetCsvColumn, number> | null = null;
	private width = 0;
	private headerSeen = false;
	private records = 0;
	private dataRows = 0;
	/** The physical line the next record starts on. */
	private nextLine = 1;
	private stopped = false;
	/** Past MAX_REPORTED_ERRORS: the records are counted, no longer checked. */
	private gaveUp = false;
	private readonly figureLines = new Map<string, number>();
	private readonly voteNames = new Map<string, { name: string; line: number }>();
	private readonly texts = new Map<string, string>();

	/** The line of the last record read, for errors of the CSV reader itself. */
	get lastLine(): number {
		return this.nextLine - 1;
	}

	/** One record of cells as csv-parse reads it (blank lines included). */
	record(cells: string[]): void {
		if (this.stopped) throw new StopReading();
		const line = this.nextLine;
		let multiline = false;
		let blank = true;
		for (const v of cells) {
			if (v.includes('\n')) {
				multiline = true;
				this.nextLine += v.split('\n').length - 1;
			}
			if (blank && v.trim() !== '') blank = false;
		}
		this.nextLine += 1;
		if (++this.records > RECORD_LIMIT) this.tooManyRows();
		if (blank) return;
		if (!this.headerSeen) {
			this.headerSeen = true;
			this.positions = this.readHeader(cells, line);
			this.width = cells.length;
			// With the wrong header no row can be read: its errors are the answer.
			if (!this.positions) this.stop();
			return;
		}
		if (++this.dataRows > MAX_IMPORT_ROWS) this.tooManyRows();
		if (this.gaveUp) return;
		const extra = cells.length > this.width && cells.slice(this.width).some((v) => v.trim());
		if (cells.length < this.width || extra) {
			const count = cells.length;
			const shown = count.toLocaleString('en-GB');
			this.add(line, null, m.csv_field_count({ count, shown, width: String(this.width) }));
			return;
		}
		const row = this.readRow(line, cells, this.checkControls || multiline);
		if (row && this.checkAcrossRows(row) && !this.gaveUp) this.rows.push(row);
	}

	/** An error about the file as a whole (too large, not UTF-8, unreadable): nothing else counts. */
	fileError(...errors: RowError[]): never {
		this.errors = errors;
		this.stop();
	}

	finish(): ParsedBudgetCsv {
		// The checks' own indexes go now, whoever still holds the checker (csv-parse may).
		this.figureLines.clear();
		this.voteNames.clear();
		this.texts.clear();
		if (!this.stopped && !this.gaveUp) {
			if (!this.headerSeen) this.errors.push(fileWide(m.csv_file_empty()));
			else if (this.rows.length === 0 && this.errors.length === 0) {
				this.errors.push(fileWide(m.csv_no_rows()));
			}
		}
		const rank = (e: RowError) => (e.column === null ? -1 : (COLUMN_ORDER.get(e.column) ?? -1));
		// By line, then in the template's column order, so each row's errors read left to right.
		const errors = this.errors
			.map((e, i) => ({ e, i }))
			.sort((a, b) => a.e.line - b.e.line || rank(a.e) - rank(b.e) || a.i - b.i)
			.map(({ e }) => e);
		return { rows: this.rows, errors };
	}

	private tooManyRows(): never {
		const count = MAX_IMPORT_ROWS.toLocaleString('en-GB');
		this.fileError(fileWide(m.csv_too_many_rows({ count })));
	}

	private add(line: number, column: string | null, message: string): void {
		if (this.gaveUp) return;
		if (this.errors.length < MAX_REPORTED_ERRORS) {
			this.errors.push({ line, column, message });
			return;
		}
		// No more checks, but the rows are still counted: "too many rows" is the better advice.
		const count = MAX_REPORTED_ERRORS.toLocaleString('en-GB');
		this.errors.push(fileWide(m.csv_stopped({ count })));
		this.rows = [];
		this.gaveUp = true;
	}

	private stop(): never {
		this.rows = [];
		this.stopped = true;
		throw new StopReading();
	}

	/** The same text once however many rows repeat it (vote names, titles, dates). */
	private shared(text: string): string {
		const known = this.texts.get(text);
		if (known !== undefined) return known;
		this.texts.set(text, text);
		return text;
	}

	/** Maps header cells to column positions, or reports what is wrong with the header. */
	private readHeader(cells: string[], line: number): Map<BudgetCsvColumn, number> | null {
		const known: ReadonlySet<string> = new Set(BUDGET_CSV_COLUMNS);
		const positions = new Map<BudgetCsvColumn, number>();
		const unknown: string[] = [];
		const repeated: string[] = [];
		cells.forEach((cell, i) => {
			const name = cell.trim().toLowerCase();
			if (name === '') unknown.push(m.csv_unnamed_column({ n: String(i + 1) }));
			else if (!known.has(name)) unknown.push(name);
			else if (positions.has(name as BudgetCsvColumn)) repeated.push(name);
			else positions.set(name as BudgetCsvColumn, i);
		});
		const missing = BUDGET_CSV_COLUMNS.filter((c) => !positions.has(c));
		if (missing.length > 0) {
			this.add(line, null, m.csv_header_missing({ columns: missing.join(', ') }));
		}
		if (unknown.length > 0) {
			this.add(line, null, m.csv_header_unknown({ columns: unknown.join(', ') }));
		}
		if (repeated.length > 0) {
			this.add(line, null, m.csv_header_repeats({ columns: repeated.join(', ') }));
		}
		if (missing.length + unknown.length + repeated.length === 0) return positions;
		this.add(line, null, m.csv_expected_columns({ columns: BUDGET_CSV_COLUMNS.join(',') }));
		return null;
	}

	/** Validates one data record; returns the row, or null after adding its errors. */
	private readRow(line: number, record: string[], checkControls: boolean): BudgetCsvRow | null {
		const before = this.errors.length;
		const text = {} as Record<BudgetCsvColumn, string>;
		for (const column of BUDGET_CSV_COLUMNS) {
			const value = (record[this.positions!.get(column)!] ?? '').trim();
			text[column] = '';
			if (value.length > MAX_TEXT[column]) {
				const length = String(value.length);
				this.add(line, column, m.csv_too_long({ length, max: String(MAX_TEXT[column]) }));
			} else if (checkControls && CONTROL.test(value)) {
				this.add(line, column, m.csv_control());
			} else if (value === '' && !OPTIONAL_COLUMNS.has(column)) {
				this.add(line, column, m.csv_empty_cell());
			} else {
				text[column] = value;
			}
		}
		const { fiscal_year: fiscalYear, vote_code: voteCode, as_of: asOf } = text;
		if (fiscalYear && !isFiscalYearLabel(fiscalYear)) {
			this.add(line, 'fiscal_year', m.csv_fiscal_year({ value: quote(fiscalYear) }));
		}
		if (voteCode && !VOTE_CODE.test(voteCode)) {
			this.add(line, 'vote_code', m.csv_vote_code({ value: quote(voteCode) }));
		}
		const economicClass = text.economic_class.toLowerCase();
		if (economicClass && !isEconomicClass(economicClass)) {
			const value = quote(text.economic_class);
			this.add(line, 'economic_class', m.csv_economic_class({ value }));
		}
		const phase = text.phase.toLowerCase();
		if (phase && !isBudgetPhase(phase)) {
			const value = quote(text.phase);
			this.add(line, 'phase', m.csv_phase({ value, phases: BUDGET_PHASES.join(', ') }));
		}
		let amountKes = 0;
		if (text.amount_kes) {
			const amount = readAmount(text.amount_kes);
			if (amount.ok) amountKes = amount.value;
			else this.add(line, 'amount_kes', amount.message);
		}
		if (asOf && !isIsoDate(asOf)) this.add(line, 'as_of', m.csv_date({ value: quote(asOf) }));
		const sourceUrl = text.source_url;
		if (sourceUrl && !checkUrl(sourceUrl)) {
			this.add(line, 'source_url', m.csv_url({ value: quote(sourceUrl) }));
		}
		if (this.errors.length > before) return null;
		return {
			line,
			fiscalYear: this.shared(fiscalYear),
			voteCode: this.shared(voteCode),
			voteName: this.shared(text.vote_name),
			programme: this.shared(text.programme),
			subProgramme: this.shared(text.sub_programme),
			economicClass: economicClass as EconomicClass,
			phase: phase as BudgetPhase,
			amountKes,
			asOf: this.shared(asOf),
			sourceTitle: this.shared(text.source_title),
			sourceUrl: sourceUrl ? this.shared(sourceUrl) : null
		};
	}

	/** One figure per line, phase and date; one name per vote and year. */
	private checkAcrossRows(row: BudgetCsvRow): boolean {
		const key = `${budgetLineKey(row)}\u0000${row.phase}\u0000${row.asOf}`;
		const first = this.figureLines.get(key);
		if (first !== undefined) {
			this.add(row.line, null, m.csv_repeats_line({ first: String(first) }));
			return false;
		}
		this.figureLines.set(key, row.line);
		const vote = `${row.fiscalYear}\u0000${row.voteCode}`;
		const named = this.voteNames.get(vote);
		if (named && named.name !== row.voteName) {
			const value = quote(row.voteName);
			const other = quote(named.name);
			const differs = m.csv_vote_name_differs({ value, other, line: String(named.line) });
			this.add(row.line, 'vote_name', differs);
			return false;
		}
		if (!named) this.voteNames.set(vote, { name: row.voteName, line: row.line });
		return true;
	}
}

function fileWide(message: string): RowError {
	return { line: 0, column: null, message };
}

/** The message for a file over the size limit (read no further). */
export function fileTooLarge(): RowError {
	return fileWide(m.csv_file_too_large({ mb: String(MAX_IMPORT_BYTES / 1024 / 1024) }));
}

/** The message for bytes that are not UTF-8. */
export function notUtf8(): RowError {
	return fileWide(m.csv_not_utf8());
}

/** The messages for an error of the CSV reader itself (quoting), after the last good line. */
export function unreadable(
	err: { code?: string; lines?: number; message: string },
	lastLine: number
) {
	const line = err.code === 'CSV_QUOTE_NOT_CLOSED' ? lastLine + 1 : (err.lines ?? lastLine + 1);
	const message =
		err.code === 'CSV_QUOTE_NOT_CLOSED'
			? m.csv_quote_not_closed()
			: err.code === 'CSV_INVALID_CLOSING_QUOTE'
				? m.csv_invalid_closing_quote()
				: m.csv_unreadable_detail({ detail: err.message });
	return [fileWide(m.csv_unreadable()), { line, column: null, message }];
}
