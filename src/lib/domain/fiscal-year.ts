// Kenya's fiscal year runs 1 July to 30 June and is labelled by both calendar years: '2025/26'.
import { isIsoDate } from './dates';

export type Quarter = 1 | 2 | 3 | 4;

const LABEL = /^(\d{4})\/(\d{2})$/;

function startYearOf(iso: string): { startYear: number; month: number } {
	if (!isIsoDate(iso)) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${iso}`);
	const year = Number(iso.slice(0, 4));
	const month = Number(iso.slice(5, 7));
	return { startYear: month >= 7 ? year : year - 1, month };
}

function labelFor(startYear: number): string {
	return `${String(startYear).padStart(4, '0')}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function parseLabel(label: string): number {
	if (!isFiscalYearLabel(label)) {
		throw new RangeError(`Not a fiscal year label like '2025/26': ${JSON.stringify(label)}`);
	}
	return Number(label.slice(0, 4));
}

function assertQuarter(quarter: number): asserts quarter is Quarter {
	if (quarter !== 1 && quarter !== 2 && quarter !== 3 && quarter !== 4) {
		throw new RangeError(`Quarter must be 1, 2, 3 or 4, got ${quarter}`);
	}
}

/** '2025-06-30' → '2024/25'; '2025-07-01' → '2025/26'. */
export function fiscalYearOf(iso: string): string {
	return labelFor(startYearOf(iso).startYear);
}

/** Q1 is Jul–Sep, Q2 Oct–Dec, Q3 Jan–Mar, Q4 Apr–Jun. */
export function fiscalQuarterOf(iso: string): { fiscalYear: string; quarter: Quarter } {
	const { startYear, month } = startYearOf(iso);
	// Shift so that July is month 0 of the fiscal year.
	const quarter = (Math.floor(((month + 5) % 12) / 3) + 1) as Quarter;
	return { fiscalYear: labelFor(startYear), quarter };
}

/** 'YYYY/YY' where YY is the following year: '2025/26' and '1999/00' yes, '2025/27' no. */
export function isFiscalYearLabel(s: unknown): s is string {
	if (typeof s !== 'string') return false;
	const m = LABEL.exec(s);
	if (!m) return false;
	return Number(m[2]) === (Number(m[1]) + 1) % 100;
}

export function fiscalYearRange(label: string): { start: string; end: string } {
	const startYear = parseLabel(label);
	return {
		start: `${String(startYear).padStart(4, '0')}-07-01`,
		end: `${String(startYear + 1).padStart(4, '0')}-06-30`
	};
}

const QUARTER_ENDS: Record<Quarter, { yearOffset: number; monthDay: string }> = {
	1: { yearOffset: 0, monthDay: '09-30' },
	2: { yearOffset: 0, monthDay: '12-31' },
	3: { yearOffset: 1, monthDay: '03-31' },
	4: { yearOffset: 1, monthDay: '06-30' }
};

const QUARTER_STARTS: Record<Quarter, { yearOffset: number; monthDay: string }> = {
	1: { yearOffset: 0, monthDay: '07-01' },
	2: { yearOffset: 0, monthDay: '10-01' },
	3: { yearOffset: 1, monthDay: '01-01' },
	4: { yearOffset: 1, monthDay: '04-01' }
};

function quarterDate(
	table: Record<Quarter, { yearOffset: number; monthDay: string }>,
	label: string,
	quarter: Quarter
): string {
	const startYear = parseLabel(label);
	assertQuarter(quarter);
	const { yearOffset, monthDay } = table[quarter];
	return `${String(startYear + yearOffset).padStart(4, '0')}-${monthDay}`;
}

/** First day of a fiscal quarter: 2025/26 Q3 → '2026-01-01'. */
export function quarterStart(label: string, quarter: Quarter): string {
	return quarterDate(QUARTER_STARTS, label, quarter);
}

/** Last day of a fiscal quarter, the usual as-at date of releases: 2025/26 Q3 → '2026-03-31'. */
export function quarterEnd(label: string, quarter: Quarter): string {
	return quarterDate(QUARTER_ENDS, label, quarter);
}

/** 'Q3 2025/26'. */
export function quarterLabel(label: string, quarter: Quarter): string {
	parseLabel(label);
	assertQuarter(quarter);
	return `Q${quarter} ${label}`;
}
