// Derived budget figures. Rates are ratios (0.25 = 25%) and null means "not available": a
// missing or zero denominator must never surface as NaN, Infinity or a misleading 0%.
import {
	FUNDING_STATUSES,
	type BudgetPhase,
	type EconomicClass,
	type FundingStatus
} from './status';

/** What a budget line is: its year, vote, programme and sub-programme ('' when none), and class. */
export interface BudgetLineIdentity {
	fiscalYear: string;
	voteCode: string;
	voteName: string;
	programme: string;
	subProgramme: string;
	economicClass: EconomicClass;
}

export interface FigureInput {
	phase: BudgetPhase;
	amountKes: number;
	asOf: string;
}

export interface Figure {
	amountKes: number;
	asOf: string;
}

/** Phases that can stand as a line's current allocation. */
export type AllocationPhase = 'ceiling' | 'approved' | 'supplementary_1' | 'supplementary_2';

export interface CurrentAllocation extends Figure {
	phase: AllocationPhase;
}

export interface LineSummary {
	requested: Figure | null;
	ceiling: Figure | null;
	approved: Figure | null;
	supplementary1: Figure | null;
	supplementary2: Figure | null;
	released: Figure | null;
	spent: Figure | null;
	currentAllocation: CurrentAllocation | null;
	/** Requested minus current allocation; negative when more was allocated than asked for. */
	fundingGap: number | null;
	releaseRate: number | null;
	absorptionRate: number | null;
	useOfReleases: number | null;
	/** The latest as-of date among the figures behind this summary ("as at 31 Mar 2026"). */
	asOf: string | null;
}

export type Share =
	{ kind: 'percent'; basisPoints: number } | { kind: 'amount'; amountKes: number };

export interface MoneyChainTotals {
	requested: number;
	allocated: number;
	released: number;
	spent: number;
	gap: number | null;
	asOf: string | null;
}

type FigureKey =
	'requested' | 'ceiling' | 'approved' | 'supplementary1' | 'supplementary2' | 'released' | 'spent';

const KEY_OF_PHASE: Record<BudgetPhase, FigureKey> = {
	requested: 'requested',
	ceiling: 'ceiling',
	approved: 'approved',
	supplementary_1: 'supplementary1',
	supplementary_2: 'supplementary2',
	released: 'released',
	spent: 'spent'
};

const FIGURE_KEYS: readonly FigureKey[] = Object.values(KEY_OF_PHASE);

// The latest revision stands, whatever its date: a Supplementary II total replaces the
// Supplementary I total, which replaced the approved estimate.
const ALLOCATION_PRECEDENCE: ReadonlyArray<[FigureKey, AllocationPhase]> = [
	['supplementary2', 'supplementary_2'],
	['supplementary1', 'supplementary_1'],
	['approved', 'approved'],
	['ceiling', 'ceiling']
];

type Figures = Record<FigureKey, Figure | null>;

function ratio(
	numerator: Figure | null | undefined,
	denominator: number | null | undefined
): number | null {
	if (!numerator || denominator === null || denominator === undefined || denominator === 0) {
		return null;
	}
	const r = numerator.amountKes / denominator;
	return Number.isFinite(r) ? r : null;
}

function latestDate(dates: ReadonlyArray<string | null | undefined>): string | null {
	let latest: string | null = null;
	for (const d of dates) if (d && (latest === null || d > latest)) latest = d;
	return latest;
}

function currentAllocationOf(figures: Figures): CurrentAllocation | null {
	for (const [key, phase] of ALLOCATION_PRECEDENCE) {
		const figure = figures[key];
		if (figure) return { ...figure, phase };
	}
	return null;
}

/** Recomputes everything derived, so scaled and unscaled summaries follow the same rules. */
function buildSummary(figures: Figures, asOf: string | null): LineSummary {
	const currentAllocation = currentAllocationOf(figures);
	const allocation = currentAllocation?.amountKes ?? null;
	return {
		...figures,
		currentAllocation,
		fundingGap:
			figures.requested && allocation !== null ? figures.requested.amountKes - allocation : null,
		releaseRate: ratio(figures.released, allocation),
		absorptionRate: ratio(figures.spent, allocation),
		useOfReleases: ratio(figures.spent, figures.released?.amountKes),
		asOf
	};
}

