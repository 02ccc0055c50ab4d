import { describe, expect, it } from 'vitest';
import { extractionQuality } from '../../../src/lib/domain';

const tally = (t: Partial<Parameters<typeof extractionQuality>[0][number]>) => ({
	proposed: 0,
	accepted: 0,
	edited: 0,
	merged: 0,
	rejected: 0,
	by_hand: 0,
	...t
});

describe('extractionQuality', () => {
	it('counts accepted, edited and merged proposals as right, and undertakings added by hand as missed', () => {
		const q = extractionQuality([
			tally({ proposed: 10, accepted: 3, edited: 1, merged: 1, rejected: 3, by_hand: 1 }),
			tally({ proposed: 4, accepted: 2, rejected: 2, by_hand: 0 })
		]);
		expect(q.precision).toBeCloseTo(7 / 12);
		expect(q.recall).toBeCloseTo(6 / 7);
		expect(q.proposed).toBe(14);
	});
	it('has no figure before anything was decided', () => {
		expect(extractionQuality([tally({ proposed: 5 })])).toMatchObject({
			precision: null,
			recall: null
		});
		expect(extractionQuality([])).toMatchObject({ precision: null, recall: null });
	});
});
