// Reminders and alerts in the browser: an anonymous visitor follows an undertaking by e-mail
// (without JavaScript), the confirmation is read from the admin's outbox page, the link confirms,
// the manage page unsubscribes; the one-click unsubscribe answers a mail provider's POST; an MP
// chooses a daily digest; a clerk publishes a scheduled sitting and the committee's MP is told of
// it, with a briefing pack link that works. Every page in English and Kiswahili, with axe.
import { expect, request, test, type Browser } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { addDays, todayInNairobi } from '../../src/lib/domain';
import { SITTING_NOTE_LEAD_DAYS } from '../../src/lib/domain/reminders';
import { runAlertPass } from '../../src/lib/server/services/alert-pass';
import { demoAccount, ensureDemoUsers, signIn, withAppDb } from './auth-fixtures';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './fixtures';

test.beforeAll(ensureDemoUsers);

const COMMITMENT = '/commitments/DCAIS%2F2025%2F002';

async function signedIn(browser: Browser, key: 'admin' | 'mp' | 'clerkA') {
	const context = await browser.newContext();
	const page = await context.newPage();
	const account = demoAccount(key);
	await signIn(page, account.email, account.password);
	await expect(page).not.toHaveURL(/\/login/);
	return { context, page };
}

/** The confirmation link sent to `email`, read from the admin's outbox page. */
async function confirmationLinkFor(browser: Browser, email: string): Promise<string> {
	const { context, page } = await signedIn(browser, 'admin');
	try {
		await page.goto('/admin/outbox');
		await expect(page.getByRole('heading', { level: 1, name: 'Outbox' })).toBeVisible();
		const row = page.getByRole('row').filter({ hasText: email });
		await row.getByText(/^Confirm: follow/).click();
		const text = await row.locator('pre').innerText();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		const link = /http:\/\/\S+\/alerts\/confirm\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
		expect(link).toBeTruthy();
		return link!;
	} finally {
		await context.close();
	}
}

