import { expect, test, type APIRequestContext } from '@playwright/test';
import { EMPTY_URL } from '../../playwright.config';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshotBoth } from './fixtures';

/** How many published commitments the API counts for a query: other specs publish records too. */
async function apiTotal(request: APIRequestContext, query = ''): Promise<number> {
	const res = await request.get(`/api/v1/commitments?pageSize=1${query ? '&' + query : ''}`);
	expect(res.status()).toBe(200);
	return ((await res.json()) as { total: number }).total;
}

const countText = (n: number, filtered: boolean) =>
	new RegExp(`^${n} ${n === 1 ? 'commitment' : 'commitments'}${filtered ? ' match' : ''}`);

const DEMO_TITLES = [
	/anti-human.trafficking unit/i,
	/National Police Reservists Policy/i,
	/National Administration Policy|scheme of service/i,
	/newly gazetted administrative units/i
];

test.describe('the dashboard answers "what is overdue, and where did the money stop?"', () => {
	test('headline figures link to the lists behind them', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('promised to Parliament');
		const headline = page.getByRole('list', { name: 'Headline figures' });
		const overdueLink = headline.getByRole('link', { name: /overdue/ });
		const overdueCount = Number((await overdueLink.locator('.figure').textContent())?.trim());
		expect(overdueCount).toBeGreaterThan(0);
		await overdueLink.click();
		await expect(page).toHaveURL(/\/commitments\?overdue=true/);
		await expect(
			page.getByRole('heading', { name: new RegExp(`^${overdueCount} commitments? match`) })
		).toBeVisible();
		await expect(page.getByRole('link', { name: DEMO_TITLES[0]! })).toBeVisible();
	});

	test('shows status, money chain, overdue and latest updates, and passes axe', async ({
		page
	}) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Delivery status' })).toBeVisible();
		await expect(
			page.getByRole('img', { name: /^Commitments by delivery status: .*\d/ })
		).toBeVisible();
		await expect(page.getByText(/requested but not allocated/)).toBeVisible();
		await expect(page.getByRole('img', { name: /^The money chain: Requested KES/ })).toBeVisible();
		const overdue = page.getByRole('region', { name: 'Overdue now' });
		await expect(overdue.getByRole('link', { name: DEMO_TITLES[0]! })).toBeVisible();
		await expect(overdue.getByText(/days late/).first()).toBeVisible();
		await expect(
			page.getByRole('region', { name: 'Latest updates' }).getByRole('listitem')
		).toHaveCount(5);
		const committees = page.getByRole('region', { name: 'By committee' });
		await expect(
			committees.getByRole('link', { name: /Administration and Internal Security/ })
		).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'dashboard');
	});

	test('the money chain is for one fiscal year, chosen without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		// The demo has figures for 2024/25 and 2025/26; today is later, so the latest is shown.
		await expect(page.getByRole('heading', { name: 'The money chain, 2025/26' })).toBeVisible();
		const chain = page.getByRole('table', { name: 'The money chain' });
		const allocated = async () =>
			(await chain.getByRole('row', { name: /^Allocated/ }).textContent()) ?? '';
		const in2526 = await allocated();
		// Each step carries the date of its own figures.
		await expect(chain.getByRole('columnheader', { name: 'As at' })).toBeVisible();
		expect(in2526).toMatch(/\d{1,2} \w{3} 20\d\d/);

		await page.getByRole('combobox', { name: 'Fiscal year', exact: true }).selectOption('2024/25');
		await page.getByRole('button', { name: 'Show' }).click();
		await expect(page).toHaveURL(/[?&]year=2024%2F25/);
		await expect(page.getByRole('heading', { name: 'The money chain, 2024/25' })).toBeVisible();
		const in2425 = await allocated();
		expect(in2425).not.toBe(in2526);
		// Every date in the 2024/25 chain is within or before that year, never 2025/26's.
		for (const year of (await chain.textContent())!.match(/20\d\d/g) ?? []) {
			expect(Number(year)).toBeLessThanOrEqual(2025);
		}
		// A year with no figures falls back to the default rather than showing zeros.
		await page.goto('/?year=1999%2F00');
		await expect(page.getByRole('heading', { name: 'The money chain, 2025/26' })).toBeVisible();
		await context.close();
	});

	test('Chart.js draws the charts; their tables are one click away', async ({ page }) => {
		await page.goto('/');
		const delivery = page.getByRole('img', { name: /^Commitments by delivery status/ });
		await expect(delivery.locator('canvas[data-drawn]')).toHaveCount(1);
		// Drawn: the canvas has coloured pixels, not only the blank box.
		const painted = await delivery.locator('canvas').evaluate((c: HTMLCanvasElement) => {
			const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
			let n = 0;
			for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
			return n;
		});
		expect(painted).toBeGreaterThan(1000);
		const table = page.getByRole('table', { name: 'Commitments by delivery status' });
		await expect(table).toBeHidden();
		await page.getByText('Show these figures as a table').first().click();
		await expect(table).toBeVisible();
	});

	test('without JavaScript, each chart is its table', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.getByRole('table', { name: 'Commitments by delivery status' })).toBeVisible();
		await expect(page.getByRole('table', { name: 'The money chain' })).toContainText('KES');
		// No empty chart boxes, and no "show the table" for a table already shown.
		await expect(page.locator('.chart-figure .canvas').first()).toBeHidden();
		await expect(page.getByText('Show these figures as a table').first()).toBeHidden();
		await page.getByRole('link', { name: DEMO_TITLES[0]! }).first().click();
		await expect(page.locator('blockquote')).toBeVisible();
		await context.close();
	});
});

