// Signing in and out, redirects after sign-in, throttling, CSRF, security headers, and the
// ways a session ends: expiry, sign-out, a disabled account, a password change.
import { expect, test, type Browser } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { getUserByEmail } from '../../src/lib/server/queries/users';
import { createUser } from '../../src/lib/server/services/users';
import {
	client,
	dbSnapshot,
	demoAccount,
	ensureDemoUsers,
	formBody,
	readDb,
	signIn,
	withAppDb
} from './auth-fixtures';

test.beforeAll(ensureDemoUsers);

/** A fresh MP account for a test that changes or ends it. */
async function freshUser(prefix: string, password = 'initial password 1') {
	const email = `${prefix}.${Date.now()}@ahadi.example`;
	await withAppDb(async (db) => {
		if (await getUserByEmail(db, email)) return;
		await createUser(db, SYSTEM_ACTOR, {
			email,
			name: `Test ${prefix}`,
			role: 'mp',
			committeeIds: [],
			password,
			mustChangePassword: false
		});
	});
	return { email, password };
}

async function newPage(browser: Browser) {
	const context = await browser.newContext();
	return context.newPage();
}

test.describe('signing in and out', () => {
	test('a wrong password says only that the email or password is wrong, and keeps the email', async ({
		page
	}) => {
		const { email } = demoAccount('mp');
		await signIn(page, email, 'not the password');
		const summary = page.getByRole('alert');
		await expect(summary).toContainText('There is a problem');
		await expect(summary).toContainText('The email or password is wrong');
		await expect(page.getByLabel('Email')).toHaveValue(email);
		await expect(page.getByLabel('Password')).toHaveValue('');
		await expect(page).toHaveTitle(/^Error: Sign in/);
	});

	test('signs in, shows the user in the header, and signs out', async ({ page, context }) => {
		const { email, password, name } = demoAccount('mp');
		await signIn(page, email, password);
		await expect(page).toHaveURL('/');
		const header = page.getByRole('banner');
		await expect(header.getByRole('link', { name })).toBeVisible();
		const cookie = (await context.cookies()).find((c) => c.name === 'ahadi_session')!;
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });

		await header.getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL('/');
		await expect(header.getByRole('link', { name: 'Sign in' })).toBeVisible();
		expect((await context.cookies()).find((c) => c.name === 'ahadi_session')).toBeUndefined();
		const gone = readDb('select id from sessions where id = ?', cookie.value);
		expect(gone).toEqual([]); // the stored id is a hash, never the token itself
		await page.goto('/account');
		await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
	});

	test('goes back to the page asked for after signing in, but only on this site', async ({
		page
	}) => {
		const { email, password } = demoAccount('admin');
		await page.goto('/admin/audit?entity=user');
		await expect(page).toHaveURL('/login?redirectTo=%2Fadmin%2Faudit%3Fentity%3Duser');
		await expect(page.getByText('Sign in to continue to the page you asked for.')).toBeVisible();
		await page.waitForLoadState('networkidle');
		await page.getByLabel('Email').fill(email);
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL('/admin/audit?entity=user');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');

		const other = await newPage(page.context().browser()!);
		await other.goto('/login?redirectTo=%2F%2Fevil.example%2F');
		await other.getByLabel('Email').fill(email);
		await other.getByLabel('Password').fill(password);
		await other.getByRole('button', { name: 'Sign in' }).click();
		await expect(other).toHaveURL('/workspace');
	});

	test('after 5 failures for one account from one address the answer is 429 with Retry-After', async ({
		page
	}) => {
		const api = await client();
		const email = `throttle.${Date.now()}@ahadi.example`; // no such account: throttled alike
		for (let i = 0; i < 5; i++) {
			const res = await api.post('/login', formBody({ email, password: `guess number ${i}` }));
			expect(res.status()).toBe(400);
		}
		const res = await api.post('/login', formBody({ email, password: 'one more guess' }));
		expect(res.status()).toBe(429);
		expect(Number(res.headers()['retry-after'])).toBeGreaterThan(800);
		expect(await res.text()).toContain('Too many sign-in attempts. Try again in 15 minutes.');
		// Counted per account and client address, in the database, not in memory.
		const row = readDb<{ failures: number }>(
			"select failures from login_throttle where key like 'pair:% ' || ?",
			email
		);
		expect(row[0]!.failures).toBeGreaterThan(5);

		// The browser sees the same message, with the email kept.
		await signIn(page, email, 'yet another guess');
		await expect(page.getByRole('alert')).toContainText('Too many sign-in attempts');
		await expect(page.getByLabel('Email')).toHaveValue(email);
	});

	test('a browser trusted for the account still signs in while strangers are locked out', async ({
		page,
		context
	}) => {
		const { email, password } = await freshUser('trusted');
		await signIn(page, email, password);
		await expect(page).toHaveURL('/');
		// The device cookie: HttpOnly, sent only to the sign-in pages, kept on sign-out.
		const device = (await context.cookies()).filter((c) => c.name === 'ahadi_device');
		expect(device.map((c) => c.path).sort()).toEqual(['/login', '/sw/login']);
		for (const c of device) expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
		expect((await context.cookies('http://127.0.0.1/')).map((c) => c.name)).not.toContain(
			'ahadi_device'
		);
		await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
		await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();

		// A stranger (same address, as every client here is local) fails until refused.
		const api = await client();
		for (let i = 0; i < 6; i++) await api.post('/login', formBody({ email, password: `g ${i}` }));
		const refused = await api.post('/login', formBody({ email, password }));
		expect(refused.status()).toBe(429);

		// The owner's browser presents its device cookie and gets in.
		await signIn(page, email, password);
		await expect(page).toHaveURL('/');
		await expect(
			page.getByRole('banner').getByRole('link', { name: 'Test trusted' })
		).toBeVisible();
	});

	test('a cross-origin form POST is refused (SvelteKit’s CSRF check is on)', async () => {
		const api = await client();
		const { email, password } = demoAccount('admin');
		const before = dbSnapshot();
		const res = await api.post('/login', {
			...formBody({ email, password }),
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				origin: 'https://evil.example'
			}
		});
		expect(res.status()).toBe(403);
		expect(await res.text()).toContain('Cross-site POST form submissions are forbidden');
		expect(dbSnapshot()).toBe(before);
	});
});

