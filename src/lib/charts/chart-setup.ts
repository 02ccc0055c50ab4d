// Chart.js with only the parts Ahadi draws, loaded on demand by the chart attachment
// (chart.svelte.ts) so that pages keep it out of their initial JavaScript. `Colors` must stay
// registered: without it every dataset without explicit colours draws grey.
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
	Tooltip
} from 'chart.js';

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
// Drawn once, without animation: calmer to read, kinder to readers who avoid motion, and it
// spares a phone about a second of redrawing while the page starts.
Chart.defaults.animation = false;

export { Chart };
