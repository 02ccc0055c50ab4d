// Helpers for the sign-in, account and admin end-to-end tests: the demo accounts, signed-in
// HTTP clients, and read-only snapshots of the server's database file.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_URL } from '../../playwright.config';
import { DEMO_ACCOUNTS, seedDemoUsers } from '../../db/seeds/demo-users';
import { createDb, type Database as AppDb } from '../../src/lib/server/db/index';

/**
 * The database file the demo server (playwright.config.ts) runs on. The reliability fuzz
 * (tests/reliability) reuses the matrix rows against its own server and sets AHADI_MATRIX_DB.
 */
export const DEMO_DB = process.env.AHADI_MATRIX_DB ?? 'test-results/e2e-demo.db';

/** Opens the server's database for set-up that is not itself under test. */
export async function withAppDb<T>(fn: (db: AppDb) => Promise<T>): Promise<T> {
	const db = createDb(DEMO_DB);
	try {
		return await fn(db);
	} finally {
		await db.destroy();
	}
}

/**
 * The demo accounts. `scripts/db.ts seed` creates them with the demo data; creating them here
 * too (idempotent) keeps these tests independent of that.
 */
export async function ensureDemoUsers() {
	await withAppDb((db) => seedDemoUsers(db));
}

type DemoKey = 'admin' | 'clerkA' | 'clerkB' | 'mp' | 'ministry';
const EMAILS: Record<DemoKey, string> = {
	admin: 'admin@ahadi.example',
	clerkA: 'clerk@ahadi.example',
	clerkB: 'finance.clerk@ahadi.example',
	mp: 'mp@ahadi.example',
	ministry: 'ministry@ahadi.example'
};

export function demoAccount(key: DemoKey) {
	const account = DEMO_ACCOUNTS.find((a) => a.email === EMAILS[key]);
	if (!account) throw new Error(`no demo account ${key}`);
	return account;
}

/** Every row of every table, hashed: equal snapshots mean the request wrote nothing. */
export function dbSnapshot(): string {
	const sqlite = new Database(DEMO_DB, { readonly: true, fileMustExist: true });
	try {
		const hash = createHash('sha256');
		const tables = sqlite
			.prepare(
				"select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name"
			)
			.all() as { name: string }[];
		for (const { name } of tables) {
			hash.update(name);
			for (const row of sqlite.prepare(`select * from "${name}" order by rowid`).iterate()) {
				hash.update(JSON.stringify(row));
			}
		}
		return hash.digest('hex');
	} finally {
		sqlite.close();
	}
}

export function readDb<T>(query: string, ...params: unknown[]): T[] {
	const sqlite = new Database(DEMO_DB, { readonly: true, fileMustExist: true });
	try {
		return sqlite.prepare(query).all(...params) as T[];
	} finally {
		sqlite.close();
	}
}

/** Runs one write on the app's database directly (set-up only, never what a test checks). */
export function writeDb(query: string, ...params: unknown[]): void {
	const sqlite = new Database(DEMO_DB, { fileMustExist: true });
	try {
		sqlite.pragma('busy_timeout = 5000');
		sqlite.prepare(query).run(...params);
	} finally {
		sqlite.close();
	}
}

/** An HTTP client that behaves like a browser posting a form from this site. */
export async function client(): Promise<APIRequestContext> {
	return request.newContext({
		baseURL: DEMO_URL,
		extraHTTPHeaders: { origin: DEMO_URL, accept: 'text/html' }
	});
}

export function formBody(form: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) {
		for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
	}
	return {
		data: body.toString(),
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		maxRedirects: 0
	};
}

/** A client signed in over HTTP as `email`. */
export async function signedInClient(email: string, password: string) {
	const api = await client();
	const res = await api.post('/login', formBody({ email, password }));
	expect(res.status(), `sign in as ${email}`).toBe(303);
	return api;
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password: string) {
	// The page ships no JavaScript (no-javascript.spec.ts): nothing can reset the form once typed.
	await page.goto('/login');
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	// Signed in or refused, the answer has arrived once the network is quiet.
	await page.waitForLoadState('networkidle');
}
