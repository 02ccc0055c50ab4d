// Budget figures import from CSV: parse and validate, preview against the database, then apply in
// one transaction. The same code serves the clerk workspace and `npm run import -- budget FILE`.
// Relative imports (not $lib) so that the command line runs it under tsx as well.
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Insertable, Kysely, Transaction } from 'kysely';
import {
	BUDGET_PHASES,
	isBudgetPhase,
	isEconomicClass,
	isFiscalYearLabel,
	isIsoDate,
	parseKesAmount,
	type BudgetPhase,
	type EconomicClass
} from '../../domain';
import { m } from '../../paraglide/messages';
import { recordAudit, type Actor } from '../audit';
import { lockForWrite } from '../db/locks';
import type { BudgetFigureTable, DB } from '../db/schema';
import { refreshFundingStatuses } from './funding-status';

// ---------------------------------------------------------------------------------------------
// The file format

export const BUDGET_CSV_COLUMNS = [
	'fiscal_year',
	'vote_code',
	'vote_name',
	'programme',
	'sub_programme',
	'economic_class',
	'phase',
	'amount_kes',
	'as_of',
	'source_title',
	'source_url'
] as const;
export type BudgetCsvColumn = (typeof BUDGET_CSV_COLUMNS)[number];

/** Upper bounds that keep one import within memory and one request's time. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
/** Past this many errors the file is plainly the wrong one; more would only flood the page. */
export const MAX_REPORTED_ERRORS = 1_000;

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

export interface BudgetCsvRow {
	/** Physical line of the row in the file (the header is line 1). */
	line: number;
	fiscalYear: string;
	voteCode: string;
	voteName: string;
	programme: string;
	/** '' when the line has no sub-programme. */
	subProgramme: string;
	economicClass: EconomicClass;
	phase: BudgetPhase;
	amountKes: number;
	asOf: string;
	sourceTitle: string;
	sourceUrl: string | null;
}

/** `line` 0 means the file as a whole; `column` null means the whole row (or the header). */
export interface RowError {
	line: number;
	column: string | null;
	message: string;
}

export interface ParsedBudgetCsv {
	rows: BudgetCsvRow[];
	errors: RowError[];
}

/** 'Line 4, column amount_kes: "12.5" is not a whole number of shillings'. */
export function formatRowError(e: RowError): string {
	if (e.line === 0) return e.message;
	const line = e.line.toLocaleString('en-GB');
	return e.column === null
		? m.csv_line({ line, message: e.message })
		: m.csv_line_column({ line, column: e.column, message: e.message });
}

