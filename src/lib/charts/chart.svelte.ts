// The one Chart.js wrapper: an attachment that creates the chart once, updates it in place when
// its configuration changes, and destroys it with the canvas. Only the parts used are
// registered, so the bundle stays small.
import {
	ArcElement,
	BarController,
	BarElement,
	CategoryScale,
	Chart,
	Colors,
	DoughnutController,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip,
	type ChartConfiguration
} from 'chart.js';
import type { Attachment } from 'svelte/attachments';
import { untrack } from 'svelte';

Chart.register(
	ArcElement,
	BarController,
	BarElement,
	CategoryScale,
	Colors,
	DoughnutController,
	Legend,
	LinearScale,
	LineController,
	LineElement,
	PointElement,
	Tooltip
);

Chart.defaults.font.family =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = '#0b0c0c';
Chart.defaults.maintainAspectRatio = false;

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

export function chart(getConfig: () => ChartConfiguration): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		const instance = new Chart(canvas, untrack(getConfig));
		$effect(() => {
			const next = getConfig();
			instance.data = next.data;
			if (next.options) instance.options = next.options;
			instance.update();
		});
		return () => instance.destroy();
	};
}