test.describe('how sessions end', () => {
	test('an expired session is refused and removed', async ({ page, context }) => {
		const user = await freshUser('expiry');
		await signIn(page, user.email, user.password);
		await expect(page).toHaveURL('/');
		const token = (await context.cookies()).find((c) => c.name === 'ahadi_session')!.value;
		await withAppDb(async (db) => {
			const u = (await getUserByEmail(db, user.email))!;
			await db
				.updateTable('sessions')
				.set({ expires_at: Date.now() - 1000 })
				.where('user_id', '=', u.id)
				.execute();
		});
		await page.goto('/account');
		await expect(page).toHaveURL('/login?redirectTo=%2Faccount');
		expect((await context.cookies()).find((c) => c.name === 'ahadi_session')).toBeUndefined();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const userId = readDb<{ id: number }>('select id from users where email = ?', user.email)[0]!
			.id;
		expect(readDb('select id from sessions where user_id = ?', userId)).toEqual([]);
	});

	test('disabling a user ends all their sessions at once', async ({ page, browser }) => {
		const user = await freshUser('disable');
		const phone = await newPage(browser);
		const laptop = await newPage(browser);
		for (const p of [phone, laptop]) {
			await signIn(p, user.email, user.password);
			await expect(p).toHaveURL('/');
		}

		const admin = demoAccount('admin');
		await signIn(page, admin.email, admin.password);
		await page.goto('/admin/users');
		await page.getByRole('link', { name: `Test disable` }).last().click();
		await page.getByRole('button', { name: 'Disable account' }).click();
		await expect(page.getByRole('status')).toContainText('all its sessions have ended');

		for (const p of [phone, laptop]) {
			await p.goto('/account');
			await expect(p).toHaveURL('/login?redirectTo=%2Faccount');
		}
		await signIn(phone, user.email, user.password);
		await expect(phone.getByRole('alert')).toContainText('The email or password is wrong');

		await page.getByRole('button', { name: 'Enable account' }).click();
		await signIn(phone, user.email, user.password);
		await expect(phone).toHaveURL('/');
	});

	test('changing one’s password ends the other sessions but not this one', async ({
		page,
		browser
	}) => {
		const user = await freshUser('change');
		const other = await newPage(browser);
		await signIn(other, user.email, user.password);
		await signIn(page, user.email, user.password);

		await page.goto('/account');
		await page.getByLabel('Current password').fill(user.password);
		await page.getByLabel('New password', { exact: true }).fill('my new password 2');
		await page.getByLabel('New password again').fill('my new password 2');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect(page.getByRole('status')).toContainText('Your password has been changed');

		await other.goto('/account');
		await expect(other).toHaveURL('/login?redirectTo=%2Faccount');
		await page.goto('/account');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
		await signIn(other, user.email, 'my new password 2');
		await expect(other).toHaveURL('/');
	});
});