/** SHA-256 of the file text, recorded in the audit log so an import can be traced to its file. */
export function fingerprintBudgetCsv(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

const TEMPLATE_ROWS: Record<BudgetCsvColumn, string>[] = [
	{
		fiscal_year: '2025/26',
		vote_code: '1021',
		vote_name: 'State Department for Internal Security and National Administration',
		programme: 'Whole vote (example row)',
		sub_programme: '',
		economic_class: 'recurrent',
		phase: 'ceiling',
		amount_kes: '37508800000',
		as_of: '2025-02-15',
		source_title: 'Budget Policy Statement 2025 (example row)',
		source_url: ''
	},
	{
		fiscal_year: '2025/26',
		vote_code: '1021',
		vote_name: 'State Department for Internal Security and National Administration',
		programme: 'National Government Administration (example row)',
		sub_programme: 'Operationalisation of newly gazetted administrative units',
		economic_class: 'development',
		phase: 'ceiling',
		amount_kes: '616,000,000',
		as_of: '2025-02-15',
		source_title: 'Budget Policy Statement 2025, as reported by Kenyans.co.ke (example row)',
		source_url: 'https://www.kenyans.co.ke/'
	}
];

function csvCell(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The downloadable template: the header and two rows marked as examples in source_title. */
export function budgetCsvTemplate(): string {
	const lines = [BUDGET_CSV_COLUMNS.join(',')];
	for (const row of TEMPLATE_ROWS)
		lines.push(BUDGET_CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
	return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Parsing and validation

class TooManyErrors extends Error {}

class ErrorList {
	readonly items: RowError[] = [];
	add(line: number, column: string | null, message: string): void {
		if (this.items.length >= MAX_REPORTED_ERRORS) throw new TooManyErrors();
		this.items.push({ line, column, message });
	}
}

function quote(value: string): string {
	return JSON.stringify(value.length > 120 ? `${value.slice(0, 117)}...` : value);
}

/** Maps header cells to column positions, or reports what is wrong with the header. */
function readHeader(
	{ cells, line }: { cells: string[]; line: number },
	errors: ErrorList
): Map<BudgetCsvColumn, number> | null {
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
		errors.add(line, null, m.csv_header_missing({ columns: missing.join(', ') }));
	}
	if (unknown.length > 0) {
		errors.add(line, null, m.csv_header_unknown({ columns: unknown.join(', ') }));
	}
	if (repeated.length > 0) {
		errors.add(line, null, m.csv_header_repeats({ columns: repeated.join(', ') }));
	}
	if (missing.length + unknown.length + repeated.length > 0) {
		errors.add(line, null, m.csv_expected_columns({ columns: BUDGET_CSV_COLUMNS.join(',') }));
		return null;
	}
	return positions;
}

// Control characters (tabs, line breaks inside quotes) have no place in names or titles.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f]/;
const VOTE_CODE = /^\d{1,10}$/;
const OPTIONAL_COLUMNS: ReadonlySet<BudgetCsvColumn> = new Set(['sub_programme', 'source_url']);
const ILLUSTRATIVE_SOURCE = /\b(illustrative|example row)\b/i;

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
	if (value.startsWith('-')) {
		return { ok: false, message: m.csv_negative({ value: quote(value) }) };
	}
	if (/^\d[\d,\s_]*$/.test(value)) {
		return { ok: false, message: m.csv_too_large_amount({ value: quote(value) }) };
	}
	return { ok: false, message: m.csv_not_whole({ value: quote(value) }) };
}

/** Validates one data record; returns the row, or null after adding its errors. */
function readRow(
	line: number,
	record: string[],
	positions: Map<BudgetCsvColumn, number>,
	errors: ErrorList,
	checkControls: boolean
): BudgetCsvRow | null {
	const before = errors.items.length;
	const text = {} as Record<BudgetCsvColumn, string>;
	for (const column of BUDGET_CSV_COLUMNS) {
		const value = (record[positions.get(column)!] ?? '').trim();
		text[column] = '';
		if (value.length > MAX_TEXT[column]) {
			errors.add(
				line,
				column,
				m.csv_too_long({ length: String(value.length), max: String(MAX_TEXT[column]) })
			);
		} else if (checkControls && CONTROL.test(value)) {
			errors.add(line, column, m.csv_control());
		} else if (value === '' && !OPTIONAL_COLUMNS.has(column)) {
			errors.add(line, column, m.csv_empty_cell());
		} else {
			text[column] = value;
		}
	}

	const fiscalYear = text.fiscal_year;
	if (fiscalYear && !isFiscalYearLabel(fiscalYear)) {
		errors.add(line, 'fiscal_year', m.csv_fiscal_year({ value: quote(fiscalYear) }));
	}
	const voteCode = text.vote_code;
	if (voteCode && !VOTE_CODE.test(voteCode)) {
		errors.add(line, 'vote_code', m.csv_vote_code({ value: quote(voteCode) }));
	}
	const economicClass = text.economic_class.toLowerCase();
	if (economicClass && !isEconomicClass(economicClass)) {
		errors.add(line, 'economic_class', m.csv_economic_class({ value: quote(text.economic_class) }));
	}
	const phase = text.phase.toLowerCase();
	if (phase && !isBudgetPhase(phase)) {
		errors.add(
			line,
			'phase',
			m.csv_phase({ value: quote(text.phase), phases: BUDGET_PHASES.join(', ') })
		);
	}
	let amountKes = 0;
	if (text.amount_kes) {
		const amount = readAmount(text.amount_kes);
		if (amount.ok) amountKes = amount.value;
		else errors.add(line, 'amount_kes', amount.message);
	}
	const asOf = text.as_of;
	if (asOf && !isIsoDate(asOf)) {
		errors.add(line, 'as_of', m.csv_date({ value: quote(asOf) }));
	}
	const sourceUrl = text.source_url;
	if (sourceUrl && !checkUrl(sourceUrl)) {
		errors.add(line, 'source_url', m.csv_url({ value: quote(sourceUrl) }));
	}
	if (errors.items.length > before) return null;
	return {
		line,
		fiscalYear,
		voteCode,
		voteName: text.vote_name,
		programme: text.programme,
		subProgramme: text.sub_programme,
		economicClass: economicClass as EconomicClass,
		phase: phase as BudgetPhase,
		amountKes,
		asOf,
		sourceTitle: text.source_title,
		sourceUrl: sourceUrl || null
	};
}

function lineKeyOf(r: {
	fiscalYear: string;
	voteCode: string;
	programme: string;
	subProgramme: string;
	economicClass: string;
}): string {
	return `${r.fiscalYear}\u0000${r.voteCode}\u0000${r.programme}\u0000${r.subProgramme}\u0000${r.economicClass}`;
}

function figureKeyOf(lineKey: string, phase: string, asOf: string): string {
	return `${lineKey}\u0000${phase}\u0000${asOf}`;
}

/** Checks across rows: one figure per line, phase and date; one name per vote and year. */
function checkAcrossRows(rows: BudgetCsvRow[], errors: ErrorList): BudgetCsvRow[] {
	const figureLines = new Map<string, number>();
	const voteNames = new Map<string, { name: string; line: number }>();
	const kept: BudgetCsvRow[] = [];
	for (const row of rows) {
		const key = figureKeyOf(lineKeyOf(row), row.phase, row.asOf);
		const first = figureLines.get(key);
		if (first !== undefined) {
			errors.add(row.line, null, m.csv_repeats_line({ first: String(first) }));
			continue;
		}
		figureLines.set(key, row.line);
		const vote = `${row.fiscalYear}\u0000${row.voteCode}`;
		const named = voteNames.get(vote);
		if (named && named.name !== row.voteName) {
			errors.add(
				row.line,
				'vote_name',
				m.csv_vote_name_differs({
					value: quote(row.voteName),
					other: quote(named.name),
					line: String(named.line)
				})
			);
			continue;
		}
		if (!named) voteNames.set(vote, { name: row.voteName, line: row.line });
		kept.push(row);
	}
	return kept;
}

const COLUMN_ORDER = new Map<string, number>(BUDGET_CSV_COLUMNS.map((c, i) => [c, i]));

/** By line, then in the template's column order, so each row's errors read left to right. */
function inFileOrder(errors: RowError[]): RowError[] {
	const rank = (e: RowError) => (e.column === null ? -1 : (COLUMN_ORDER.get(e.column) ?? -1));
	return errors
		.map((e, i) => ({ e, i }))
		.sort((a, b) => a.e.line - b.e.line || rank(a.e) - rank(b.e) || a.i - b.i)
		.map(({ e }) => e);
}

interface CsvParseError extends Error {
	code?: string;
	lines?: number;
	records?: number;
}

/** Plain words for the errors of the CSV reader itself (quoting problems). */
function describeCsvError(err: CsvParseError, lastGoodLine: number): RowError {
	if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
		return {
			line: lastGoodLine + 1,
			column: null,
			message: m.csv_quote_not_closed()
		};
	}
	if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
		return {
			line: err.lines ?? lastGoodLine + 1,
			column: null,
			message: m.csv_invalid_closing_quote()
		};
	}
	return {
		line: err.lines ?? lastGoodLine + 1,
		column: null,
		message: m.csv_unreadable_detail({ detail: err.message })
	};
}

