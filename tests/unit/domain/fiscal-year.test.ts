import { describe, expect, it } from 'vitest';
import {
	fiscalQuarterOf,
	fiscalYearOf,
	fiscalYearRange,
	isFiscalYearLabel,
	quarterEnd,
	quarterLabel,
	quarterStart,
	type Quarter
} from '$lib/domain/fiscal-year';

describe('fiscalYearOf', () => {
	it('switches year between 30 June and 1 July', () => {
		expect(fiscalYearOf('2025-06-30')).toBe('2024/25');
		expect(fiscalYearOf('2025-07-01')).toBe('2025/26');
	});

	it('keeps January to June in the fiscal year that started the previous July', () => {
		expect(fiscalYearOf('2026-01-01')).toBe('2025/26');
		expect(fiscalYearOf('2025-12-31')).toBe('2025/26');
	});

	it('pads the two-digit end year across a century', () => {
		expect(fiscalYearOf('2000-01-01')).toBe('1999/00');
		expect(fiscalYearOf('2009-07-01')).toBe('2009/10');
		expect(fiscalYearOf('2008-07-01')).toBe('2008/09');
	});

	it('throws on an invalid date', () => {
		expect(() => fiscalYearOf('2025-02-30')).toThrow(RangeError);
		expect(() => fiscalYearOf('2025')).toThrow(RangeError);
	});
});

describe('fiscalQuarterOf', () => {
	it.each([
		['2025-07-01', '2025/26', 1],
		['2025-09-30', '2025/26', 1],
		['2025-10-01', '2025/26', 2],
		['2025-12-31', '2025/26', 2],
		['2026-01-01', '2025/26', 3],
		['2026-03-31', '2025/26', 3],
		['2026-04-01', '2025/26', 4],
		['2026-06-30', '2025/26', 4],
		['2026-07-01', '2026/27', 1]
	])('%s is in %s Q%i', (iso, fiscalYear, quarter) => {
		expect(fiscalQuarterOf(iso)).toEqual({ fiscalYear, quarter });
	});

	it('covers every month exactly once with quarters in fiscal order', () => {
		const quarters = ['07', '08', '09', '10', '11', '12', '01', '02', '03', '04', '05', '06'].map(
			(m) => fiscalQuarterOf(`${m >= '07' ? 2025 : 2026}-${m}-15`).quarter
		);
		expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
	});
});

describe('isFiscalYearLabel', () => {
	it.each(['2025/26', '1999/00', '2009/10', '2024/25'])('accepts %s', (s) => {
		expect(isFiscalYearLabel(s)).toBe(true);
	});

	it.each([
		'2025/27',
		'2025/25',
		'2025-26',
		'2025/2026',
		'25/26',
		'2025/6',
		'',
		' 2025/26',
		'1999/100'
	])('rejects %j', (s) => {
		expect(isFiscalYearLabel(s)).toBe(false);
	});

	it('rejects non-strings', () => {
		expect(isFiscalYearLabel(2025)).toBe(false);
		expect(isFiscalYearLabel(null)).toBe(false);
	});
});

describe('fiscalYearRange', () => {
	it('runs 1 July to 30 June', () => {
		expect(fiscalYearRange('2025/26')).toEqual({ start: '2025-07-01', end: '2026-06-30' });
		expect(fiscalYearRange('1999/00')).toEqual({ start: '1999-07-01', end: '2000-06-30' });
	});

	it('agrees with fiscalYearOf at both ends', () => {
		const { start, end } = fiscalYearRange('2024/25');
		expect(fiscalYearOf(start)).toBe('2024/25');
		expect(fiscalYearOf(end)).toBe('2024/25');
	});

	it('throws on an invalid label', () => {
		expect(() => fiscalYearRange('2025/27')).toThrow(RangeError);
		expect(() => fiscalYearRange('FY2025')).toThrow(/2025\/26/);
	});
});

describe('quarters', () => {
	it('gives quarter ends, Q3 and Q4 falling in the second calendar year', () => {
		expect(quarterEnd('2025/26', 1)).toBe('2025-09-30');
		expect(quarterEnd('2025/26', 2)).toBe('2025-12-31');
		expect(quarterEnd('2025/26', 3)).toBe('2026-03-31');
		expect(quarterEnd('2025/26', 4)).toBe('2026-06-30');
	});

	it('gives quarter starts', () => {
		expect(quarterStart('2025/26', 1)).toBe('2025-07-01');
		expect(quarterStart('2025/26', 3)).toBe('2026-01-01');
	});

	it('places each quarter end in its own quarter', () => {
		for (const q of [1, 2, 3, 4] as const) {
			expect(fiscalQuarterOf(quarterEnd('2030/31', q))).toEqual({
				fiscalYear: '2030/31',
				quarter: q
			});
			expect(fiscalQuarterOf(quarterStart('2030/31', q))).toEqual({
				fiscalYear: '2030/31',
				quarter: q
			});
		}
	});

	it('labels quarters', () => {
		expect(quarterLabel('2025/26', 3)).toBe('Q3 2025/26');
		expect(quarterLabel('1999/00', 1)).toBe('Q1 1999/00');
	});

	it('throws on a bad quarter or label', () => {
		expect(() => quarterEnd('2025/26', 5 as Quarter)).toThrow(RangeError);
		expect(() => quarterEnd('2025/26', 0 as Quarter)).toThrow(RangeError);
		expect(() => quarterLabel('2025/27', 1)).toThrow(RangeError);
		expect(() => quarterLabel('2025/26', 2.5 as Quarter)).toThrow(RangeError);
	});
});