test.describe('accounts made by an admin', () => {
	test('a new user must change the temporary password before anything else', async ({
		page,
		browser
	}) => {
		const admin = demoAccount('admin');
		const email = `new.clerk.${Date.now()}@ahadi.example`;
		await signIn(page, admin.email, admin.password);
		await page.goto('/admin/users');
		await page.getByLabel('Full name').fill('New Clerk');
		await page.getByLabel('Email address').fill(email);
		await page.getByLabel('Committee clerk').check();
		await page.getByLabel(/Departmental Committee on Administration and Internal Security/).check();
		await page.getByLabel('Temporary password').fill('short');
		await page.getByRole('button', { name: 'Add user' }).click();

		// Errors next to the field and at the top; what was typed (not the password) is kept.
		await expect(page.getByRole('alert')).toContainText(
			'Temporary password must be at least 12 characters'
		);
		await expect(page.getByLabel('Full name')).toHaveValue('New Clerk');
		await expect(page.getByLabel('Email address')).toHaveValue(email);
		await expect(page.getByLabel('Committee clerk')).toBeChecked();
		await expect(page.getByLabel('Temporary password')).toHaveValue('');

		await page.getByLabel('Temporary password').fill('temporary password 9');
		await page.getByRole('button', { name: 'Add user' }).click();
		await expect(page.getByRole('status')).toContainText('The user has been created');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('New Clerk');

		const clerk = await newPage(browser);
		await signIn(clerk, email, 'temporary password 9');
		await expect(clerk).toHaveURL('/account');
		await expect(clerk.getByText('Choose a new password to continue.')).toBeVisible();
		await clerk.goto('/commitments');
		await expect(clerk).toHaveURL('/account');
		await clerk.getByLabel('Current password').fill('temporary password 9');
		await clerk.getByLabel('New password', { exact: true }).fill('a clerk’s own password');
		await clerk.getByLabel('New password again').fill('a clerk’s own password');
		await clerk.getByRole('button', { name: 'Change password' }).click();
		await expect(clerk.getByRole('status')).toContainText('Your password has been changed');
		await clerk.goto('/commitments');
		await expect(clerk).toHaveURL('/commitments');

		await page.goto(`/admin/audit?entity=user`);
		await expect(page.getByRole('cell', { name: /user\.password_changed/ }).first()).toBeVisible();
	});
});

test.describe('drafts and roles', () => {
	test('a draft is invisible (404, not 403) to the public and to MPs', async ({ page }) => {
		const drafts = readDb<{ ref: string }>(
			"select ref from commitments where visibility = 'draft'"
		);
		// The demo data has a draft; without one this test would prove nothing.
		expect(drafts.length).toBeGreaterThan(0);
		const path = `/commitments/${encodeURIComponent(drafts[0]!.ref)}`;
		const api = await client();
		expect((await api.get(path)).status()).toBe(404);
		const mp = demoAccount('mp');
		await signIn(page, mp.email, mp.password);
		const res = await page.goto(path);
		expect(res!.status()).toBe(404);
	});

	test('anonymous visitors are sent to sign in; the wrong role gets 403', async ({ page }) => {
		const api = await client();
		const res = await api.get('/admin/users', { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe('/login?redirectTo=%2Fadmin%2Fusers');
		const clerk = demoAccount('clerkA');
		await signIn(page, clerk.email, clerk.password);
		const denied = await page.goto('/admin/users');
		expect(denied!.status()).toBe(403);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'You do not have permission to do this'
		);
	});
});

test.describe('security headers', () => {
	test('on pages, redirects, refusals and errors', async () => {
		const api = await client();
		const responses = {
			page: await api.get('/login'),
			redirect: await api.get('/admin', { maxRedirects: 0 }),
			refusal: await api.post('/admin/users?/create', formBody({})),
			notFound: await api.get('/no-such-page')
		};
		expect(responses.redirect.status()).toBe(303);
		expect(responses.refusal.status()).toBe(401);
		expect(responses.notFound.status()).toBe(404);
		for (const [kind, res] of Object.entries(responses)) {
			const h = res.headers();
			expect(h['x-content-type-options'], kind).toBe('nosniff');
			expect(h['referrer-policy'], kind).toBe('strict-origin-when-cross-origin');
			expect(h['x-frame-options'], kind).toBe('DENY');
			expect(h['content-security-policy'], kind).toContain("frame-ancestors 'none'");
			// HSTS only over HTTPS (this server is plain http; see auth-handles.test.ts).
			expect(h['strict-transport-security'], kind).toBeUndefined();
		}
		const csp = responses.page.headers()['content-security-policy']!;
		expect(csp).toContain("default-src 'self'");
		expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')*/);
		expect(csp).toContain("form-action 'self'");
	});
});
