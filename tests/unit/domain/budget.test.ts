import { describe, expect, it } from 'vitest';
import {
	attributeShare,
	deriveFundingStatus,
	summariseLine,
	sumPercentShares,
	sumSummaries,
	supplementaryChange,
	type FigureInput,
	type LineSummary
} from '$lib/domain/budget';
import type { BudgetPhase } from '$lib/domain/status';

function fig(phase: BudgetPhase, amountKes: number, asOf: string): FigureInput {
	return { phase, amountKes, asOf };
}

/** A line with the given figures, all dated in FY2025/26 unless stated. */
function line(figures: Partial<Record<BudgetPhase, number>>, asOf = '2026-03-31'): LineSummary {
	return summariseLine(
		Object.entries(figures).map(([phase, amount]) => fig(phase as BudgetPhase, amount, asOf))
	);
}

describe('summariseLine', () => {
	it('is empty and all-null without figures', () => {
		const s = summariseLine([]);
		expect(s).toEqual({
			requested: null,
			ceiling: null,
			approved: null,
			supplementary1: null,
			supplementary2: null,
			released: null,
			spent: null,
			currentAllocation: null,
			fundingGap: null,
			releaseRate: null,
			absorptionRate: null,
			useOfReleases: null,
			asOf: null
		});
	});

	it('derives the money chain for a full line', () => {
		const s = summariseLine([
			fig('requested', 59_002_900_000, '2025-02-15'),
			fig('ceiling', 37_508_800_000, '2025-02-28'),
			fig('approved', 40_000_000_000, '2025-06-30'),
			fig('released', 10_000_000_000, '2025-09-30'),
			fig('spent', 8_000_000_000, '2025-09-30')
		]);
		expect(s.currentAllocation).toEqual({
			phase: 'approved',
			amountKes: 40_000_000_000,
			asOf: '2025-06-30'
		});
		expect(s.fundingGap).toBe(19_002_900_000);
		expect(s.releaseRate).toBe(0.25);
		expect(s.absorptionRate).toBe(0.2);
		expect(s.useOfReleases).toBe(0.8);
		expect(s.asOf).toBe('2025-09-30');
	});

	it('takes the latest figure of each phase, whatever the input order', () => {
		const figures = [
			fig('released', 30_000_000, '2025-12-31'),
			fig('released', 10_000_000, '2025-09-30'),
			fig('released', 45_000_000, '2026-03-31'),
			fig('approved', 100_000_000, '2025-06-30')
		];
		expect(summariseLine(figures).released).toEqual({ amountKes: 45_000_000, asOf: '2026-03-31' });
		expect(summariseLine([...figures].reverse()).released).toEqual({
			amountKes: 45_000_000,
			asOf: '2026-03-31'
		});
		expect(summariseLine(figures).releaseRate).toBe(0.45);
	});

	it('lets the later input win on equal dates', () => {
		const s = summariseLine([fig('spent', 1, '2026-03-31'), fig('spent', 2, '2026-03-31')]);
		expect(s.spent?.amountKes).toBe(2);
	});

	it('uses supplementary II over supplementary I over approved, by phase not date', () => {
		const s = summariseLine([
			fig('approved', 1_000, '2025-06-30'),
			fig('supplementary_1', 1_200, '2026-02-01'),
			fig('supplementary_2', 900, '2025-11-01')
		]);
		expect(s.currentAllocation).toEqual({
			phase: 'supplementary_2',
			amountKes: 900,
			asOf: '2025-11-01'
		});
		expect(line({ approved: 1_000, supplementary_1: 1_200 }).currentAllocation?.phase).toBe(
			'supplementary_1'
		);
	});

	it('falls back to the ceiling only when nothing was approved', () => {
		expect(line({ ceiling: 616_000_000 }).currentAllocation).toEqual({
			phase: 'ceiling',
			amountKes: 616_000_000,
			asOf: '2026-03-31'
		});
		expect(line({ ceiling: 616_000_000, approved: 500_000_000 }).currentAllocation?.phase).toBe(
			'approved'
		);
		expect(line({ requested: 5 }).currentAllocation).toBeNull();
	});

	it('gives a negative funding gap when more was allocated than requested', () => {
		expect(line({ requested: 100, approved: 150 }).fundingGap).toBe(-50);
	});

	it('gives null gap and rates when the needed figures are missing', () => {
		const noRequest = line({ approved: 100, released: 50 });
		expect(noRequest.fundingGap).toBeNull();
		expect(noRequest.releaseRate).toBe(0.5);
		expect(noRequest.absorptionRate).toBeNull();
		expect(noRequest.useOfReleases).toBeNull();

		const noAllocation = line({ requested: 100, released: 50, spent: 25 });
		expect(noAllocation.fundingGap).toBeNull();
		expect(noAllocation.releaseRate).toBeNull();
		expect(noAllocation.absorptionRate).toBeNull();
		expect(noAllocation.useOfReleases).toBe(0.5);
	});

	it('gives null (never NaN or Infinity) rates for a zero allocation or zero releases', () => {
		const s = line({ requested: 2_100_000_000, approved: 0, released: 0, spent: 0 });
		expect(s.fundingGap).toBe(2_100_000_000);
		expect(s.releaseRate).toBeNull();
		expect(s.absorptionRate).toBeNull();
		expect(s.useOfReleases).toBeNull();
		const spentWithoutRelease = line({ approved: 100, released: 0, spent: 10 });
		expect(spentWithoutRelease.useOfReleases).toBeNull();
		expect(spentWithoutRelease.absorptionRate).toBe(0.1);
	});

	it('reports the latest date among the figures used', () => {
		const s = summariseLine([
			fig('approved', 100, '2025-06-30'),
			fig('released', 10, '2025-09-30'),
			fig('released', 20, '2025-12-31'),
			fig('requested', 200, '2025-02-01')
		]);
		expect(s.asOf).toBe('2025-12-31');
	});
});

