// Cumulative releases and spending of one budget line, quarter by quarter of its fiscal year:
// the series behind the funding chart on a commitment's page.
import type { FigureInput } from './budget';
import { fiscalYearRange, quarterEnd, type Quarter } from './fiscal-year';

export interface QuarterPoint {
	quarter: Quarter;
	end: string;
	/** Cumulative to the quarter end; null when nothing had been reported by then. */
	released: number | null;
	spent: number | null;
}

/** The latest cumulative figure of a phase within [start, end], or null. */
function latestWithin(
	figures: ReadonlyArray<FigureInput>,
	phase: 'released' | 'spent',
	start: string,
	end: string
): number | null {
	let best: FigureInput | null = null;
	for (const f of figures) {
		if (f.phase !== phase || f.asOf < start || f.asOf > end) continue;
		if (best === null || f.asOf > best.asOf) best = f;
	}
	return best ? best.amountKes : null;
}

/**
 * Four quarters of cumulative releases and spending. A quarter that starts after the last
 * report is unknown (null), never a flat line carried into the future.
 */
export function quarterlySeries(
	fiscalYear: string,
	figures: ReadonlyArray<FigureInput>
): QuarterPoint[] {
	const { start } = fiscalYearRange(fiscalYear);
	let last: string | null = null;
	for (const f of figures) {
		if ((f.phase === 'released' || f.phase === 'spent') && f.asOf >= start) {
			if (last === null || f.asOf > last) last = f.asOf;
		}
	}
	return ([1, 2, 3, 4] as const).map((quarter) => {
		const end = quarterEnd(fiscalYear, quarter);
		// Quarters after the first begin the day after the previous quarter's end.
		const known =
			last !== null &&
			(quarter === 1 ? start <= last : quarterEnd(fiscalYear, (quarter - 1) as Quarter) < last);
		return {
			quarter,
			end,
			released: known ? latestWithin(figures, 'released', start, end) : null,
			spent: known ? latestWithin(figures, 'spent', start, end) : null
		};
	});
}
