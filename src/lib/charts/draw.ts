// The browser side of the charts: built on its own (scripts/build-charts.mjs) into
// static/charts.js, loaded as a module by pages that have a chart. It finds every
// `canvas[data-chart]`, and draws it with Chart.js once it comes within a screen of the
// viewport. Until then, and without JavaScript, each chart's table carries the numbers.
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import { formatKes } from '../domain/money';
import type { ChartSpec } from './chart-spec';
import { Chart } from './chart-setup';

function withFormats(spec: ChartSpec): ChartConfiguration {
	const config = spec.config;
	const options = (config.options ??= {});
	if (spec.kesAxis) {
		const scales = (options.scales ??= {}) as Record<string, { ticks?: object }>;
		const axis = (scales[spec.kesAxis] ??= {});
		axis.ticks = { ...axis.ticks, callback: (value: number | string) => formatKes(Number(value)) };
	}
	if (spec.kesTooltip) {
		const { missing, withDatasetLabel } = spec.kesTooltip;
		const plugins = (options.plugins ??= {});
		plugins.tooltip = {
			...plugins.tooltip,
			callbacks: {
				label: (item: TooltipItem<'bar' | 'line'>) => {
					const raw = item.raw as number | null;
					const value = raw === null ? missing : formatKes(raw);
					return withDatasetLabel ? `${item.dataset.label}: ${value}` : value;
				}
			}
		};
	}
	return config;
}

function draw(canvas: HTMLCanvasElement): void {
	if (canvas.dataset.drawn !== undefined) return;
	canvas.dataset.drawn = '';
	try {
		const spec = JSON.parse(canvas.dataset.chart ?? '') as ChartSpec;
		new Chart(canvas, withFormats(spec));
		canvas.closest('figure')?.classList.add('chart-drawn');
	} catch (error) {
		// The table stays: a chart that cannot be drawn loses nothing.
		console.error('Ahadi: a chart could not be drawn', error);
	}
}

const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')];
if (typeof IntersectionObserver === 'undefined') {
	canvases.forEach(draw);
} else {
	const observer = new IntersectionObserver(
		(entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue;
				observer.unobserve(entry.target);
				draw(entry.target as HTMLCanvasElement);
			}
		},
		{ rootMargin: '100% 0px' }
	);
	canvases.forEach((c) => observer.observe(c));
}
