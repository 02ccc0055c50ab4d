// The Kiswahili briefing pack is Kiswahili throughout: no interface text of the English pack
// (the English of a message whose Kiswahili differs) is left in it. Recorded content (titles,
// notes, reasons, source and line names, committee names) stays as recorded in both languages,
// so it is taken out of both pages before they are compared.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { demoAccount, ensureDemoUsers, readDb, signIn } from './auth-fixtures';

const DCAIS = 'administration-internal-security';
const WINDOWS = ['2025-04-23', '2026-05-01'];

test.beforeAll(ensureDemoUsers);

type Message = string | { match: Record<string, string> }[];

function variants(message: Message): string[] {
	return typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
}

/** The literal pieces between a message's placeholders that hold a word of three letters. */
function pieces(text: string): string[] {
	return text
		.split(/\{[^}]*\}/)
		.map((piece) => piece.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, ''))
		.filter((piece) => /\p{L}{3,}/u.test(piece));
}

/** Every piece of English interface text that reads differently in Kiswahili. */
function englishPieces(): string[] {
	const en = JSON.parse(readFileSync('messages/en.json', 'utf8')) as Record<string, Message>;
	const sw = JSON.parse(readFileSync('messages/sw.json', 'utf8')) as Record<string, Message>;
	const out = new Set<string>();
	for (const [key, message] of Object.entries(en)) {
		if (key === '$schema' || JSON.stringify(message) === JSON.stringify(sw[key])) continue;
		const kiswahili = new Set(variants(sw[key] ?? '').flatMap(pieces));
		for (const piece of variants(message).flatMap(pieces)) {
			if (!kiswahili.has(piece)) out.add(piece);
		}
	}
	return [...out];
}

/** Free text as the clerks recorded it, shown as recorded whatever the page's language. */
function recordedTexts(): string[] {
	const rows = readDb<{ text: string | null }>(
		`select name as text from committees
		 union select title from commitments union select due_basis from commitments
		 union select title from milestones union select title from evidence
		 union select note from updates union select reason from updates
		 union select reason from due_date_changes
		 union select vote_name from budget_lines union select programme from budget_lines
		 union select sub_programme from budget_lines union select source_title from budget_figures`
	);
	return rows
		.map((r) => r.text?.trim() ?? '')
		.filter((t) => t.length > 0)
		.sort((a, b) => b.length - a.length);
}

/** The pack's text and labels, with recorded content and addresses taken out. */
async function interfaceText(page: Page, path: string, recorded: string[]): Promise<string> {
	const response = await page.goto(path);
	expect(response?.status()).toBe(200);
	const main = page.locator('main');
	await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
	const parts = await main.evaluate((el) => [
		el.textContent ?? '',
		...[...el.querySelectorAll('[aria-label], [title]')].map(
			(e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`
		)
	]);
	let text = parts.join('\n').replace(/\s+/g, ' ');
	for (const r of recorded) text = text.split(r.replace(/\s+/g, ' ')).join(' ¦ ');
	return text.replace(/https?:\/\/\S+/g, ' ¦ ');
}

function occurs(piece: string, text: string): boolean {
	const escaped = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(?<!\\p{L})${escaped}(?!\\p{L})`, 'u').test(text);
}

test('the Kiswahili briefing pack holds none of the English pack’s interface text', async ({
	page
}) => {
	const account = demoAccount('mp');
	await signIn(page, account.email, account.password);
	const recorded = recordedTexts();
	const english = englishPieces();
	const pages = [
		// The pack, in two windows: the widest (every section full) and a later one.
		...WINDOWS.map((since) => ({
			query: `/briefing?committee=${DCAIS}&since=${since}`,
			least: 40
		})),
		// The form with an error on each field.
		{ query: '/briefing?committee=no-such-committee&since=2999-01-01', least: 8 }
	];
	for (const { query, least } of pages) {
		const en = await interfaceText(page, query, recorded);
		const sw = await interfaceText(page, `/sw${query}`, recorded);
		// The English pieces this page uses: a good many, or the comparison proves nothing.
		const used = english.filter((piece) => occurs(piece, en));
		expect(used.length, `English interface text found in ${query}`).toBeGreaterThan(least);
		const left = used.filter((piece) => occurs(piece, sw));
		expect(left, `English left in /sw${query}`).toEqual([]);
	}
});