interface CsvRecord {
	cells: string[];
	/** The physical line the record starts on. */
	line: number;
	/** A quoted field holds a line break, so the record spans several lines. */
	multiline: boolean;
}

/**
 * Records read at most: the header, the rows allowed and some blank lines. Reading stops there,
 * which bounds the time a hostile file can take (csv-parse builds an error object for every
 * record whose width differs from the header's, even when relaxed, which makes those slow).
 */
const RECORD_LIMIT = MAX_IMPORT_ROWS + 1_000;

const CSV_OPTIONS = {
	bom: true,
	record_delimiter: '\n',
	relax_column_count: true,
	relax_quotes: true
} as const;

/**
 * Reads the records with their line numbers, leaving out blank lines and ',,,' rows. Empty lines
 * are kept by the reader (no skip_empty_lines) and counted here: csv-parse's own line info is
 * costly per record and could not say where a multi-line record starts.
 */
function readRecords(
	text: string
): { records: CsvRecord[]; truncated: boolean } | { error: RowError } {
	let cells: string[][];
	try {
		cells = parse(text, { ...CSV_OPTIONS, to: RECORD_LIMIT });
	} catch (err) {
		const e = err as CsvParseError;
		// Read again up to the failure to find the line of the last record read correctly.
		const before = e.records ? (parse(text, { ...CSV_OPTIONS, to: e.records }) as string[][]) : [];
		const lastGoodLine = numberLines(before).nextLine - 1;
		return { error: describeCsvError(e, lastGoodLine) };
	}
	return { records: numberLines(cells).records, truncated: cells.length >= RECORD_LIMIT };
}