test.describe('the explorer', () => {
	test('filters are a shareable URL that round-trips', async ({ page, request }) => {
		const all = await apiTotal(request);
		const expected = await apiTotal(
			request,
			'committee=administration-internal-security&deliveryStatus=with_challenges'
		);
		expect(expected).toBeGreaterThanOrEqual(2);
		await page.goto('/commitments');
		await expect(page.getByRole('heading', { name: countText(all, false) })).toBeVisible();
		await page
			.getByLabel('Committee', { exact: true })
			.selectOption('administration-internal-security');
		await page.getByLabel('With challenges').check();
		await page.getByRole('button', { name: 'Apply filters' }).click();
		await expect(page).toHaveURL(/committee=administration-internal-security/);
		await expect(page).toHaveURL(/deliveryStatus=with_challenges/);
		const heading = page.getByRole('heading', { name: /commitments? match/ });
		await expect(heading).toHaveText(countText(expected, true));
		const url = page.url();

		const again = await page.context().newPage();
		await again.goto(url);
		await expect(again.getByRole('heading', { name: /commitments? match/ })).toHaveText(
			countText(expected, true)
		);
		await expect(again.getByLabel('With challenges')).toBeChecked();
		await expect(again.getByRole('link', { name: DEMO_TITLES[1]! })).toBeVisible();
		await expect(again.getByRole('link', { name: DEMO_TITLES[0]! })).toHaveCount(0);
		await expectNoAxeViolations(again);
		await again.close();
	});

	test('searches the quote and downloads the same result as CSV', async ({ page, request }) => {
		const expected = await apiTotal(request, 'q=NG-CDF');
		expect(expected).toBeGreaterThanOrEqual(1);
		await page.goto('/commitments?q=NG-CDF');
		await expect(page.getByRole('heading', { name: countText(expected, true) })).toBeVisible();
		const href = await page
			.getByRole('link', { name: /Download these results/ })
			.getAttribute('href');
		expect(href).toContain('q=NG-CDF');
		const csv = await (await request.get(href!)).text();
		const lines = csv.trim().split(/\r?\n/);
		expect(lines).toHaveLength(expected + 1);
		expect(csv).toContain('DCAIS/2025/004');
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'explorer');
	});

	test('a bad filter value is explained, not a server error', async ({ page }) => {
		const response = await page.goto('/commitments?deliveryStatus=nearly_done');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('alert')).toContainText(
			'Delivery status: "nearly_done" is not one of'
		);
	});
});