function figuresOf(summary: LineSummary): Figures {
	const figures = {} as Figures;
	for (const key of FIGURE_KEYS) figures[key] = summary[key];
	return figures;
}

/**
 * One budget line's money chain from its figures. For each phase the figure with the latest
 * as-of date is used (releases and spending are cumulative to a date, so the latest is the
 * running total; on equal dates the later input wins, as a correction would).
 */
export function summariseLine(figures: ReadonlyArray<FigureInput>): LineSummary {
	const chosen: Figures = {
		requested: null,
		ceiling: null,
		approved: null,
		supplementary1: null,
		supplementary2: null,
		released: null,
		spent: null
	};
	for (const f of figures) {
		const key = KEY_OF_PHASE[f.phase];
		if (!key) continue;
		const current = chosen[key];
		if (!current || f.asOf >= current.asOf) chosen[key] = { amountKes: f.amountKes, asOf: f.asOf };
	}
	return buildSummary(chosen, latestDate(FIGURE_KEYS.map((k) => chosen[k]?.asOf)));
}

/** Current allocation minus approved estimate; negative when a supplementary cut the line. */
export function supplementaryChange(summary: LineSummary): number | null {
	if (!summary.currentAllocation || !summary.approved) return null;
	return summary.currentAllocation.amountKes - summary.approved.amountKes;
}

/**
 * `amount × numerator / denominator` rounded half up to whole shillings, exactly: amounts near
 * a trillion shillings times 10,000 basis points exceed the range where floats are exact.
 */
function scaleAmount(amount: number, numerator: number, denominator: number): number {
	if (
		Number.isSafeInteger(amount) &&
		Number.isSafeInteger(numerator) &&
		Number.isSafeInteger(denominator) &&
		amount >= 0 &&
		numerator >= 0 &&
		denominator > 0
	) {
		// Floats are exact while every intermediate stays a safe integer, and then
		// Math.floor(a / b) is exact too (a < 2^53): the common case, without BigInt's cost.
		const doubled = 2 * amount * numerator + denominator;
		if (doubled <= Number.MAX_SAFE_INTEGER) {
			return Math.floor(doubled / (2 * denominator));
		}
		const n = BigInt(amount) * BigInt(numerator);
		const d = BigInt(denominator);
		return Number((2n * n + d) / (2n * d));
	}
	return Math.round((amount * numerator) / denominator);
}

function scaleFigures(figures: Figures, numerator: number, denominator: number): Figures {
	const scaled = {} as Figures;
	for (const key of FIGURE_KEYS) {
		const f = figures[key];
		scaled[key] = f
			? { amountKes: scaleAmount(f.amountKes, numerator, denominator), asOf: f.asOf }
			: null;
	}
	return scaled;
}

/**
 * The part of a budget line attributable to one commitment. A percent share scales every
 * amount by basisPoints / 10,000. A fixed amount scales by amount / current allocation, capped
 * at the whole line. With no (or a zero) allocation there is nothing to take a fraction of, so
 * only the request is capped at the fixed amount and the rest is left as reported.
 */
export function attributeShare(summary: LineSummary, share: Share): LineSummary {
	const figures = figuresOf(summary);
	if (share.kind === 'percent') {
		const bp = share.basisPoints;
		if (!Number.isInteger(bp) || bp <= 0 || bp > 10_000) {
			throw new RangeError(`A percent share is 1 to 10,000 basis points, got ${bp}`);
		}
		return buildSummary(scaleFigures(figures, bp, 10_000), summary.asOf);
	}
	const amount = share.amountKes;
	if (!Number.isFinite(amount) || amount <= 0) {
		throw new RangeError(`A fixed share must be a positive amount, got ${amount}`);
	}
	const allocation = summary.currentAllocation?.amountKes ?? 0;
	if (allocation <= 0) {
		const requested = figures.requested;
		if (requested && requested.amountKes > amount) {
			figures.requested = { amountKes: amount, asOf: requested.asOf };
		}
		return buildSummary(figures, summary.asOf);
	}
	if (amount >= allocation) return buildSummary(figures, summary.asOf);
	return buildSummary(scaleFigures(figures, amount, allocation), summary.asOf);
}