function numberLines(all: string[][]): { records: CsvRecord[]; nextLine: number } {
	const records: CsvRecord[] = [];
	let nextLine = 1;
	for (const cells of all) {
		const line = nextLine;
		let multiline = false;
		let blank = true;
		for (const v of cells) {
			if (v.includes('\n')) {
				multiline = true;
				nextLine += v.split('\n').length - 1;
			}
			if (blank && v.trim() !== '') blank = false;
		}
		nextLine += 1;
		if (!blank) records.push({ cells, line, multiline });
	}
	return { records, nextLine };
}

/**
 * Parses and validates a budget figures CSV (the template's columns, in any order). Returns the
 * valid rows and every error; callers must not import when `errors` is not empty.
 */
export function parseBudgetCsv(text: string): ParsedBudgetCsv {
	const errors = new ErrorList();
	if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_BYTES) {
		errors.add(0, null, m.csv_file_too_large({ mb: String(MAX_IMPORT_BYTES / 1024 / 1024) }));
		return { rows: [], errors: errors.items };
	}
	if (text.includes('\uFFFD')) {
		errors.add(0, null, m.csv_not_utf8());
		return { rows: [], errors: errors.items };
	}
	// One line ending throughout: csv-parse miscounts lines at \r\n inside quoted fields, and a
	// file mixing endings would otherwise fail on its first \r\n.
	const normalised = text.replace(/\r\n?/g, '\n');

	const read = readRecords(normalised);
	if ('error' in read) {
		errors.add(0, null, m.csv_unreadable());
		errors.add(read.error.line, read.error.column, read.error.message);
		return { rows: [], errors: errors.items };
	}
	const [header, ...data] = read.records;
	if (!header) {
		errors.add(0, null, m.csv_file_empty());
		return { rows: [], errors: errors.items };
	}
	if (data.length > MAX_IMPORT_ROWS || read.truncated) {
		errors.add(0, null, m.csv_too_many_rows({ count: MAX_IMPORT_ROWS.toLocaleString('en-GB') }));
		return { rows: [], errors: errors.items };
	}
	// Checking every cell for control characters is costly; most files have none at all.
	const mayHaveControls = CONTROL_EXCEPT_NEWLINE.test(normalised);

	const rows: BudgetCsvRow[] = [];
	try {
		const positions = readHeader(header, errors);
		if (!positions) return { rows: [], errors: errors.items };
		const width = header.cells.length;
		for (const { cells, line, multiline } of data) {
			const extra = cells.length > width && cells.slice(width).some((v) => v.trim() !== '');
			if (cells.length < width || extra) {
				errors.add(
					line,
					null,
					m.csv_field_count({
						count: cells.length,
						shown: cells.length.toLocaleString('en-GB'),
						width: String(width)
					})
				);
				continue;
			}
			const row = readRow(line, cells, positions, errors, mayHaveControls || multiline);
			if (row) rows.push(row);
		}
		if (rows.length === 0 && errors.items.length === 0) {
			errors.add(0, null, m.csv_no_rows());
		}
		const kept = checkAcrossRows(rows, errors);
		return { rows: kept, errors: inFileOrder(errors.items) };
	} catch (err) {
		if (!(err instanceof TooManyErrors)) throw err;
		errors.items.push({
			line: 0,
			column: null,
			message: m.csv_stopped({ count: MAX_REPORTED_ERRORS.toLocaleString('en-GB') })
		});
		return { rows: [], errors: inFileOrder(errors.items) };
	}
}

