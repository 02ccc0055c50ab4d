import { describe, expect, it } from 'vitest';
import { formatKes, formatKesFull, formatPercent, parseKesAmount } from '$lib/domain/money';

describe('formatKes', () => {
	it.each([
		[2_100_000_000, 'KES 2.1 bn'],
		[2_000_000_000, 'KES 2 bn'],
		[37_508_800_000, 'KES 37.5 bn'],
		[125_300_000_000, 'KES 125.3 bn'],
		[59_002_900_000, 'KES 59 bn'],
		[1_000_000_000, 'KES 1 bn'],
		[2_050_000_000, 'KES 2.1 bn'],
		[2_049_999_999, 'KES 2 bn'],
		[4_000_000_000_000, 'KES 4,000 bn'],
		[666_000_000, 'KES 666 m'],
		[616_000_000, 'KES 616 m'],
		[100_000_000, 'KES 100 m'],
		[666_600_000, 'KES 667 m'],
		[60_000_000, 'KES 60 m'],
		[5_100_000, 'KES 5.1 m'],
		[5_000_000, 'KES 5 m'],
		[99_940_000, 'KES 99.9 m'],
		[1_000_000, 'KES 1 m'],
		[999_999, 'KES 999,999'],
		[5_000, 'KES 5,000'],
		[999, 'KES 999'],
		[0, 'KES 0']
	])('%i → %s', (amount, expected) => {
		expect(formatKes(amount)).toBe(expected);
	});

	it('moves up a unit when rounding reaches it', () => {
		expect(formatKes(999_600_000)).toBe('KES 1 bn');
		expect(formatKes(99_960_000)).toBe('KES 100 m');
		expect(formatKes(999_999.6)).toBe('KES 1 m');
	});

	it('puts the minus sign before KES', () => {
		expect(formatKes(-1_200_000_000)).toBe('-KES 1.2 bn');
		expect(formatKes(-666_000_000)).toBe('-KES 666 m');
		expect(formatKes(-5_000)).toBe('-KES 5,000');
		expect(formatKes(-0)).toBe('KES 0');
		expect(formatKes(-0.4)).toBe('KES 0');
	});

	it('throws on NaN and Infinity rather than printing them', () => {
		expect(() => formatKes(Number.NaN)).toThrow(RangeError);
		expect(() => formatKes(Number.POSITIVE_INFINITY)).toThrow(RangeError);
	});
});

describe('formatKesFull', () => {
	it('shows every shilling with separators', () => {
		expect(formatKesFull(37_508_800_000)).toBe('KES 37,508,800,000');
		expect(formatKesFull(666_000_000)).toBe('KES 666,000,000');
		expect(formatKesFull(5_000)).toBe('KES 5,000');
		expect(formatKesFull(999)).toBe('KES 999');
		expect(formatKesFull(0)).toBe('KES 0');
		expect(formatKesFull(Number.MAX_SAFE_INTEGER)).toBe('KES 9,007,199,254,740,991');
	});

	it('handles negatives and rounds stray fractions to whole shillings', () => {
		expect(formatKesFull(-16_433_850_000)).toBe('-KES 16,433,850,000');
		expect(formatKesFull(1234.5)).toBe('KES 1,235');
	});
});

describe('parseKesAmount', () => {
	it.each([
		['616000000', 616_000_000],
		['616,000,000', 616_000_000],
		['616 000 000', 616_000_000],
		['616_000_000', 616_000_000],
		['KES 616,000,000', 616_000_000],
		['kes616000000', 616_000_000],
		['KSh 5,000', 5_000],
		['  5000  ', 5_000],
		['5000.00', 5_000],
		['5,000.0', 5_000],
		['0', 0],
		['007', 7],
		['9007199254740991', Number.MAX_SAFE_INTEGER]
	])('reads %j as %i', (input, value) => {
		expect(parseKesAmount(input)).toEqual({ ok: true, value });
	});

	it.each([
		'',
		'   ',
		'KES',
		'12.50',
		'12.5',
		'12.005',
		'abc',
		'1e9',
		'2.1 bn',
		'0x10',
		'+5',
		'5,',
		',5',
		'5,,000',
		'1.000.000',
		'Infinity',
		'NaN'
	])('rejects %j with a plain-English message', (input) => {
		const result = parseKesAmount(input);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.error).toMatch(/^[A-Z].*\S$/);
	});

	it('rejects negatives', () => {
		const result = parseKesAmount('-5000');
		expect(result).toEqual({ ok: false, error: expect.stringMatching(/negative/i) });
		expect(parseKesAmount('KES -5000').ok).toBe(false);
	});

	it('rejects values above the safe integer range', () => {
		expect(parseKesAmount('9007199254740992')).toEqual({
			ok: false,
			error: expect.stringMatching(/too large/)
		});
		expect(parseKesAmount('99999999999999999999').ok).toBe(false);
	});

	it('points to an example when the input is not a whole number', () => {
		expect(parseKesAmount('12.50')).toEqual({
			ok: false,
			error: expect.stringContaining('Enter a whole number of shillings, for example 616000000')
		});
		expect(parseKesAmount('abc')).toEqual({
			ok: false,
			error: 'Enter a whole number of shillings, for example 616000000'
		});
	});
});

describe('formatPercent', () => {
	it('formats ratios as percentages', () => {
		expect(formatPercent(0.25)).toBe('25%');
		expect(formatPercent(0)).toBe('0%');
		expect(formatPercent(1)).toBe('100%');
		expect(formatPercent(1.5)).toBe('150%');
		expect(formatPercent(0.6543, 1)).toBe('65.4%');
		expect(formatPercent(0.125)).toBe('13%');
	});

	it('says "not available" for null and non-finite values', () => {
		expect(formatPercent(null)).toBe('not available');
		expect(formatPercent(Number.NaN)).toBe('not available');
		expect(formatPercent(Number.POSITIVE_INFINITY)).toBe('not available');
	});

	it('shows negative ratios but never "-0%"', () => {
		expect(formatPercent(-0.1)).toBe('-10%');
		expect(formatPercent(-0.001)).toBe('0%');
		expect(formatPercent(-0.0001, 1)).toBe('0.0%');
	});
});
