// The MP's note before a sitting of their committee: a clerk publishes a sitting dated after
// today (a draft sitting is never read: MPs do not see drafts), and the scheduled pass tells
// each MP of the committee who chose any mail, SITTING_NOTE_LEAD_DAYS before, in their language,
// with the briefing pack's link and what is overdue or falls due soon; once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain';
import { SITTING_NOTE_LEAD_DAYS } from '$lib/domain/reminders';
import type { Database } from '$lib/server/db/index';
import { InputError } from '$lib/server/errors';
import { runAlertPass } from '$lib/server/services/alert-pass';
import { saveAlertSettings } from '$lib/server/services/alert-settings';
import { announceSitting, saveSitting } from '$lib/server/services/sittings';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';

const ORIGIN = 'http://ahadi.test';
const TODAY = '2026-12-09';
const SITS_ON = addDays(TODAY, SITTING_NOTE_LEAD_DAYS);

let db: Database;
let basics: Awaited<ReturnType<typeof insertBasics>>;
let clerk: { id: number; name: string; email: string };
let sittingId: number;

async function insertUser(email: string, role: 'clerk' | 'mp', committeeId: number) {
	const { id } = await db
		.insertInto('users')
		.values({ email, name: email, role, password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('user_committees')
		.values({ user_id: id, committee_id: committeeId })
		.execute();
	return id;
}

const notes = () =>
	db
		.selectFrom('outbox_messages')
		.selectAll()
		.where('kind', '=', 'sitting')
		.orderBy('recipient')
		.execute();

const pass = (today = TODAY) => runAlertPass(db, { today, origin: ORIGIN });

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
	const other = await db
		.insertInto('committees')
		.values({ slug: 'other', name: 'Other', abbreviation: 'O', house: 'national_assembly' })
		.returning('id')
		.executeTakeFirstOrThrow();
	clerk = {
		id: await insertUser('clerk@example.test', 'clerk', basics.committeeId),
		name: 'Clerk',
		email: 'clerk@example.test'
	};
	const mp = async (email: string, digest: 'daily' | 'weekly' | 'none' | null, lang = 'en') => {
		const id = await insertUser(email, 'mp', basics.committeeId);
		if (digest) {
			await saveAlertSettings(db, { id, label: email }, { digest, language: lang as 'en' | 'sw' });
		}
	};
	await mp('daily@example.test', 'daily');
	await mp('kila-wiki@example.test', 'weekly', 'sw');
	await mp('none@example.test', 'none');
	await mp('unset@example.test', null);
	// An MP of another committee only.
	const elsewhere = await insertUser('elsewhere@example.test', 'mp', other.id);
	await saveAlertSettings(db, { id: elsewhere, label: 'x' }, { digest: 'daily', language: 'en' });
	const add = (ref: string, dueOn: string, visibility: 'draft' | 'published') =>
		db
			.insertInto('commitments')
			.values({ ...commitmentValues(basics, { ref }), due_on: dueOn, visibility })
			.execute();
	await add('K/2025/001', addDays(TODAY, -10), 'published'); // overdue
	await add('K/2025/002', addDays(TODAY, 20), 'published'); // due soon
	await add('K/2025/003', addDays(TODAY, 5), 'draft'); // never counted
	await add('K/2025/004', addDays(TODAY, 90), 'published'); // not soon
	({ id: sittingId } = await db
		.insertInto('sittings')
		.values({
			committee_id: basics.committeeId,
			sat_on: SITS_ON,
			subject: 'Supplementary estimates',
			source_title: 'Order paper'
		})
		.returning('id')
		.executeTakeFirstOrThrow());
});
afterEach(async () => {
	await db.destroy();
});

describe('the note before a sitting', () => {
	it('is never sent for a draft sitting', async () => {
		await pass();
		expect(await notes()).toEqual([]);
	});

	it('tells each MP of the committee who chose any mail, once, with the briefing pack', async () => {
		await announceSitting(db, clerk, sittingId, 1, { today: TODAY });
		const first = await pass();
		expect(first.messages.filter((m) => m.kind === 'sitting').map((m) => m.recipient)).toEqual([
			'daily@example.test',
			'kila-wiki@example.test'
		]);
		const [en, sw] = await notes();
		expect(en?.subject).toBe('Ahadi: Committee sits on 12 Dec 2026');
		expect(en?.dedupe_key).toMatch(new RegExp(`^sitting:${sittingId}:${SITS_ON}:u\\d+$`));
		expect(en?.text_body).toContain('Subject of the sitting: Supplementary estimates');
		expect(en?.text_body).toContain(`Briefing pack: Committee\n`);
		expect(en?.text_body).toContain(`${ORIGIN}/briefing?committee=k`);
		expect(en?.html_body).toContain(`href="${ORIGIN}/briefing?committee=k"`);
		expect(en?.text_body).toContain('Overdue undertakings: 1');
		expect(en?.text_body).toContain('Falling due in the next 30 days: 1');
		expect(en?.text_body).toContain(`${ORIGIN}/account`);
		expect(sw?.language).toBe('sw');
		expect(sw?.subject).toBe('Ahadi: Committee itakuwa na kikao tarehe 12 Desemba 2026');
		expect(sw?.text_body).toContain(`${ORIGIN}/sw/briefing?committee=k`);
		expect(sw?.text_body).toContain('Ahadi zilizochelewa: 1');
		expect(JSON.parse(sw!.headers_json)['Auto-Submitted']).toBe('auto-generated');

		const again = await pass();
		expect(again.queued).toBe(0);
		expect(await notes()).toHaveLength(2);
		// The next day, still before the sitting: nothing new either.
		await pass(addDays(TODAY, 1));
		expect(await notes()).toHaveLength(2);
	});

	it('waits until the lead time, and notes a sitting moved to another day again', async () => {
		await db
			.updateTable('sittings')
			.set({ sat_on: addDays(SITS_ON, 1) })
			.execute();
		await announceSitting(db, clerk, sittingId, 1, { today: TODAY });
		await pass();
		expect(await notes()).toEqual([]);
		await pass(addDays(TODAY, 1));
		expect(await notes()).toHaveLength(2);
		// Moved a week later: a new note when that date comes near.
		const row = await db
			.selectFrom('sittings')
			.select('version')
			.where('id', '=', sittingId)
			.executeTakeFirstOrThrow();
		await saveSitting(db, clerk, sittingId, row.version, {
			satOn: addDays(SITS_ON, 8),
			subject: 'Supplementary estimates',
			sourceTitle: 'Order paper',
			sourceUrl: null,
			sourceLocator: null,
			appearances: []
		});
		await pass(addDays(TODAY, 8));
		expect(await notes()).toHaveLength(4);
		// On the day of the sitting itself, nothing: it is no longer ahead.
		await db.deleteFrom('outbox_messages').execute();
		await pass(addDays(SITS_ON, 8));
		expect(await notes()).toEqual([]);
	});

	it('can be published ahead only when dated after today', async () => {
		await expect(
			announceSitting(db, clerk, sittingId, 1, { today: SITS_ON })
		).rejects.toBeInstanceOf(InputError);
		await announceSitting(db, clerk, sittingId, 1, { today: TODAY });
		await expect(announceSitting(db, clerk, sittingId, 2, { today: TODAY })).rejects.toBeInstanceOf(
			InputError
		);
		const sitting = await db
			.selectFrom('sittings')
			.selectAll()
			.where('id', '=', sittingId)
			.executeTakeFirstOrThrow();
		expect(sitting).toMatchObject({ visibility: 'published', version: 2 });
	});
});