// ---------------------------------------------------------------------------------------------
// Comparing with the database

type Db = Kysely<DB> | Transaction<DB>;

/** Bound on an `in (...)` list, well under SQLite's and PostgreSQL's parameter limits. */
const IN_LIST_MAX = 500;
/** Rows per multi-row INSERT: 7 parameters each stays far below both databases' limits. */
const INSERT_BATCH = 500;

export interface FigureSnapshot {
	voteName: string;
	amountKes: number;
	sourceTitle: string;
	sourceUrl: string | null;
}

export type ChangedField = keyof FigureSnapshot;

export interface PreviewRow {
	line: number;
	kind: 'add' | 'change' | 'unchanged';
	row: BudgetCsvRow;
	/** True when the budget line itself is new too (not only the figure). */
	newLine: boolean;
	/** The stored figure (and its line's vote name); null for an add. */
	before: FigureSnapshot | null;
	after: FigureSnapshot;
	/** What differs between before and after; empty unless kind is 'change'. */
	changedFields: ChangedField[];
}

/** An existing budget line whose vote name the file changes. */
export interface LineRename {
	budgetLineId: number;
	fiscalYear: string;
	voteCode: string;
	programme: string;
	subProgramme: string;
	economicClass: EconomicClass;
	from: string;
	to: string;
}

export interface ImportCounts {
	/** Valid rows considered. */
	total: number;
	added: number;
	changed: number;
	unchanged: number;
	/** Budget lines that do not exist yet and will be created. */
	newLines: number;
	/** Existing budget lines whose vote name will change. */
	renamedLines: number;
}

export interface ImportPreview {
	counts: ImportCounts;
	added: PreviewRow[];
	changed: PreviewRow[];
	unchanged: PreviewRow[];
	lineRenames: LineRename[];
}

export interface ImportResult extends ImportCounts {
	/** Commitments whose derived funding status was recomputed and changed. */
	fundingStatusesChanged: number;
}

interface ExistingLine {
	id: number;
	voteName: string;
}

interface ExistingFigure {
	id: number;
	amountKes: number;
	sourceTitle: string;
	sourceUrl: string | null;
}

interface Plan {
	preview: ImportPreview;
	/** Existing lines by natural key; new lines are added as they are inserted. */
	lines: Map<string, ExistingLine>;
	/** Natural line key of each row of `preview.added`, by position. */
	addedLineKeys: string[];
	/** Stored figure id of each row of `preview.changed`, by position. */
	changedFigureIds: number[];
	/** Existing lines that get a new or changed figure: their commitments need a refresh. */
	touchedLineIds: Set<number>;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
	return chunks;
}

function figureIdKey(lineId: number, phase: string, asOf: string): string {
	return `${lineId}\u0000${phase}\u0000${asOf}`;
}

/**
 * Loads the lines and figures of every (fiscal year, vote) in the file: two queries per 500
 * votes, however many rows. Figures of other programmes of those votes come along; harmless.
 */
