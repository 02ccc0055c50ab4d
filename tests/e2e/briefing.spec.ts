// The MP workspace: the printable briefing pack and the private watchlist.
import { writeFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoAccount, ensureDemoUsers, signIn } from './auth-fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll, screenshotBoth } from './fixtures';

const DCAIS = 'administration-internal-security';
const NGAO = '/commitments/DCAIS%2F2025%2F003';

test.beforeAll(ensureDemoUsers);

async function signInAs(page: Page, key: 'mp' | 'admin' | 'clerkA') {
	const account = demoAccount(key);
	await signIn(page, account.email, account.password);
	await expect(page).not.toHaveURL(/\/login/);
}

async function newSignedInPage(browser: Browser, key: 'mp' | 'admin' | 'clerkA') {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signInAs(page, key);
	return { context, page };
}

test.describe('who may open the MP pages', () => {
	test('anonymous visitors are sent to sign in', async ({ page }) => {
		await page.goto(`/briefing?committee=${DCAIS}&since=2026-05-01`);
		await expect(page).toHaveURL(/\/login/);
		await page.goto('/watchlist');
		await expect(page).toHaveURL(/\/login/);
	});

	test('a clerk is refused', async ({ page }) => {
		await signInAs(page, 'clerkA');
		await expect(page.getByRole('link', { name: 'Briefing' })).toHaveCount(0);
		expect((await page.goto('/briefing'))?.status()).toBe(403);
		expect((await page.goto('/watchlist'))?.status()).toBe(403);
	});
});

test.describe('the briefing pack', () => {
	test('defaults to the MP’s committee since its last sitting', async ({ page }) => {
		await signInAs(page, 'mp');
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Briefing' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Briefing pack');
		await expect(page.getByLabel('Committee')).toHaveValue(DCAIS);
		const cover = page.getByRole('region', { name: 'About this briefing' });
		await expect(cover).toContainText(
			'Departmental Committee on Administration and Internal Security'
		);
		await expect(cover).toContainText('Changes since 23 Apr 2025 (the committee’s last sitting)');
		// The link to share names the date, so it keeps showing the same window.
		await expect(cover.getByRole('link', { name: /since=2025-04-23/ })).toBeVisible();

		const overdue = page.getByRole('region', { name: 'Newly overdue' });
		await expect(overdue).toContainText('Create a special anti-human-trafficking unit');
		await expect(overdue).toContainText('Unit established and officers deployed');
		const questions = page.getByRole('region', { name: 'Suggested questions' });
		const missed = questions.getByRole('listitem').filter({
			hasText:
				'Why was the milestone “Unit established and officers deployed” missed, and what is the new date?'
		});
		await expect(missed).toHaveCount(1);
		// Each question cites its fact and links to it in the pack.
		const factLink = missed.getByRole('link');
		const anchor = (await factLink.getAttribute('href'))!;
		await expect(page.locator(anchor)).toContainText('Unit established and officers deployed');

		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
	});

	test('picks a committee and a date; the link round-trips; it prints on A4', async ({ page }) => {
		await signInAs(page, 'mp');
		await page.goto('/briefing');
		await page.getByLabel('Committee').selectOption(DCAIS);
		await page.getByLabel('Changes since').fill('2026-05-01');
		await page.getByRole('button', { name: 'Show briefing' }).click();
		await expect(page).toHaveURL(new RegExp(`committee=${DCAIS}&since=2026-05-01`));

		const overdue = page.getByRole('region', { name: 'Newly overdue' });
		await expect(overdue.locator('#overdue-DCAIS-2025-004')).toContainText(
			'Work with the National Treasury to fund'
		);
		await expect(overdue).toContainText('Divisions, locations and sub-locations');
		// Overdue since before the date: listed apart, not as new.
		const before = overdue.getByRole('heading', { name: 'Already overdue before 1 May 2026' });
		await expect(before).toBeVisible();
		await expect(
			overdue.getByRole('listitem').filter({ hasText: 'anti-human-trafficking unit' })
		).toContainText(/due 23 Apr 2026, overdue \d+ days/);

		const changed = page.getByRole('region', { name: /^Changed since 1 May 2026/ });
		await expect(changed).toContainText('Committee follow-up letter: no report received');
		await expect(changed).toContainText(
			'At a follow-up sitting the Ministry said the unit will be launched'
		);
		await expect(changed).not.toContainText('The Ministry reports that the structure and mandate');

		// What falls due depends on the day the test runs; the section is always there.
		await expect(page.getByRole('region', { name: 'Due in the next 30 days' })).toContainText(
			/From \d+ \w+ \d{4} to/
		);
		const money = page.getByRole('region', { name: 'Money not released or not spent' });
		await expect(money).toContainText('Funding gap KES 1.9 bn');
		await expect(money).toContainText('Released 55% of KES 616 m by 31 Mar 2026');
		await expect(money).toContainText('No budget line identified');
		const questions = page
			.getByRole('region', { name: 'Suggested questions' })
			.getByRole('listitem');
		expect(await questions.count()).toBeGreaterThanOrEqual(5);
		// The heaviest first: the most days overdue (overdue before the window, so long overdue).
		await expect(questions.first()).toContainText(
			/“Create a special anti-human-trafficking unit” is long overdue.*DCAIS\/2025\/001 It was due on 23 Apr 2026 and is \d+ days late/
		);

		// The shareable link opens the same briefing for a colleague.
		const share = page.getByRole('region', { name: 'About this briefing' }).locator('a.share-link');
		const href = (await share.getAttribute('href'))!;
		expect(href).toMatch(new RegExp(`/briefing\\?committee=${DCAIS}&since=2026-05-01$`));
		const questionsHere = await questions.allTextContents();
		const colleague = await page.context().newPage();
		await colleague.goto(href);
		await expect(colleague.getByLabel('Changes since')).toHaveValue('2026-05-01');
		expect(
			await colleague
				.getByRole('region', { name: 'Suggested questions' })
				.getByRole('listitem')
				.allTextContents()
		).toEqual(questionsHere);
		await colleague.close();

		await expectNoAxeViolations(page);
		await screenshotBoth(page, 'briefing');

		// Print: no site header, navigation, form or buttons; the pack itself stays.
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('header.site-header')).toBeHidden();
		await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
		await expect(page.locator('footer')).toBeHidden();
		await expect(page.getByLabel('Committee')).toBeHidden();
		await expect(page.getByRole('button', { name: 'Show briefing' })).toBeHidden();
		await expect(page.getByRole('button', { name: /Print/ })).toBeHidden();
		await expect(page.getByRole('heading', { name: 'Suggested questions' })).toBeVisible();
		await expect(page.getByText('Online version (MP account needed):')).toBeVisible();

		const pdf = await page.pdf({ format: 'A4', printBackground: false });
		writeFileSync(test.info().outputPath('briefing.pdf'), pdf);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(10_000);
		const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
		expect(pages).toBeGreaterThanOrEqual(2);
		expect(pages).toBeLessThanOrEqual(10);
		await page.emulateMedia({ media: 'screen' });
	});

	test('explains bad parameters instead of failing', async ({ page }) => {
		await signInAs(page, 'mp');
		const res = await page.goto('/briefing?committee=no-such-committee&since=2026-02-30');
		expect(res?.status()).toBe(200);
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('No committee has that name');
		await expect(summary).toContainText('Enter the “since” date as a real date');
		await expect(page.getByRole('region', { name: 'Suggested questions' })).toHaveCount(0);
		await page.goto(`/briefing?committee=${DCAIS}&since=2999-01-01`);
		await expect(page.getByRole('alert')).toContainText('must be today');
		await page.goto('/briefing?committee=%3Cb%3E&since=%00');
		await expect(page.getByRole('alert')).toContainText('Choose a committee from the list');
		await expectNoAxeViolations(page);
	});
});