test('an anonymous visitor follows, confirms from the outbox, manages and unsubscribes', async ({
	browser
}) => {
	const email = `follower-${Date.now()}@example.test`;
	// Without JavaScript: every step is a plain form. axe needs JavaScript, so each page is
	// checked again in a second browser context that has it.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const checker = await browser.newContext();
	const checkPage = await checker.newPage();
	const check = async (url: string) => {
		await checkPage.goto(url);
		await expectNoAxeViolations(checkPage);
		await expectNoHorizontalScroll(checkPage);
	};
	await page.goto(COMMITMENT);
	const follow = page.getByRole('region', { name: 'Follow by e-mail' });
	await follow.getByLabel('Your e-mail address').fill(email);
	await follow.getByRole('button', { name: 'Follow' }).click();
	await expect(page).toHaveURL(/\/follow\?sent$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
	await check(page.url());

	const link = await confirmationLinkFor(browser, email);
	expect(link.startsWith(DEMO_URL)).toBe(true);
	await page.goto(link);
	await expect(page.getByRole('heading', { level: 1, name: 'Confirm following' })).toBeVisible();
	await check(link);
	await page.getByRole('button', { name: 'Confirm' }).click();
	await expect(page).toHaveURL(/\/alerts\/manage\/[A-Za-z0-9_-]{43}\?confirmed$/);
	await expect(page.getByRole('status')).toContainText('Confirmed');
	await expect(page.getByText('DCAIS/2025/002')).toBeVisible();
	const manageUrl = page.url().replace(/\?.*$/, '');
	const token = manageUrl.split('/').at(-1)!;
	await check(manageUrl);

	// The same page in Kiswahili.
	await page.goto(manageUrl.replace(DEMO_URL, `${DEMO_URL}/sw`));
	await expect(page.getByRole('heading', { level: 1, name: 'Unachofuatilia' })).toBeVisible();
	await check(page.url());
	await page.goto(manageUrl);

	await page.getByRole('button', { name: /^Unsubscribe from DCAIS\/2025\/002/ }).click();
	await expect(page).toHaveURL(/\?done$/);
	await expect(page.getByText('This address follows nothing.')).toBeVisible();

	// One-click unsubscribe (RFC 8058) as a mail provider sends it: a POST with no Origin.
	const provider = await request.newContext();
	const oneClick = await provider.post(`${DEMO_URL}/alerts/unsubscribe/${token}`, {
		form: { 'List-Unsubscribe': 'One-Click' }
	});
	expect(oneClick.status()).toBe(200);
	await provider.dispose();
	// Its page asks first, in both languages.
	await page.goto(`/sw/alerts/unsubscribe/${token}`);
	await expect(page.getByRole('heading', { level: 1, name: 'Jiondoe' })).toBeVisible();
	await check(page.url());
	await page.goto(`/alerts/unsubscribe/${token}`);
	await page.getByRole('button', { name: 'Unsubscribe from everything' }).click();
	await expect(page.getByRole('status')).toContainText('Unsubscribed');
	await context.close();
	await checker.close();
});

test('the follow form is on committee and organisation pages, in Kiswahili too', async ({
	page
}) => {
	await page.goto('/sw/committees/administration-internal-security');
	await expect(page.getByRole('region', { name: 'Fuatilia kwa barua pepe' })).toBeVisible();
	await expectNoAxeViolations(page);
	await page.goto('/sw/follow?sent');
	await expect(
		page.getByRole('heading', { level: 1, name: 'Angalia kikasha chako' })
	).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an MP chooses a daily digest in the language of their choice', async ({ browser }) => {
	const { context, page } = await signedIn(browser, 'mp');
	try {
		await page.goto('/account');
		await page.getByLabel('Daily digest').check();
		await page.getByLabel('Kiswahili').check();
		await page.getByRole('button', { name: 'Save alert settings' }).click();
		await expect(page).toHaveURL(/\/account\?alerts$/);
		await expect(page.getByRole('status')).toContainText('Your alert settings are saved.');
		await expect(page.getByLabel('Daily digest')).toBeChecked();
		await expect(page.getByLabel('Kiswahili')).toBeChecked();
		await expectNoAxeViolations(page);
		await expectNoHorizontalScroll(page);
		await page.goto('/sw/account');
		await expect(page.getByRole('heading', { name: 'Arifa za barua pepe' })).toBeVisible();
		await expect(page.getByLabel('Muhtasari wa kila siku')).toBeChecked();
		await expectNoAxeViolations(page);
		// Back to none, so other specs see the demo MP as before.
		await page.goto('/account');
		await page.getByLabel('None').check();
		await page.getByLabel('English').check();
		await page.getByRole('button', { name: 'Save alert settings' }).click();
		await expect(page.getByLabel('None')).toBeChecked();
	} finally {
		await context.close();
	}
});

test('a clerk publishes a scheduled sitting; the MP is told of it with the briefing pack', async ({
	browser
}) => {
	const satOn = addDays(todayInNairobi(), 30);
	const subject = `Scheduled sitting (test ${Date.now()})`;
	const sittingId = await withAppDb(async (db) => {
		const committee = await db
			.selectFrom('committees')
			.select('id')
			.where('slug', '=', 'administration-internal-security')
			.executeTakeFirstOrThrow();
		const row = await db
			.insertInto('sittings')
			.values({
				committee_id: committee.id,
				sat_on: satOn,
				subject,
				source_title: 'Order paper'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		return row.id;
	});
	const clerk = await signedIn(browser, 'clerkA');
	try {
		const { page } = clerk;
		await page.goto(`/sw/workspace/sittings/${sittingId}`);
		await expect(page.getByRole('button', { name: 'Chapisha kikao kilichopangwa' })).toBeVisible();
		await expectNoAxeViolations(page);
		await page.goto(`/workspace/sittings/${sittingId}`);
		await expectNoAxeViolations(page);
		await page.getByRole('button', { name: 'Publish the scheduled sitting' }).click();
		await expect(page.getByRole('status')).toContainText(
			'The sitting is published: the MPs of the committee will be told of it 3 days before'
		);
		await expect(page.getByRole('button', { name: 'Publish the scheduled sitting' })).toHaveCount(
			0
		);
	} finally {
		await clerk.context.close();
	}

	// The demo MP sits on that committee; with mail chosen, the pass 3 days before notes it.
	const mp = demoAccount('mp');
	const noteKey = await withAppDb(async (db) => {
		const user = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', mp.email)
			.executeTakeFirstOrThrow();
		const now = new Date().toISOString();
		await db
			.insertInto('alert_settings')
			.values({ user_id: user.id, digest: 'weekly', language: 'en', updated_at: now })
			.onConflict((oc) => oc.column('user_id').doUpdateSet({ digest: 'weekly', language: 'en' }))
			.execute();
		try {
			await runAlertPass(db, {
				today: addDays(satOn, -SITTING_NOTE_LEAD_DAYS),
				origin: DEMO_URL.replace(/\/+$/, '')
			});
		} finally {
			// Back to none, so other specs see the demo MP as before.
			await db
				.updateTable('alert_settings')
				.set({ digest: 'none' })
				.where('user_id', '=', user.id)
				.execute();
		}
		return `sitting:${sittingId}:${satOn}:u${user.id}`;
	});
	const note = await withAppDb((db) =>
		db
			.selectFrom('outbox_messages')
			.selectAll()
			.where('dedupe_key', '=', noteKey)
			.executeTakeFirstOrThrow()
	);
	expect(note.recipient).toBe(mp.email);
	expect(note.text_body).toContain(`Subject of the sitting: ${subject}`);
	const link = /http:\/\/\S+\/briefing\?committee=[a-z-]+/.exec(note.text_body)?.[0];
	expect(link).toBeTruthy();
	// The link opens the committee's briefing pack for the MP.
	const { context, page } = await signedIn(browser, 'mp');
	try {
		await page.goto(link!);
		await expect(page).toHaveTitle(/^Briefing pack: DCAIS since /);
		await expect(page.getByRole('heading', { level: 1, name: 'Briefing pack' })).toBeVisible();
	} finally {
		await context.close();
	}
});
