// A commitment's money: the part of each linked budget line attributed to it, with the whole line
// kept beside it as context. Every place that shows a commitment's money (its page, the briefing
// pack, the API, the downloads) goes through attributeFunding, so they cannot disagree.
import {
	attributeShare,
	summariseLine,
	type FigureInput,
	type LineSummary,
	type Share
} from './budget';

export type FundingBasis = 'earmarked' | 'indicative';

export interface FundingLinkInput {
	share: Share;
	basis: FundingBasis;
	figures: ReadonlyArray<FigureInput>;
}

export interface AttributedMoney {
	basis: FundingBasis;
	share: Share;
	/** The amounts attributed to the commitment: every figure of the line scaled by its share. */
	attributed: LineSummary;
	/** The whole budget line, for context only: never to be shown as the commitment's money. */
	line: LineSummary;
	/**
	 * The part of the line's current allocation attributed to the commitment (0.001 = 0.1%):
	 * the percent share, or the fixed amount over the allocation (capped at the whole line).
	 * Null when a fixed amount meets a line with no allocation, so no part can be computed.
	 */
	shareOfLine: number | null;
	/** True when the commitment takes the whole line (100%, or a fixed amount at least its allocation). */
	wholeLine: boolean;
}

/**
 * The money attributed to a commitment through one funding link. A percent share takes that
 * part of every figure (requested, allocation, released, spent); a fixed amount takes the same
 * part of every figure as the amount is of the current allocation. Rates (release, absorption)
 * are those of the attributed figures, so they match the line's up to rounding.
 */
export function attributeFunding(link: FundingLinkInput): AttributedMoney {
	const line = summariseLine(link.figures);
	const attributed = attributeShare(line, link.share);
	const allocation = line.currentAllocation?.amountKes ?? 0;
	let shareOfLine: number | null;
	if (link.share.kind === 'percent') shareOfLine = link.share.basisPoints / 10_000;
	else shareOfLine = allocation > 0 ? Math.min(1, link.share.amountKes / allocation) : null;
	return {
		basis: link.basis,
		share: link.share,
		attributed,
		line,
		shareOfLine,
		wholeLine: shareOfLine === 1
	};
}

/**
 * True when a commitment has links and every one is indicative: the line's funding status then
 * says where the line's money stopped, not that any was set aside for the commitment.
 */
export function isIndicativeOnly(bases: ReadonlyArray<FundingBasis>): boolean {
	return bases.length > 0 && bases.every((b) => b === 'indicative');
}