/** Totals of several lines (or shares of lines) for one money-chain view. */
export function sumSummaries(summaries: ReadonlyArray<LineSummary>): MoneyChainTotals {
	let requested = 0;
	let allocated = 0;
	let released = 0;
	let spent = 0;
	let anyRequested = false;
	for (const s of summaries) {
		if (s.requested) {
			anyRequested = true;
			requested += s.requested.amountKes;
		}
		allocated += s.currentAllocation?.amountKes ?? 0;
		released += s.released?.amountKes ?? 0;
		spent += s.spent?.amountKes ?? 0;
	}
	return {
		requested,
		allocated,
		released,
		spent,
		gap: anyRequested ? requested - allocated : null,
		asOf: latestDate(summaries.map((s) => s.asOf))
	};
}

/**
 * sumSummaries of percent shares of lines, without building a summary per share: the same totals
 * (every amount scaled and rounded per line exactly as attributeShare does), for aggregates over
 * thousands of lines such as the dashboard's money per committee.
 */
export function sumPercentShares(
	parts: ReadonlyArray<{ line: LineSummary; basisPoints: number }>
): MoneyChainTotals {
	let requested = 0;
	let allocated = 0;
	let released = 0;
	let spent = 0;
	let anyRequested = false;
	let asOf: string | null = null;
	for (const { line, basisPoints: bp } of parts) {
		if (!Number.isInteger(bp) || bp <= 0 || bp > 10_000) {
			throw new RangeError(`A percent share is 1 to 10,000 basis points, got ${bp}`);
		}
		// The whole of a whole-shilling amount is itself, as scaleAmount would compute.
		const scale = (amount: number) =>
			bp === 10_000 && Number.isSafeInteger(amount) && amount >= 0
				? amount
				: scaleAmount(amount, bp, 10_000);
		if (line.requested) {
			anyRequested = true;
			requested += scale(line.requested.amountKes);
		}
		if (line.currentAllocation) allocated += scale(line.currentAllocation.amountKes);
		if (line.released) released += scale(line.released.amountKes);
		if (line.spent) spent += scale(line.spent.amountKes);
		if (line.asOf && (asOf === null || line.asOf > asOf)) asOf = line.asOf;
	}
	return {
		requested,
		allocated,
		released,
		spent,
		gap: anyRequested ? requested - allocated : null,
		asOf
	};
}

function fundingRank(status: FundingStatus): number {
	return FUNDING_STATUSES.indexOf(status);
}

function isAdjusted(line: LineSummary): boolean {
	const approved = line.approved?.amountKes;
	return [line.supplementary1, line.supplementary2].some(
		(s) => s !== null && s.amountKes !== approved
	);
}

function lineFundingStatus(line: LineSummary): FundingStatus {
	const allocation = line.currentAllocation;
	if (!allocation) return 'requested';
	const released = line.released?.amountKes ?? 0;
	const spent = line.spent?.amountKes ?? 0;
	if (released > 0) {
		if (allocation.amountKes > 0 && released >= allocation.amountKes) {
			return spent > 0 ? 'spent' : 'released';
		}
		return 'partly_released';
	}
	// Spending reported without releases means money moved even if the releases are not yet in.
	if (spent > 0) return 'partly_released';
	if (isAdjusted(line)) return 'adjusted';
	// A zero allocation that no supplementary changed means no money was given.
	return allocation.amountKes > 0 ? 'allocated' : 'requested';
}

/**
 * Where the money for a commitment stopped. Each linked line is placed on the chain
 * requested → allocated → adjusted → partly released → released → spent, and the commitment
 * takes the LEAST advanced line: a commitment funded from two lines is only as far along as its
 * weakest link, and showing the most advanced one would hide the line where the money stopped.
 */
export function deriveFundingStatus(lines: ReadonlyArray<LineSummary>): FundingStatus {
	if (lines.length === 0) return 'no_line_identified';
	let least: FundingStatus = 'spent';
	for (const line of lines) {
		const status = lineFundingStatus(line);
		if (fundingRank(status) < fundingRank(least)) least = status;
	}
	return least;
}
