// The one Chart.js wrapper: an attachment that creates the chart once, updates it in place when
// its configuration changes, and destroys it with the canvas. Chart.js itself (only the parts
// used are registered, in chart-setup.ts) is imported lazily: a page's first paint and its
// hydration do not wait for it, and pages without charts never load it. The numbers are in
// each chart's data table, so nothing is lost while it loads.
import type { Chart, ChartConfiguration } from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';

/** Chart.js arrives with the first chart a page draws (about 60 KB gzipped), not before. */
let loading: Promise<typeof Chart> | undefined;
function loadChart(): Promise<typeof Chart> {
	loading ??= import('./chart-setup').then((module) => module.Chart);
	return loading;
}

/** Okabe–Ito colours: distinguishable with the common forms of colour blindness. */
export const PALETTE = {
	blue: '#0072B2',
	orange: '#E69F00',
	sky: '#56B4E9',
	green: '#009E73',
	yellow: '#F0E442',
	vermillion: '#D55E00',
	purple: '#CC79A7',
	grey: '#6b7680',
	black: '#000000'
} as const;

/**
 * Calls `draw` once the canvas is within a screen of the viewport: a chart further down the
 * page costs nothing until the reader scrolls towards it (Chart.js draws on the main thread,
 * and a phone's first seconds are better spent on the page itself).
 */
function whenNearViewport(canvas: HTMLCanvasElement, draw: () => void): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		draw();
		return () => {};
	}
	const observer = new IntersectionObserver(
		(entries) => {
			if (!entries.some((e) => e.isIntersecting)) return;
			observer.disconnect();
			draw();
		},
		{ rootMargin: '100% 0px' }
	);
	observer.observe(canvas);
	return () => observer.disconnect();
}

export function chart(getConfig: () => ChartConfiguration): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let instance: Chart | undefined;
		let destroyed = false;
		const stopWatching = whenNearViewport(canvas, () => {
			void loadChart().then((ChartJs) => {
				if (!destroyed) instance = new ChartJs(canvas, untrack(getConfig));
			});
		});
		$effect(() => {
			const next = getConfig(); // read first, so the effect tracks it before the load ends
			if (!instance) return;
			instance.data = next.data;
			if (next.options) instance.options = next.options;
			instance.update();
		});
		return () => {
			destroyed = true;
			stopWatching();
			instance?.destroy();
		};
	};
}