describe('supplementaryChange', () => {
	it('is negative when a supplementary cut the line', () => {
		expect(supplementaryChange(line({ approved: 1_000, supplementary_1: 800 }))).toBe(-200);
	});

	it('is positive when a supplementary added money (FY2024/25 Supp. II added 9.21 bn)', () => {
		expect(
			supplementaryChange(line({ approved: 30_000_000_000, supplementary_2: 39_210_000_000 }))
		).toBe(9_210_000_000);
	});

	it('is 0 when the approved figure stands, null when there is no approved figure', () => {
		expect(supplementaryChange(line({ approved: 1_000 }))).toBe(0);
		expect(supplementaryChange(line({ ceiling: 1_000, supplementary_1: 900 }))).toBeNull();
		expect(supplementaryChange(line({ ceiling: 1_000 }))).toBeNull();
		expect(supplementaryChange(summariseLine([]))).toBeNull();
	});
});

describe('attributeShare', () => {
	const full = line({
		requested: 2_000_000_000,
		approved: 1_000_000_000,
		released: 500_000_000,
		spent: 250_000_000
	});

	it('scales every amount by a percent share and keeps rates and dates', () => {
		const s = attributeShare(full, { kind: 'percent', basisPoints: 2_500 });
		expect(s.requested?.amountKes).toBe(500_000_000);
		expect(s.approved?.amountKes).toBe(250_000_000);
		expect(s.currentAllocation).toEqual({
			phase: 'approved',
			amountKes: 250_000_000,
			asOf: '2026-03-31'
		});
		expect(s.released?.amountKes).toBe(125_000_000);
		expect(s.spent?.amountKes).toBe(62_500_000);
		expect(s.fundingGap).toBe(250_000_000);
		expect(s.releaseRate).toBe(full.releaseRate);
		expect(s.absorptionRate).toBe(full.absorptionRate);
		expect(s.useOfReleases).toBe(full.useOfReleases);
		expect(s.asOf).toBe(full.asOf);
		expect(s.ceiling).toBeNull();
	});

	it('rounds to whole shillings, half up', () => {
		const s = attributeShare(line({ approved: 3, released: 1 }), {
			kind: 'percent',
			basisPoints: 5_000
		});
		expect(s.approved?.amountKes).toBe(2);
		expect(s.released?.amountKes).toBe(1);
		const odd = attributeShare(line({ approved: 1_000_001 }), {
			kind: 'percent',
			basisPoints: 3_333
		});
		expect(odd.approved?.amountKes).toBe(333_300);
	});

	it('stays exact for amounts where floats would drift', () => {
		// 4,357,191,176,911 × 0.4618 = 2,012,150,885,497.4998: floating point rounds it up to …498.
		const big = line({ approved: 4_357_191_176_911 });
		const s = attributeShare(big, { kind: 'percent', basisPoints: 4_618 });
		expect(s.approved?.amountKes).toBe(2_012_150_885_497);
	});

	it('rounds exactly half up on both sides of the float-safe range', () => {
		// The fast path (plain floats) covers 2·amount·bp + 10,000 ≤ 2^53 − 1; beyond it BigInt.
		// Deterministic pseudo-random amounts from a few shillings to about 10^13.
		let seed = 7;
		const next = () => (seed = (seed * 48_271) % 2_147_483_647);
		for (let i = 0; i < 2_000; i++) {
			const amount = Math.floor((next() / 2_147_483_647) * 10 ** (1 + (i % 13)));
			const bp = 1 + (next() % 10_000);
			const exact = Number((2n * BigInt(amount) * BigInt(bp) + 10_000n) / 20_000n);
			const s = attributeShare(line({ approved: amount }), { kind: 'percent', basisPoints: bp });
			expect(s.approved?.amountKes, `${amount} × ${bp} bp`).toBe(exact);
		}
		// Straddling 2^53: the largest amount the fast path takes at 10,000 bp, and the next.
		for (const amount of [450_359_962_736, 450_359_962_737]) {
			const exact = Number((2n * BigInt(amount) * 9_999n + 10_000n) / 20_000n);
			const s = attributeShare(line({ approved: amount }), { kind: 'percent', basisPoints: 9_999 });
			expect(s.approved?.amountKes).toBe(exact);
		}
	});

	it('returns the whole line for 100%', () => {
		expect(attributeShare(full, { kind: 'percent', basisPoints: 10_000 })).toEqual(full);
	});

	it('scales by amount / current allocation for a fixed amount', () => {
		const s = attributeShare(full, { kind: 'amount', amountKes: 100_000_000 });
		expect(s.currentAllocation?.amountKes).toBe(100_000_000);
		expect(s.requested?.amountKes).toBe(200_000_000);
		expect(s.released?.amountKes).toBe(50_000_000);
		expect(s.spent?.amountKes).toBe(25_000_000);
		expect(s.releaseRate).toBe(0.5);
	});

	it('caps a fixed amount at the whole line', () => {
		expect(attributeShare(full, { kind: 'amount', amountKes: 5_000_000_000 })).toEqual(full);
	});

	it('without an allocation, only caps the request at the fixed amount', () => {
		const unfunded = line({ requested: 2_500_000_000 });
		const s = attributeShare(unfunded, { kind: 'amount', amountKes: 616_000_000 });
		expect(s.requested?.amountKes).toBe(616_000_000);
		expect(s.currentAllocation).toBeNull();
		expect(s.fundingGap).toBeNull();
		const small = attributeShare(line({ requested: 100 }), { kind: 'amount', amountKes: 500 });
		expect(small.requested?.amountKes).toBe(100);
	});

	it('with a zero allocation, leaves amounts unscaled and rates null', () => {
		const zero = line({ requested: 1_000, approved: 0, released: 0 });
		const s = attributeShare(zero, { kind: 'amount', amountKes: 400 });
		expect(s.requested?.amountKes).toBe(400);
		expect(s.approved?.amountKes).toBe(0);
		expect(s.fundingGap).toBe(400);
		expect(s.releaseRate).toBeNull();
	});

	it('does not modify its input', () => {
		const before = structuredClone(full);
		attributeShare(full, { kind: 'percent', basisPoints: 1 });
		attributeShare(line({ requested: 10 }), { kind: 'amount', amountKes: 1 });
		expect(full).toEqual(before);
	});

	it('rejects impossible shares', () => {
		expect(() => attributeShare(full, { kind: 'percent', basisPoints: 0 })).toThrow(RangeError);
		expect(() => attributeShare(full, { kind: 'percent', basisPoints: 10_001 })).toThrow(
			RangeError
		);
		expect(() => attributeShare(full, { kind: 'percent', basisPoints: 12.5 })).toThrow(RangeError);
		expect(() => attributeShare(full, { kind: 'amount', amountKes: 0 })).toThrow(RangeError);
		expect(() => attributeShare(full, { kind: 'amount', amountKes: -1 })).toThrow(RangeError);
	});
});