async function loadExisting(db: Db, rows: readonly BudgetCsvRow[]) {
	const years = [...new Set(rows.map((r) => r.fiscalYear))];
	const votes = [...new Set(rows.map((r) => r.voteCode))];
	const lines = new Map<string, ExistingLine>();
	const figures = new Map<string, ExistingFigure>();
	for (const yearList of chunk(years, IN_LIST_MAX)) {
		for (const voteList of chunk(votes, IN_LIST_MAX)) {
			const lineRows = await db
				.selectFrom('budget_lines')
				.select([
					'id',
					'fiscal_year',
					'vote_code',
					'vote_name',
					'programme',
					'sub_programme',
					'economic_class'
				])
				.where('fiscal_year', 'in', yearList)
				.where('vote_code', 'in', voteList)
				.execute();
			for (const l of lineRows) {
				const key = lineKeyOf({
					fiscalYear: l.fiscal_year,
					voteCode: l.vote_code,
					programme: l.programme,
					subProgramme: l.sub_programme,
					economicClass: l.economic_class
				});
				lines.set(key, { id: l.id, voteName: l.vote_name });
			}
			if (lineRows.length === 0) continue;
			const figureRows = await db
				.selectFrom('budget_figures as f')
				.innerJoin('budget_lines as l', 'l.id', 'f.budget_line_id')
				.select([
					'f.id',
					'f.budget_line_id',
					'f.phase',
					'f.as_of',
					'f.amount_kes',
					'f.source_title',
					'f.source_url'
				])
				.where('l.fiscal_year', 'in', yearList)
				.where('l.vote_code', 'in', voteList)
				.execute();
			for (const f of figureRows) {
				figures.set(figureIdKey(f.budget_line_id, f.phase, f.as_of), {
					id: f.id,
					amountKes: Number(f.amount_kes),
					sourceTitle: f.source_title,
					sourceUrl: f.source_url
				});
			}
		}
	}
	return { lines, figures };
}

function snapshotOf(row: BudgetCsvRow): FigureSnapshot {
	return {
		voteName: row.voteName,
		amountKes: row.amountKes,
		sourceTitle: row.sourceTitle,
		sourceUrl: row.sourceUrl
	};
}

function differences(before: FigureSnapshot, after: FigureSnapshot): ChangedField[] {
	const fields: ChangedField[] = [];
	if (before.voteName !== after.voteName) fields.push('voteName');
	if (before.amountKes !== after.amountKes) fields.push('amountKes');
	if (before.sourceTitle !== after.sourceTitle) fields.push('sourceTitle');
	if (before.sourceUrl !== after.sourceUrl) fields.push('sourceUrl');
	return fields;
}

const NO_CHANGES: ChangedField[] = [];

async function planImport(db: Db, rows: readonly BudgetCsvRow[]): Promise<Plan> {
	const { lines, figures } = await loadExisting(db, rows);
	const added: PreviewRow[] = [];
	const changed: PreviewRow[] = [];
	const unchanged: PreviewRow[] = [];
	const lineRenames: LineRename[] = [];
	const plan: Plan = {
		preview: { counts: emptyCounts(rows.length), added, changed, unchanged, lineRenames },
		lines,
		addedLineKeys: [],
		changedFigureIds: [],
		touchedLineIds: new Set()
	};
	const newLineKeys = new Set<string>();
	const renamed = new Set<number>();
	for (const row of rows) {
		const lineKey = lineKeyOf(row);
		const line = lines.get(lineKey);
		const after = snapshotOf(row);
		if (!line) {
			newLineKeys.add(lineKey);
			added.push({
				line: row.line,
				kind: 'add',
				row,
				newLine: true,
				before: null,
				after,
				changedFields: NO_CHANGES
			});
			plan.addedLineKeys.push(lineKey);
			continue;
		}
		if (line.voteName !== row.voteName && !renamed.has(line.id)) {
			renamed.add(line.id);
			lineRenames.push({
				budgetLineId: line.id,
				fiscalYear: row.fiscalYear,
				voteCode: row.voteCode,
				programme: row.programme,
				subProgramme: row.subProgramme,
				economicClass: row.economicClass,
				from: line.voteName,
				to: row.voteName
			});
		}
		const figure = figures.get(figureIdKey(line.id, row.phase, row.asOf));
		if (!figure) {
			added.push({
				line: row.line,
				kind: 'add',
				row,
				newLine: false,
				before: null,
				after,
				changedFields: NO_CHANGES
			});
			plan.addedLineKeys.push(lineKey);
			plan.touchedLineIds.add(line.id);
			continue;
		}
		const before: FigureSnapshot = {
			voteName: line.voteName,
			amountKes: figure.amountKes,
			sourceTitle: figure.sourceTitle,
			sourceUrl: figure.sourceUrl
		};
		const changedFields = differences(before, after);
		if (changedFields.length === 0) {
			unchanged.push({
				line: row.line,
				kind: 'unchanged',
				row,
				newLine: false,
				before,
				after,
				changedFields
			});
			continue;
		}
		changed.push({
			line: row.line,
			kind: 'change',
			row,
			newLine: false,
			before,
			after,
			changedFields
		});
		plan.changedFigureIds.push(figure.id);
		plan.touchedLineIds.add(line.id);
	}
	const { counts } = plan.preview;
	counts.added = added.length;
	counts.changed = changed.length;
	counts.unchanged = unchanged.length;
	counts.newLines = newLineKeys.size;
	counts.renamedLines = lineRenames.length;
	return plan;
}

