import { describe, expect, it } from 'vitest';
import { niceTicks, percentOf } from '../../src/lib/charts/scale';

describe('niceTicks', () => {
	it('steps by round numbers from zero to just above the largest value', () => {
		expect(niceTicks(666_000_000)).toEqual([0, 200e6, 400e6, 600e6, 800e6]);
		expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
		expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
		expect(niceTicks(37_508_800_000)).toEqual([0, 10e9, 20e9, 30e9, 40e9]);
	});
	it('keeps a usable axis when there is nothing to draw', () => {
		expect(niceTicks(0)).toEqual([0, 1]);
		expect(niceTicks(Number.NaN)).toEqual([0, 1]);
	});
});

describe('percentOf', () => {
	it('places a value on the axis, never past its ends', () => {
		expect(percentOf(50, 200)).toBe(25);
		expect(percentOf(300, 200)).toBe(100);
		expect(percentOf(-5, 200)).toBe(0);
		expect(percentOf(5, 0)).toBe(0);
	});
});