describe('sumSummaries', () => {
	it('adds the money chain across lines, missing phases counting 0', () => {
		const totals = sumSummaries([
			summariseLine([
				fig('requested', 1_000, '2025-02-01'),
				fig('approved', 600, '2025-06-30'),
				fig('released', 300, '2025-12-31'),
				fig('spent', 100, '2025-12-31')
			]),
			summariseLine([fig('ceiling', 400, '2025-02-28'), fig('released', 100, '2026-03-31')]),
			summariseLine([fig('requested', 500, '2025-02-01')])
		]);
		expect(totals).toEqual({
			requested: 1_500,
			allocated: 1_000,
			released: 400,
			spent: 100,
			gap: 500,
			asOf: '2026-03-31'
		});
	});

	it('has a null gap when nothing was requested', () => {
		expect(sumSummaries([line({ approved: 100 })]).gap).toBeNull();
		expect(sumSummaries([])).toEqual({
			requested: 0,
			allocated: 0,
			released: 0,
			spent: 0,
			gap: null,
			asOf: null
		});
	});

	it('allows a negative gap', () => {
		expect(sumSummaries([line({ requested: 100, approved: 130 })]).gap).toBe(-30);
	});
});

describe('deriveFundingStatus', () => {
	it('is no_line_identified without lines', () => {
		expect(deriveFundingStatus([])).toBe('no_line_identified');
	});

	it('is requested when a line has no allocation yet', () => {
		expect(deriveFundingStatus([line({ requested: 2_100_000_000 })])).toBe('requested');
		expect(deriveFundingStatus([summariseLine([])])).toBe('requested');
	});

	it('is allocated once a ceiling or approved figure exists', () => {
		expect(deriveFundingStatus([line({ requested: 10, ceiling: 616_000_000 })])).toBe('allocated');
		expect(deriveFundingStatus([line({ approved: 100 })])).toBe('allocated');
	});

	it('is adjusted when a supplementary differs from the approved figure', () => {
		expect(deriveFundingStatus([line({ approved: 100, supplementary_1: 80 })])).toBe('adjusted');
		expect(deriveFundingStatus([line({ approved: 100, supplementary_2: 130 })])).toBe('adjusted');
		expect(deriveFundingStatus([line({ ceiling: 100, supplementary_1: 80 })])).toBe('adjusted');
	});

	it('is not adjusted when the supplementary repeats the approved figure', () => {
		expect(deriveFundingStatus([line({ approved: 100, supplementary_1: 100 })])).toBe('allocated');
	});

	it('is adjusted when a supplementary cut the line to zero', () => {
		expect(deriveFundingStatus([line({ approved: 100, supplementary_1: 0 })])).toBe('adjusted');
	});

	it('treats an unchanged zero allocation as no money given', () => {
		expect(deriveFundingStatus([line({ approved: 0 })])).toBe('requested');
	});

	it('is partly_released while releases are below the allocation', () => {
		expect(deriveFundingStatus([line({ approved: 100, released: 1 })])).toBe('partly_released');
		expect(deriveFundingStatus([line({ approved: 100, released: 99, spent: 99 })])).toBe(
			'partly_released'
		);
	});

	it('is released when releases reach the allocation, spent once spending follows', () => {
		expect(deriveFundingStatus([line({ approved: 100, released: 100 })])).toBe('released');
		expect(deriveFundingStatus([line({ approved: 100, released: 120, spent: 0 })])).toBe(
			'released'
		);
		expect(deriveFundingStatus([line({ approved: 100, released: 100, spent: 1 })])).toBe('spent');
	});

	it('compares releases with the current (supplementary) allocation', () => {
		expect(deriveFundingStatus([line({ approved: 100, supplementary_1: 80, released: 80 })])).toBe(
			'released'
		);
		expect(
			deriveFundingStatus([line({ approved: 100, supplementary_1: 120, released: 100 })])
		).toBe('partly_released');
	});

	it('treats spending without reported releases as partly released', () => {
		expect(deriveFundingStatus([line({ approved: 100, spent: 5 })])).toBe('partly_released');
		expect(deriveFundingStatus([line({ approved: 100, released: 0, spent: 5 })])).toBe(
			'partly_released'
		);
	});

	it('takes the least advanced line across several lines', () => {
		const spent = line({ approved: 100, released: 100, spent: 50 });
		const partly = line({ approved: 100, released: 10 });
		const requested = line({ requested: 100 });
		expect(deriveFundingStatus([spent, partly])).toBe('partly_released');
		expect(deriveFundingStatus([partly, spent])).toBe('partly_released');
		expect(deriveFundingStatus([spent, partly, requested])).toBe('requested');
		expect(deriveFundingStatus([spent, spent])).toBe('spent');
	});

	it('follows the share attributed to the commitment', () => {
		const l = line({ approved: 1_000, released: 500 });
		expect(deriveFundingStatus([attributeShare(l, { kind: 'percent', basisPoints: 5_000 })])).toBe(
			'partly_released'
		);
		expect(deriveFundingStatus([attributeShare(l, { kind: 'amount', amountKes: 200 })])).toBe(
			'partly_released'
		);
	});
});