function emptyCounts(total: number): ImportCounts {
	return { total, added: 0, changed: 0, unchanged: 0, newLines: 0, renamedLines: 0 };
}

/**
 * What importing `rows` would do: each row classified as add, change (with before and after) or
 * unchanged. Reads only; a bounded number of queries however many rows.
 */
export async function previewBudgetImport(
	db: Db,
	rows: readonly BudgetCsvRow[]
): Promise<ImportPreview> {
	return (await planImport(db, rows)).preview;
}

// ---------------------------------------------------------------------------------------------
// Applying

/** A figure or line changed between the comparison and the write (another writer got there). */
export class ImportConflictError extends Error {}

export interface ApplyOptions {
	/** File name and SHA-256 recorded in the audit summary. */
	source?: { name?: string; sha256?: string };
	/** Called after each batch; with it, the event loop is yielded so progress can be sent. */
	onProgress?: (done: number, total: number) => void;
}

function isIllustrative(sourceTitle: string): 0 | 1 {
	return ILLUSTRATIVE_SOURCE.test(sourceTitle) ? 1 : 0;
}

async function insertNewLines(trx: Transaction<DB>, plan: Plan): Promise<void> {
	const pending = new Map<string, BudgetCsvRow>();
	plan.preview.added.forEach(({ row, newLine }, i) => {
		const key = plan.addedLineKeys[i]!;
		if (newLine && !pending.has(key)) pending.set(key, row);
	});
	for (const batch of chunk([...pending.values()], INSERT_BATCH)) {
		// Returned rows are matched by natural key, not by position: PostgreSQL does not promise
		// that RETURNING follows the order of a multi-row VALUES list.
		const inserted = await trx
			.insertInto('budget_lines')
			.values(
				batch.map((r) => ({
					fiscal_year: r.fiscalYear,
					vote_code: r.voteCode,
					vote_name: r.voteName,
					programme: r.programme,
					sub_programme: r.subProgramme,
					economic_class: r.economicClass
				}))
			)
			.returning([
				'id',
				'fiscal_year',
				'vote_code',
				'vote_name',
				'programme',
				'sub_programme',
				'economic_class'
			])
			.execute();
		for (const l of inserted) {
			const key = lineKeyOf({
				fiscalYear: l.fiscal_year,
				voteCode: l.vote_code,
				programme: l.programme,
				subProgramme: l.sub_programme,
				economicClass: l.economic_class
			});
			plan.lines.set(key, { id: l.id, voteName: l.vote_name });
		}
	}
}

async function applyRenames(trx: Transaction<DB>, renames: readonly LineRename[], actor: Actor) {
	for (const r of renames) {
		// Compare-and-swap: a concurrent rename since the comparison fails the whole import.
		const result = await trx
			.updateTable('budget_lines')
			.set({ vote_name: r.to })
			.where('id', '=', r.budgetLineId)
			.where('vote_name', '=', r.from)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1) {
			throw new ImportConflictError(`Budget line ${r.budgetLineId} changed during the import`);
		}
		await recordAudit(trx, actor, {
			action: 'budget_line.updated',
			entityId: r.budgetLineId,
			before: { vote_name: r.from },
			after: { vote_name: r.to }
		});
	}
}