test.describe('the watchlist', () => {
	test('watch, note, and nobody else sees the note', async ({ page, browser }) => {
		const note = `Ask about the Public Service Commission timetable (${Date.now()})`;
		await signInAs(page, 'mp');
		await page.goto(NGAO);
		const panel = page.getByRole('complementary', { name: 'Your watchlist and private notes' });
		await panel.getByRole('button', { name: 'Add to my watchlist' }).click();
		await expect(panel).toContainText('You are watching this commitment.');
		await panel.getByLabel('Add a private note').fill(note);
		await panel.getByRole('button', { name: 'Save note' }).click();
		await expect(panel).toContainText(note);

		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Watchlist' })
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your watchlist');
		const item = page.getByRole('listitem').filter({
			has: page.getByRole('heading', { name: /NGAO scheme of service/ })
		});
		await expect(item).toContainText('On track');
		await expect(item).toContainText('30 Jun 2027');
		await expect(item).toContainText(
			'The draft revised scheme of service has gone to the Public Service Commission'
		);
		await expect(item.getByRole('link', { name: '1 note on DCAIS/2025/003' })).toBeVisible();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await screenshotBoth(page, 'watchlist');

		// Another user, even an admin, sees neither the note nor the MP's watchlist.
		const admin = await newSignedInPage(browser, 'admin');
		await admin.page.goto(NGAO);
		await expect(admin.page.getByRole('heading', { level: 1 })).toContainText('NGAO');
		expect(await admin.page.content()).not.toContain(note);
		await admin.page.goto('/watchlist');
		await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText('Your watchlist');
		expect(await admin.page.content()).not.toContain(note);
		await expect(admin.page.getByText(/NGAO scheme of service/)).toHaveCount(0);
		await admin.context.close();

		// Stop watching from the list.
		await item.getByRole('button', { name: 'Stop watching DCAIS/2025/003' }).click();
		await expect(page).toHaveURL(/\/watchlist$/);
		await expect(page.getByRole('heading', { name: /NGAO scheme of service/ })).toHaveCount(0);
	});
});
