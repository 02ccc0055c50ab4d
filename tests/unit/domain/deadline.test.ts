import { describe, expect, it } from 'vitest';
import { applyDeadlineRule } from '$lib/domain/deadline';

describe('applyDeadlineRule', () => {
	it('adds days (Standing Order 201: report within 60 days)', () => {
		expect(applyDeadlineRule('2025-04-10', { unit: 'days', amount: 60 })).toBe('2025-06-09');
		expect(applyDeadlineRule('2025-12-15', { unit: 'days', amount: 30 })).toBe('2026-01-14');
	});

	it('adds calendar months, clamping at month end', () => {
		expect(applyDeadlineRule('2025-04-10', { unit: 'months', amount: 3 })).toBe('2025-07-10');
		expect(applyDeadlineRule('2025-08-31', { unit: 'months', amount: 6 })).toBe('2026-02-28');
		expect(applyDeadlineRule('2023-08-31', { unit: 'months', amount: 6 })).toBe('2024-02-29');
	});

	it('rejects amounts that are not positive whole numbers', () => {
		expect(() => applyDeadlineRule('2025-04-10', { unit: 'days', amount: 0 })).toThrow(RangeError);
		expect(() => applyDeadlineRule('2025-04-10', { unit: 'days', amount: -5 })).toThrow(RangeError);
		expect(() => applyDeadlineRule('2025-04-10', { unit: 'months', amount: 1.5 })).toThrow(
			RangeError
		);
	});

	it('rejects unknown units and invalid dates', () => {
		expect(() => applyDeadlineRule('2025-04-10', { unit: 'weeks' as 'days', amount: 2 })).toThrow(
			/unit/
		);
		expect(() => applyDeadlineRule('2025-02-30', { unit: 'days', amount: 2 })).toThrow(RangeError);
	});
});
