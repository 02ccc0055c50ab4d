// The printed briefing pack leads with what to ask: the position in brief, then the questions
// (the heaviest first), then the detail; every page carries the committee, the date and its
// number. Printed by Chromium (page.pdf, as the browser's Print does) and read back per page
// with pdftotext.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { demoAccount, ensureDemoUsers, signIn } from './auth-fixtures';

const DCAIS = 'administration-internal-security';

test.beforeAll(ensureDemoUsers);

function pdfPages(file: string): string[] {
	const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
	// pdftotext ends every page with a form feed.
	return text.split('\f').slice(0, -1);
}

const flat = (s: string) => s.replace(/\s+/g, ' ');

for (const lang of [
	{ prefix: '', brief: 'The position in brief', questions: 'Suggested questions', page: 'Page' },
	{ prefix: '/sw', brief: 'Hali kwa ufupi', questions: 'Maswali yanayopendekezwa', page: 'Ukurasa' }
]) {
	test(`the printed pack leads with the position and the questions${lang.prefix}`, async ({
		page
	}) => {
		const mp = demoAccount('mp');
		await signIn(page, mp.email, mp.password);
		await page.goto(`${lang.prefix}/briefing?committee=${DCAIS}&since=2025-04-23`);
		// The heaviest question on screen: the commitment the summary names as the most overdue.
		const worst = page.locator('section[aria-labelledby="position"] a[href^="#overdue-"]');
		const worstAnchor = (await worst.getAttribute('href'))!;
		const first = page.locator('section[aria-labelledby="questions"] ol > li').first();
		await expect(first.getByRole('link').first()).toHaveAttribute('href', worstAnchor);
		const asks = (
			await page.locator('section[aria-labelledby="questions"] .ask').allTextContents()
		).map((t) => flat(t).trim().slice(0, 60));
		expect(asks.length).toBeGreaterThanOrEqual(5);

		await page.emulateMedia({ media: 'print' });
		const file = test.info().outputPath('briefing.pdf');
		writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
		const pages = pdfPages(file).map(flat);
		expect(pages.length).toBeGreaterThanOrEqual(2);
		const all = pages.join(' ');

		// Summary, then questions, then the detail (the change log opens it).
		const at = (s: string) => all.indexOf(s);
		expect(at(lang.brief)).toBeGreaterThan(-1);
		expect(at(lang.questions)).toBeGreaterThan(at(lang.brief));
		const changed = all.indexOf(
			lang.prefix ? 'Yaliyobadilika tangu' : 'Changed since',
			at(lang.questions)
		);
		expect(changed).toBeGreaterThan(at(lang.questions));
		// The summary and the first questions are on the first page.
		expect(pages[0]).toContain(lang.brief);
		expect(pages[0]).toContain(lang.questions);
		// The questions print in their ranked order, the heaviest (the most overdue) first, and
		// all before the detail.
		let cursor = at(lang.questions);
		for (const ask of asks) {
			const found = all.indexOf(ask, cursor + 1);
			expect(found, `“${ask}…” printed after the question before it`).toBeGreaterThan(cursor);
			cursor = found;
		}
		expect(cursor).toBeLessThan(changed);

		// Every page: the committee and the date at the top, "Page n of N" at the foot.
		pages.forEach((text, i) => {
			expect(text, `page ${i + 1}`).toContain('Administration and Internal Security (DCAIS)');
			expect(text, `page ${i + 1}`).toMatch(/\d{1,2} \S+ 20\d\d/);
			const of = lang.prefix ? 'kati ya' : 'of';
			expect(text, `page ${i + 1}`).toContain(`${lang.page} ${i + 1} ${of} ${pages.length}`);
		});
	});
}
