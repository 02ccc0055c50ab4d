// The value axis of a chart drawn on the server: round steps (1, 2, 2.5 or 5 times a power of
// ten) from zero to just above the largest value, so the gridlines fall on numbers a reader can
// say aloud ('KES 200 m', not 'KES 187.3 m').

/** Gridline values from 0 up to the first round step at or above `max`, about `target` steps. */
export function niceTicks(max: number, target = 4): number[] {
	if (!Number.isFinite(max) || max <= 0) return [0, 1];
	const rough = max / target;
	const power = 10 ** Math.floor(Math.log10(rough));
	const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
	const steps = Math.max(1, Math.ceil(max / step - 1e-9));
	return Array.from({ length: steps + 1 }, (_, i) => i * step);
}

/** Where `value` sits on an axis from 0 to `top`, in percent (0–100). */
export function percentOf(value: number, top: number): number {
	if (top <= 0 || value <= 0) return 0;
	return Math.min(100, (value / top) * 100);
}
