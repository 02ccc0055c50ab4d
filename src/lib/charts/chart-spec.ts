// What the server writes for a chart and the browser script (draw.ts) reads: a Chart.js
// configuration that is plain JSON, plus how to format its numbers. Pages ship no framework
// JavaScript (csr = false); one small script, built from draw.ts with Chart.js inside, draws
// every chart on the page. Functions cannot travel in JSON, so the formatting Chart.js needs
// callbacks for is named here and applied by draw.ts.
import type { ChartConfiguration } from 'chart.js';

export interface ChartSpec {
	config: ChartConfiguration;
	/** The value axis whose ticks are Kenya shillings ('x' for horizontal bars). */
	kesAxis?: 'x' | 'y';
	/** Tooltips read "dataset: KES …", and this for a missing value. */
	kesTooltip?: { missing: string; withDatasetLabel: boolean };
}

/** The path of the built chart script under the site's root (scripts/build-charts.mjs). */
export const CHART_SCRIPT = '/charts.js';
