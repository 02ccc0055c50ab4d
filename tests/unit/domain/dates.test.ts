import { describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	daysBetween,
	formatDate,
	formatDateTime,
	isIsoDate,
	todayInNairobi
} from '$lib/domain/dates';

describe('isIsoDate', () => {
	it.each(['2025-01-01', '2024-02-29', '2026-12-31', '2000-02-29', '1999-06-30'])(
		'accepts %s',
		(s) => {
			expect(isIsoDate(s)).toBe(true);
		}
	);

	it.each([
		'2025-02-30',
		'2025-13-01',
		'2025-00-10',
		'2025-01-00',
		'2025-04-31',
		'2025-02-29',
		'1900-02-29',
		'2025-1-01',
		'25-01-01',
		'2025/01/01',
		'2025-01-01T00:00:00Z',
		' 2025-01-01',
		'2025-01-01 ',
		''
	])('rejects %j', (s) => {
		expect(isIsoDate(s)).toBe(false);
	});

	it('rejects non-strings', () => {
		for (const x of [null, undefined, 20250101, new Date('2025-01-01'), {}]) {
			expect(isIsoDate(x)).toBe(false);
		}
	});
});

describe('todayInNairobi', () => {
	it('is already the next day in Nairobi late on a UTC evening (30 June → 1 July)', () => {
		expect(todayInNairobi(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01');
		expect(todayInNairobi(new Date('2026-06-30T20:59:59Z'))).toBe('2026-06-30');
		expect(todayInNairobi(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
	});

	it('crosses the calendar year three hours before UTC does', () => {
		expect(todayInNairobi(new Date('2025-12-31T20:59:00Z'))).toBe('2025-12-31');
		expect(todayInNairobi(new Date('2025-12-31T21:00:00Z'))).toBe('2026-01-01');
		expect(todayInNairobi(new Date('2026-01-01T00:30:00Z'))).toBe('2026-01-01');
	});

	it('is the same day in the Nairobi morning', () => {
		expect(todayInNairobi(new Date('2026-03-15T05:00:00Z'))).toBe('2026-03-15');
	});

	it('defaults to now and returns an ISO date', () => {
		expect(isIsoDate(todayInNairobi())).toBe(true);
	});

	it('throws on an invalid Date', () => {
		expect(() => todayInNairobi(new Date('nonsense'))).toThrow(RangeError);
	});
});

describe('addDays', () => {
	it('adds and subtracts across month, year and leap-day boundaries', () => {
		expect(addDays('2025-01-01', 60)).toBe('2025-03-02');
		expect(addDays('2024-01-01', 60)).toBe('2024-03-01');
		expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2025-06-15', 0)).toBe('2025-06-15');
		expect(addDays('2025-04-10', 365)).toBe('2026-04-10');
	});

	it('rejects invalid dates and fractional days', () => {
		expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
		expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
		expect(() => addDays('2025-01-01', Number.NaN)).toThrow(RangeError);
	});
});

describe('addMonths', () => {
	it('clamps to the end of a shorter month', () => {
		expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
		expect(addMonths('2025-05-31', -3)).toBe('2025-02-28');
	});

	it('crosses years in both directions', () => {
		expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
		expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
		expect(addMonths('2025-04-10', 24)).toBe('2027-04-10');
		expect(addMonths('2025-04-10', 0)).toBe('2025-04-10');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
	});

	it('rejects invalid input', () => {
		expect(() => addMonths('2025-13-01', 1)).toThrow(RangeError);
		expect(() => addMonths('2025-01-01', 0.5)).toThrow(RangeError);
	});
});

describe('daysBetween', () => {
	it('is `to` minus `from` in whole days', () => {
		expect(daysBetween('2025-01-01', '2025-01-31')).toBe(30);
		expect(daysBetween('2025-01-31', '2025-01-01')).toBe(-30);
		expect(daysBetween('2025-06-30', '2025-06-30')).toBe(0);
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
		expect(daysBetween('2025-07-01', '2026-07-01')).toBe(365);
	});

	it('round-trips with addDays', () => {
		for (const n of [-400, -1, 0, 1, 59, 60, 1000]) {
			expect(daysBetween('2025-04-15', addDays('2025-04-15', n))).toBe(n);
		}
	});

	it('rejects invalid dates', () => {
		expect(() => daysBetween('2025-02-30', '2025-03-01')).toThrow(RangeError);
		expect(() => daysBetween('2025-03-01', 'tomorrow')).toThrow(RangeError);
	});
});

describe('formatDate', () => {
	it('shows day, abbreviated month and year', () => {
		expect(formatDate('2026-03-31')).toBe('31 Mar 2026');
		expect(formatDate('2025-04-01')).toBe('1 Apr 2025');
		expect(formatDate('2025-12-31', 'en-KE')).toBe('31 Dec 2025');
	});

	it('uses the three-letter Sep whatever the ICU data says', () => {
		expect(formatDate('2026-09-05')).toBe('5 Sep 2026');
	});

	it('does not shift the date by a time zone', () => {
		expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
		expect(formatDate('2026-06-30')).toBe('30 Jun 2026');
	});

	it('uses Swahili month names for sw', () => {
		const expected = new Intl.DateTimeFormat('sw-KE', { month: 'short', timeZone: 'UTC' }).format(
			new Date(Date.UTC(2026, 2, 1))
		);
		expect(formatDate('2026-03-31', 'sw')).toBe(`31 ${expected} 2026`);
		expect(formatDate('2026-03-31', 'sw-KE')).toBe(`31 ${expected} 2026`);
		expect(formatDate('2026-03-31', 'sw')).toMatch(/^31 \S+ 2026$/);
	});

	it('returns an invalid stored value unchanged instead of throwing', () => {
		expect(formatDate('2025-02-30')).toBe('2025-02-30');
		expect(formatDate('')).toBe('');
	});
});

describe('formatDateTime', () => {
	it('shows the Nairobi wall-clock time', () => {
		expect(formatDateTime('2026-11-28T19:59:00Z')).toBe('28 Nov 2026, 22:59');
		expect(formatDateTime('2026-11-28T19:59:00.123Z')).toBe('28 Nov 2026, 22:59');
	});

	it('moves to the next day when Nairobi has passed midnight', () => {
		expect(formatDateTime('2025-12-31T21:05:00Z')).toBe('1 Jan 2026, 00:05');
	});

	it('reads timestamps without a zone (as SQLite stores them) as UTC', () => {
		expect(formatDateTime('2026-11-28 19:59:00')).toBe('28 Nov 2026, 22:59');
		expect(formatDateTime('2026-11-28T19:59')).toBe('28 Nov 2026, 22:59');
	});

	it('honours an explicit offset', () => {
		expect(formatDateTime('2026-11-28T22:59:00+03:00')).toBe('28 Nov 2026, 22:59');
	});

	it('uses a 24-hour clock with leading zeros', () => {
		expect(formatDateTime('2026-03-01T06:07:00Z')).toBe('1 Mar 2026, 09:07');
		expect(formatDateTime('2026-03-01T12:00:00Z')).toBe('1 Mar 2026, 15:00');
	});

	it('supports Swahili', () => {
		expect(formatDateTime('2026-11-28T19:59:00Z', 'sw')).toMatch(/^28 \S+ 2026, 22:59$/);
	});

	it('returns an unparseable value unchanged', () => {
		expect(formatDateTime('not a time')).toBe('not a time');
	});
});
