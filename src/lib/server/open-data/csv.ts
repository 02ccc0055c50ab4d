// CSV in RFC 4180 form: a header row, CRLF line ends, fields quoted when they hold a comma, a
// quote or a line break, and quotes doubled. UTF-8 without a byte-order mark.

export type CsvKind = 'text' | 'number' | 'date' | 'boolean';

export interface CsvColumn<T> {
	header: string;
	kind: CsvKind;
	value: (row: T) => string | number | boolean | null | undefined;
}

// A text cell starting with one of these is run as a formula by spreadsheet programs (CSV
// injection). Only text columns are guarded: a number like -5000 must stay a number.
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(field: string): string {
	return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function cell(kind: CsvKind, value: string | number | boolean | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (kind === 'number') {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			throw new TypeError(`CSV number column got ${JSON.stringify(value)}`);
		}
		return String(value);
	}
	if (kind === 'boolean') return value ? 'true' : 'false';
	const text = String(value);
	return kind === 'text' && FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
	const lines = [columns.map((c) => quote(c.header)).join(',')];
	for (const row of rows) {
		lines.push(columns.map((c) => quote(cell(c.kind, c.value(row)))).join(','));
	}
	return lines.join('\r\n') + '\r\n';
}

/** Headers for a CSV download (add them to a cached answer). */
export function csvHeaders(filename: string): Record<string, string> {
	return { 'Content-Disposition': `attachment; filename="${filename}"` };
}

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';