async function applyChanges(trx: Transaction<DB>, plan: Plan, actor: Actor) {
	for (const [i, change] of plan.preview.changed.entries()) {
		const { row, before } = change;
		const figureId = plan.changedFigureIds[i]!;
		// Only the line's vote name differs: applyRenames has done it.
		if (change.changedFields.length === 1 && change.changedFields[0] === 'voteName') continue;
		// Compare-and-swap on the values compared (SQLite has no SELECT ... FOR UPDATE).
		const result = await trx
			.updateTable('budget_figures')
			.set({
				amount_kes: row.amountKes,
				source_title: row.sourceTitle,
				source_url: row.sourceUrl,
				illustrative: isIllustrative(row.sourceTitle)
			})
			.where('id', '=', figureId)
			.where('amount_kes', '=', before!.amountKes)
			.where('source_title', '=', before!.sourceTitle)
			.where('source_url', before!.sourceUrl === null ? 'is' : '=', before!.sourceUrl)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) !== 1) {
			throw new ImportConflictError(
				`Line ${row.line}: the stored figure changed during the import`
			);
		}
		await recordAudit(trx, actor, {
			action: 'budget_figure.corrected',
			entityId: figureId,
			before: {
				amount_kes: before!.amountKes,
				source_title: before!.sourceTitle,
				source_url: before!.sourceUrl
			},
			after: {
				amount_kes: row.amountKes,
				source_title: row.sourceTitle,
				source_url: row.sourceUrl
			}
		});
	}
}

async function insertNewFigures(
	trx: Transaction<DB>,
	plan: Plan,
	progress: (batchSize: number) => Promise<void>
) {
	const { added } = plan.preview;
	for (let start = 0; start < added.length; start += INSERT_BATCH) {
		const values: Insertable<BudgetFigureTable>[] = [];
		for (let i = start; i < Math.min(start + INSERT_BATCH, added.length); i++) {
			const row = added[i]!.row;
			values.push({
				budget_line_id: plan.lines.get(plan.addedLineKeys[i]!)!.id,
				phase: row.phase,
				amount_kes: row.amountKes,
				as_of: row.asOf,
				source_title: row.sourceTitle,
				source_url: row.sourceUrl,
				illustrative: isIllustrative(row.sourceTitle)
			});
		}
		await trx.insertInto('budget_figures').values(values).execute();
		await progress(values.length);
	}
}

/** Commitments funded by the given lines, for the funding status refresh. */
async function commitmentsOnLines(trx: Transaction<DB>, lineIds: Iterable<number>) {
	const ids = new Set<number>();
	for (const part of chunk([...new Set(lineIds)], IN_LIST_MAX)) {
		const links = await trx
			.selectFrom('funding_links')
			.select('commitment_id')
			.where('budget_line_id', 'in', part)
			.execute();
		for (const l of links) ids.add(l.commitment_id);
	}
	return [...ids];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes `rows` in one transaction: new lines, new and changed figures, their audit rows (one
 * summary plus one per change) and the funding status of affected commitments. Any error rolls
 * everything back. Importing the same rows again adds and changes nothing.
 */
export async function applyBudgetImport(
	db: Kysely<DB>,
	rows: readonly BudgetCsvRow[],
	actor: Actor,
	opts: ApplyOptions = {}
): Promise<ImportResult> {
	const total = rows.length;
	return db.transaction().execute(async (trx) => {
		// One import at a time (on PostgreSQL across instances), so the plan below stays true.
		await lockForWrite(trx, 'budgetImport');
		// Compared again inside the transaction: the preview the clerk saw may be stale.
		const plan = await planImport(trx, rows);
		const { counts } = plan.preview;
		let done = counts.unchanged;
		const progress = async (n: number) => {
			done += n;
			if (!opts.onProgress) return;
			opts.onProgress(done, total);
			await yieldToEventLoop();
		};
		await progress(0);

		await insertNewLines(trx, plan);
		await applyRenames(trx, plan.preview.lineRenames, actor);
		await applyChanges(trx, plan, actor);
		await progress(counts.changed);
		await insertNewFigures(trx, plan, progress);

		const commitmentIds = await commitmentsOnLines(trx, plan.touchedLineIds);
		const fundingStatusesChanged =
			commitmentIds.length > 0 ? await refreshFundingStatuses(trx, commitmentIds) : 0;

		await recordAudit(trx, actor, {
			action: 'import.applied',
			entityId: null,
			after: {
				file: opts.source?.name ?? null,
				sha256: opts.source?.sha256 ?? null,
				...counts,
				fundingStatusesChanged
			}
		});
		return { ...counts, fundingStatusesChanged };
	});
}