describe('sumPercentShares', () => {
	it('gives exactly the totals of attributeShare per line then sumSummaries', () => {
		// A small deterministic generator: odd amounts, missing phases, huge amounts, all shares.
		let seed = 7;
		const next = (n: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
			return seed % n;
		};
		const phases: BudgetPhase[] = [
			'requested',
			'ceiling',
			'approved',
			'supplementary_1',
			'supplementary_2',
			'released',
			'spent'
		];
		const parts = [];
		for (let i = 0; i < 500; i++) {
			const figures: FigureInput[] = [];
			for (const phase of phases) {
				if (next(3) === 0) continue;
				const big = next(10) === 0 ? 999_999_999_999 : 0;
				figures.push({
					phase,
					amountKes: big + next(50_000_000) * 7 + 1,
					asOf: `2025-0${1 + next(9)}-1${next(10)}`
				});
			}
			const basisPoints = next(4) === 0 ? 10_000 : 1 + next(10_000);
			parts.push({ line: summariseLine(figures), basisPoints });
		}
		const slow = sumSummaries(
			parts.map((p) => attributeShare(p.line, { kind: 'percent', basisPoints: p.basisPoints }))
		);
		expect(sumPercentShares(parts)).toEqual(slow);
		expect(sumPercentShares([])).toEqual(sumSummaries([]));
	});
});
