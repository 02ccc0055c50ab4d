import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe-core on the current page and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary).toEqual([]);
}

/** Saves full-page screenshots at phone and desktop widths into tests/screenshots/. */
export async function screenshotBoth(page: Page, name: string) {
	for (const [label, width] of [
		['phone', 360],
		['desktop', 1280]
	] as const) {
		await page.setViewportSize({ width, height: 800 });
		await page.screenshot({ path: `tests/screenshots/${name}-${label}.png`, fullPage: true });
	}
}

/** The page must not scroll sideways at the given width (a 360 px phone). */
export async function expectNoHorizontalScroll(page: Page, width = 360) {
	await page.setViewportSize({ width, height: 800 });
	// Layout settles on the next frames after the viewport changes, so poll briefly.
	await expect
		.poll(
			() =>
				page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				),
			{ timeout: 3_000 }
		)
		.toBeLessThanOrEqual(0);
}
