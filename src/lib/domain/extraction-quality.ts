// How well Ahadi found the undertakings in transcripts, from the clerks' decisions. A proposal
// accepted, edited or merged into another was right; a rejected one was wrong; an undertaking a
// clerk added by hand to a sitting recorded from a transcript was missed. Undecided proposals
// count for neither.

export interface DecisionTally {
	proposed: number;
	accepted: number;
	edited: number;
	merged: number;
	rejected: number;
	/** Commitments added by hand to the sitting: undertakings the proposals missed. */
	by_hand: number;
}

export interface ExtractionQuality extends DecisionTally {
	/** Right proposals over decided ones, or null before any decision. */
	precision: number | null;
	/** Undertakings found over undertakings recorded, or null before any was recorded. */
	recall: number | null;
}

export function extractionQuality(tallies: readonly DecisionTally[]): ExtractionQuality {
	const sum = (key: keyof DecisionTally) => tallies.reduce((n, t) => n + t[key], 0);
	const total: DecisionTally = {
		proposed: sum('proposed'),
		accepted: sum('accepted'),
		edited: sum('edited'),
		merged: sum('merged'),
		rejected: sum('rejected'),
		by_hand: sum('by_hand')
	};
	const right = total.accepted + total.edited + total.merged;
	const found = total.accepted + total.edited;
	return {
		...total,
		precision: right + total.rejected === 0 ? null : right / (right + total.rejected),
		recall: found + total.by_hand === 0 ? null : found / (found + total.by_hand)
	};
}