test.describe('a commitment page tells the story of one undertaking', () => {
	test('quote, source, statuses, milestones, money and history', async ({ page }) => {
		await page.goto('/commitments/DCAIS%2F2025%2F004');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(DEMO_TITLES[3]!);
		await expect(page.locator('blockquote')).toBeVisible();
		await expect(
			page.getByText(/Cabinet Secretary, Interior and National Administration/).first()
		).toBeVisible();
		await expect(page.getByText(/Overdue \d+ days/).first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Milestones' })).toBeVisible();
		await expect(page.getByText('Missed', { exact: true }).first()).toBeVisible();
		await expect(page.getByText(/KES 666 m|KES 616 m/).first()).toBeVisible();
		await expect(
			page.getByRole('img', { name: /money released and spent.*: allocated KES/ }).first()
		).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Due date history' })).toBeVisible();
		await expect(page.getByText(/moved from/).first()).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Change log' })).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'commitment');
	});

	test('each badge names its kind, and the About page defines every status', async ({ page }) => {
		await page.goto('/commitments/DCAIS%2F2025%2F004');
		const badges = page.locator('p.badges .badge');
		await expect(badges.nth(0)).toHaveText(/^\S*Delivery: /);
		await expect(badges.nth(1)).toHaveText(/^\S*Committee process: /);
		await expect(badges.nth(2)).toHaveText(/^\S*Money: /);
		const shown = (await badges.allTextContents()).slice(0, 3);
		await page.getByRole('link', { name: 'What the statuses mean' }).click();
		await expect(page).toHaveURL(/\/about#statuses$/);
		const key = page.locator('dl.statuses');
		// The three statuses this undertaking shows are defined there, badge for badge, with
		// every other status of the three kinds: 8 + 9 + 7.
		await expect(key.locator('dt')).toHaveCount(24);
		for (const text of shown) {
			const dt = key.locator('dt', { hasText: text.replace(/^\S*?(?=[A-Z])/, '') });
			await expect(dt.first()).toBeVisible();
			await expect(dt.first().locator('xpath=following-sibling::dd[1]')).not.toBeEmpty();
		}
		await expect(page.getByText('Indicative', { exact: true })).toBeVisible();
		await expect(page.getByText('Earmarked', { exact: true })).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
	});

	test('the reservists policy shows that no budget line was found', async ({ page }) => {
		await page.goto('/commitments');
		await page.getByRole('link', { name: DEMO_TITLES[1]! }).first().click();
		await expect(page.getByText('No budget line identified').first()).toBeVisible();
		await expect(page.getByText(/That is itself a finding/)).toBeVisible();
	});

	test('a draft commitment is not found, and is listed nowhere', async ({ page, request }) => {
		const draft = await request.get('/commitments/DCAIS%2F2025%2F005');
		expect(draft.status()).toBe(404);
		for (const path of [
			'/',
			'/commitments',
			'/committees/administration-internal-security',
			'/budget?fiscalYear=2025%2F26'
		]) {
			const html = await (await request.get(path)).text();
			expect(html).not.toContain('DCAIS/2025/005');
			expect(html).not.toContain('Stop gazetting new administrative units');
		}
		await page.goto('/commitments/DCAIS%2F2025%2F005');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	});
});

test.describe('committee, organisation and budget pages', () => {
	test('a committee page has its scorecard and commitments', async ({ page, request }) => {
		const tracked = await apiTotal(request, 'committee=administration-internal-security');
		const overdue = await apiTotal(
			request,
			'committee=administration-internal-security&overdue=true'
		);
		await page.goto('/committees');
		await page
			.getByRole('link', { name: 'Departmental Committee on Administration and Internal Security' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Administration');
		const scorecard = page.getByRole('list', { name: 'Scorecard' });
		await expect(scorecard).toContainText(`${tracked} tracked`);
		await expect(scorecard).toContainText(`${overdue} overdue`);
		await expect(page.getByRole('link', { name: DEMO_TITLES[0]! })).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('an organisation page is reached from the dashboard', async ({ page, request }) => {
		const tracked = await apiTotal(
			request,
			'organisation=sd-internal-security-national-administration'
		);
		await page.goto('/');
		await page
			.getByRole('region', { name: 'By responsible organisation' })
			.getByRole('link', { name: /State Department for Internal Security/ })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('State Department');
		await expect(page.getByRole('list', { name: 'Scorecard' })).toContainText(`${tracked} tracked`);
		await expectNoAxeViolations(page);
	});

	test('the budget page shows rates, as-at dates and the commitments depending on a line', async ({
		page
	}) => {
		await page.goto('/budget?fiscalYear=2025%2F26');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('2025/26');
		await expect(page.getByRole('heading', { name: /Vote 1021/ }).first()).toBeVisible();
		await expect(page.getByText(/absorbed/).first()).toBeVisible();
		await expect(page.getByText(/Figures as at/).first()).toBeVisible();
		await expect(page.getByRole('link', { name: DEMO_TITLES[3]! }).first()).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'budget');
	});

	test('the budget page goes through the lines of a year a page at a time', async ({ page }) => {
		await page.goto('/budget?fiscalYear=2025%2F26&pageSize=1');
		await expect(page.getByText(/^Lines 1 to 1 of \d+/)).toHaveCount(2); // above and below
		const firstLine = await page.getByRole('heading', { level: 2 }).first().textContent();
		await expect(page.getByRole('link', { name: 'Previous' })).toHaveCount(0);
		await page
			.getByRole('navigation', { name: 'Pages of budget lines' })
			.getByRole('link', { name: 'Next' })
			.click();
		await expect(page).toHaveURL(/page=2/);
		await expect(page.getByText(/^Lines 2 to 2 of \d+/).first()).toBeVisible();
		await expect(page.getByRole('heading', { level: 2 }).first()).not.toHaveText(firstLine ?? '');
		// The year and the page size are kept; Previous leads back.
		await expect(page.getByRole('heading', { level: 1 })).toContainText('2025/26');
		// The links above the lines lead on as well.
		await page.getByRole('link', { name: 'Previous' }).first().click();
		await expect(page.getByText(/^Lines 1 to 1 of \d+/).first()).toBeVisible();
		await expectNoAxeViolations(page);
	});

	test('the budget page says why nothing is shown, names the wrong field and keeps the year', async ({
		page
	}) => {
		await page.goto('/budget?fiscalYear=2024%2F25&vote=1021&page=first');
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('Page:');
		// The form keeps what was asked, the year included (not the first year of the list).
		await expect(page.getByRole('combobox', { name: 'Fiscal year', exact: true })).toHaveValue(
			'2024/25'
		);
		await expect(page.getByRole('textbox', { name: 'Vote code', exact: true })).toHaveValue('1021');
		await expect(page.getByText('No budget figures have been recorded yet.')).toHaveCount(0);

		// A wrong field is a link to it.
		await page.goto('/budget?fiscalYear=2024%2F25&vote=%21bad');
		await summary.getByRole('link', { name: 'Vote code' }).click();
		await expect(page.getByRole('textbox', { name: 'Vote code', exact: true })).toBeFocused();

		await page.goto('/budget?fiscalYear=2025%2F26&programme=no%20such%20programme');
		await expect(page.getByText('No budget line of 2025/26 matches these filters.')).toBeVisible();
		await page.getByRole('link', { name: 'Show every line of the year' }).click();
		await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
		await expect(page.getByRole('textbox', { name: 'Programme', exact: true })).toHaveValue('');
		await expectNoAxeViolations(page);
	});
});

test('the built server migrates an empty database by itself', async ({ page }) => {
	await page.goto(EMPTY_URL + '/');
	await expect(page.getByText('No commitments have been published yet.')).toBeVisible();
	await page.goto(EMPTY_URL + '/budget');
	await expect(page.getByText('No budget figures have been recorded yet.')).toBeVisible();
});
