// The budget figures CSV: its columns, its limits, the row it becomes and the downloadable
// template. Pure; the checks of each row are in budget-csv-checks.ts, the streamed reading in
// src/lib/server/budget-import/read.ts.
import { m } from '../paraglide/messages';
import type { BudgetPhase } from './status';
import type { BudgetLineIdentity } from './budget';

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

export interface BudgetCsvRow extends BudgetLineIdentity {
	/** Physical line of the row in the file (the header is line 1). */
	line: number;
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

/** The natural key of a budget line: one line per year, vote, programme, sub-programme, class. */
export function budgetLineKey(r: {
	fiscalYear: string;
	voteCode: string;
	programme: string;
	subProgramme: string;
	economicClass: string;
}): string {
	return `${r.fiscalYear}\u0000${r.voteCode}\u0000${r.programme}\u0000${r.subProgramme}\u0000${r.economicClass}`;
}

const ILLUSTRATIVE_SOURCE = /\b(illustrative|example row)\b/i;

/** A figure whose source says it is an example or illustrative is flagged as such. */
export function isIllustrativeSource(sourceTitle: string): 0 | 1 {
	return ILLUSTRATIVE_SOURCE.test(sourceTitle) ? 1 : 0;
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
