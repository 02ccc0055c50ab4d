// Two instances on one PostgreSQL database running the scheduled pass at the same moment, as two
// servers' timers would: each message is queued once (the unique dedupe key and ON CONFLICT DO
// NOTHING), the losing instance's writes roll back whole (no stray manage token), and a third
// pass queues nothing. Runs in the "integration-postgres" project, i.e. whenever
// TEST_DATABASE_URL names a server. (The two senders sharing one outbox: alerts-outbox.test.ts.)
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain';
import { SITTING_NOTE_LEAD_DAYS } from '$lib/domain/reminders';
import { createDb, type Database } from '$lib/server/db/index';
import { runAlertPass } from '$lib/server/services/alert-pass';
import { commitmentValues, insertBasics } from '../helpers/db';
import { newDatabaseUrl } from '../helpers/test-db';

const TODAY = '2026-12-09'; // a Wednesday: reminders, digests and sitting notes, no weekly one
const ORIGIN = 'http://ahadi.test';
const CLERKS = 15;
const FOLLOWERS = 40;
const MPS = 15;

const open: Database[] = [];
afterEach(async () => {
	for (const db of open.splice(0)) await db.destroy();
});

/** Clerks, followers and MPs, each with something due today: one message apiece. */
async function seed(db: Database): Promise<number> {
	const basics = await insertBasics(db);
	for (let n = 0; n < 3; n++) {
		await db
			.insertInto('commitments')
			.values({
				...commitmentValues(basics, { ref: `K/2025/00${n}` }),
				visibility: 'published',
				due_on: addDays(TODAY, [14, 3, 0][n]!)
			})
			.execute();
	}
	await db
		.insertInto('sittings')
		.values({
			committee_id: basics.committeeId,
			sat_on: addDays(TODAY, SITTING_NOTE_LEAD_DAYS),
			subject: 'Estimates',
			source_title: 'Order paper',
			visibility: 'published'
		})
		.execute();
	const now = new Date().toISOString();
	const users = await db
		.insertInto('users')
		.values([
			...Array.from({ length: CLERKS }, (_, i) => ({
				email: `clerk${i}@example.test`,
				name: `Clerk ${i}`,
				role: 'clerk' as const,
				password_hash: 'x'
			})),
			...Array.from({ length: MPS }, (_, i) => ({
				email: `mp${i}@example.test`,
				name: `MP ${i}`,
				role: 'mp' as const,
				password_hash: 'x'
			}))
		])
		.returning(['id', 'role'])
		.execute();
	await db
		.insertInto('user_committees')
		.values(users.map((u) => ({ user_id: u.id, committee_id: basics.committeeId })))
		.execute();
	await db
		.insertInto('alert_settings')
		.values(
			users
				.filter((u) => u.role === 'mp')
				.map((u, i) => ({
					user_id: u.id,
					digest: 'weekly' as const,
					language: i % 2 ? ('sw' as const) : ('en' as const),
					updated_at: now
				}))
		)
		.execute();
	const addresses = await db
		.insertInto('alert_addresses')
		.values(
			Array.from({ length: FOLLOWERS }, (_, i) => ({
				email: `follower${i}@example.test`,
				language: 'en' as const,
				created_at: now
			}))
		)
		.returning('id')
		.execute();
	await db
		.insertInto('alert_subscriptions')
		.values(
			addresses.map((a) => ({
				address_id: a.id,
				target_kind: 'committee' as const,
				target_id: basics.committeeId,
				status: 'confirmed' as const,
				created_at: now
			}))
		)
		.execute();
	// Clerks: reminders; followers: reminders; MPs: the note before the sitting.
	return CLERKS + FOLLOWERS + MPS;
}

describe('two instances running the scheduled pass at once on PostgreSQL', () => {
	it('queue each message once, with no duplicate dedupe key and no stray token', async () => {
		const url = await newDatabaseUrl();
		const a = createDb(url);
		const b = createDb(url);
		open.push(a, b);
		const expected = await seed(a);

		// Started together, as two servers' hourly timers firing at the same moment.
		const [ra, rb] = await Promise.all([
			runAlertPass(a, { today: TODAY, origin: ORIGIN }),
			runAlertPass(b, { today: TODAY, origin: ORIGIN })
		]);
		expect(ra.messages).toHaveLength(expected);
		expect(rb.messages).toHaveLength(expected);
		expect(ra.queued + rb.queued).toBe(expected);

		const rows = await a
			.selectFrom('outbox_messages')
			.select(['kind', (eb) => eb.fn.countAll<string>().as('n')])
			.groupBy('kind')
			.orderBy('kind')
			.execute();
		expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
			['reminders', CLERKS + FOLLOWERS],
			['sitting', MPS]
		]);
		const duplicates = await sql<{ dedupe_key: string }>`
			select dedupe_key from outbox_messages group by dedupe_key having count(*) > 1
		`.execute(a);
		expect(duplicates.rows).toEqual([]);
		// One manage token per follower's message: the loser's token rolled back with its insert.
		const tokens = await a
			.selectFrom('alert_tokens')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(tokens.n)).toBe(FOLLOWERS);

		const again = await runAlertPass(b, { today: TODAY, origin: ORIGIN });
		expect(again.queued).toBe(0);
	}, 60_000);
});
