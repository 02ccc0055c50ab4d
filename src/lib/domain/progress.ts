import type { MilestoneStatus } from './status';

export interface MilestoneInput {
	weight: number;
	status: MilestoneStatus;
}

export interface MilestoneCounts {
	met: number;
	partlyMet: number;
	missed: number;
	planned: number;
	total: number;
}

// Weights are positive in the database; anything else is ignored here rather than allowed to
// push progress below 0 or above 100%.
function usableWeight(weight: number): number {
	return Number.isFinite(weight) && weight > 0 ? weight : 0;
}

/**
 * Weight of met milestones over total weight, partly met counting half, as a ratio 0..1.
 * Without milestones progress is unknown (null), not 0: a commitment nobody has broken into
 * milestones has not been shown to be stalled.
 */
export function deliveryProgress(milestones: ReadonlyArray<MilestoneInput>): number | null {
	let total = 0;
	let achieved = 0;
	for (const m of milestones) {
		const weight = usableWeight(m.weight);
		total += weight;
		if (m.status === 'met') achieved += weight;
		else if (m.status === 'partly_met') achieved += weight / 2;
	}
	return total > 0 ? achieved / total : null;
}

export function milestoneCounts(milestones: ReadonlyArray<MilestoneInput>): MilestoneCounts {
	const counts: MilestoneCounts = { met: 0, partlyMet: 0, missed: 0, planned: 0, total: 0 };
	for (const m of milestones) {
		counts.total += 1;
		if (m.status === 'met') counts.met += 1;
		else if (m.status === 'partly_met') counts.partlyMet += 1;
		else if (m.status === 'missed') counts.missed += 1;
		else counts.planned += 1;
	}
	return counts;
}
