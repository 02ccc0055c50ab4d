import { describe, expect, it } from 'vitest';
import { deliveryProgress, milestoneCounts } from '$lib/domain/progress';

describe('deliveryProgress', () => {
	it('is unknown (null), not 0, without milestones', () => {
		expect(deliveryProgress([])).toBeNull();
	});

	it('is 0 when milestones exist but none is met', () => {
		expect(
			deliveryProgress([
				{ weight: 1, status: 'planned' },
				{ weight: 2, status: 'missed' }
			])
		).toBe(0);
	});

	it('is the met weight over the total weight', () => {
		expect(
			deliveryProgress([
				{ weight: 1, status: 'met' },
				{ weight: 3, status: 'planned' }
			])
		).toBe(0.25);
		expect(deliveryProgress([{ weight: 5, status: 'met' }])).toBe(1);
	});

	it('counts partly met as half its weight', () => {
		expect(
			deliveryProgress([
				{ weight: 2, status: 'partly_met' },
				{ weight: 2, status: 'planned' }
			])
		).toBe(0.25);
		expect(
			deliveryProgress([
				{ weight: 1, status: 'met' },
				{ weight: 1, status: 'partly_met' }
			])
		).toBe(0.75);
	});

	it('counts missed milestones in the total only', () => {
		expect(
			deliveryProgress([
				{ weight: 1, status: 'met' },
				{ weight: 1, status: 'missed' }
			])
		).toBe(0.5);
	});

	it('is null when the total weight is 0 and ignores unusable weights', () => {
		expect(deliveryProgress([{ weight: 0, status: 'met' }])).toBeNull();
		expect(
			deliveryProgress([
				{ weight: -3, status: 'planned' },
				{ weight: Number.NaN, status: 'planned' },
				{ weight: 1, status: 'met' }
			])
		).toBe(1);
	});
});

describe('milestoneCounts', () => {
	it('counts each status', () => {
		expect(
			milestoneCounts([
				{ weight: 1, status: 'met' },
				{ weight: 1, status: 'met' },
				{ weight: 2, status: 'partly_met' },
				{ weight: 1, status: 'missed' },
				{ weight: 1, status: 'planned' },
				{ weight: 1, status: 'planned' },
				{ weight: 1, status: 'planned' }
			])
		).toEqual({ met: 2, partlyMet: 1, missed: 1, planned: 3, total: 7 });
	});

	it('is all zeros for no milestones', () => {
		expect(milestoneCounts([])).toEqual({ met: 0, partlyMet: 0, missed: 0, planned: 0, total: 0 });
	});
});
