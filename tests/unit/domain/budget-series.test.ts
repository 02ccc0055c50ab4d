import { describe, expect, it } from 'vitest';
import { quarterlySeries } from '../../../src/lib/domain/budget-series';

describe('quarterlySeries', () => {
	const figures = [
		{ phase: 'approved' as const, amountKes: 1_000, asOf: '2025-06-20' },
		{ phase: 'released' as const, amountKes: 200, asOf: '2025-09-30' },
		{ phase: 'released' as const, amountKes: 450, asOf: '2025-12-31' },
		{ phase: 'spent' as const, amountKes: 300, asOf: '2025-12-31' },
		// A figure of the previous fiscal year must not leak into this one.
		{ phase: 'released' as const, amountKes: 999, asOf: '2025-06-30' }
	];

	it('gives the latest cumulative figure to each quarter end', () => {
		const series = quarterlySeries('2025/26', figures);
		expect(series.map((p) => p.end)).toEqual([
			'2025-09-30',
			'2025-12-31',
			'2026-03-31',
			'2026-06-30'
		]);
		expect(series[0]).toMatchObject({ released: 200, spent: null });
		expect(series[1]).toMatchObject({ released: 450, spent: 300 });
	});

	it('leaves quarters after the last report unknown rather than flat', () => {
		const series = quarterlySeries('2025/26', figures);
		expect(series[2]).toMatchObject({ released: null, spent: null });
		expect(series[3]).toMatchObject({ released: null, spent: null });
	});

	it('is all unknown with no releases or spending reported', () => {
		const series = quarterlySeries('2025/26', [figures[0]!]);
		expect(series.every((p) => p.released === null && p.spent === null)).toBe(true);
	});

	it('counts a report dated inside a quarter for that quarter end', () => {
		const series = quarterlySeries('2025/26', [
			{ phase: 'released', amountKes: 70, asOf: '2026-02-15' }
		]);
		expect(series.map((p) => p.released)).toEqual([null, null, 70, null]);
	});
});
