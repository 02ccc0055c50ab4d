// Following by e-mail (double opt-in, throttles, tokens stored hashed, unsubscribing), change
// alerts decided in the write's transaction, MP digests, and the ministry's reminders, through
// a real SMTP server where the mail itself matters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayInNairobi } from '$lib/domain';
import type { Database } from '$lib/server/db/index';
import { hashAlertToken } from '$lib/server/alerts/tokens';
import {
	confirmFollow,
	listFollowed,
	requestFollow,
	unsubscribe
} from '$lib/server/services/alert-follow';
import { runAlertPass } from '$lib/server/services/alert-pass';
import { saveAlertSettings } from '$lib/server/services/alert-settings';
import { enqueueSubmissionAlerts } from '$lib/server/services/alert-submissions';
import { publishCommitment } from '$lib/server/services/workspace-commitments';
import { sendOutbox, transportFromEnv, type MailTransport } from '$lib/server/services/mail-sender';
import { recordUpdate, type UpdateInput } from '$lib/server/services/updates';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';
import { startSmtpSink } from '../helpers/smtp';

const ORIGIN = 'http://ahadi.test';
const FROM = 'Ahadi <alerts@ahadi.test>';
const TODAY = '2026-12-09';

let db: Database;
let basics: Awaited<ReturnType<typeof insertBasics>>;
let clerk: { id: number; name: string; email: string };
let published: number;
let draft: number;

async function insertUser(email: string, role: 'clerk' | 'mp' | 'ministry') {
	const { id } = await db
		.insertInto('users')
		.values({ email, name: email, role, password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, name: email, email };
}

async function insertCommitment(ref: string, visibility: 'draft' | 'published', dueOn: string) {
	const { id } = await db
		.insertInto('commitments')
		.values({ ...commitmentValues(basics, { ref }), visibility, due_on: dueOn })
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

function update(overrides: Partial<UpdateInput> = {}): UpdateInput {
	return {
		version: 1,
		updateOn: '2026-11-20',
		note: 'The ministry reported progress.',
		deliveryTo: null,
		proceduralTo: null,
		dueTo: null,
		reason: null,
		requestedUntil: null,
		decision: null,
		evidence: [],
		existingEvidenceIds: [],
		...overrides
	};
}

const outbox = () => db.selectFrom('outbox_messages').selectAll().orderBy('id').execute();

/** The token in the last message's link to `path` (…/alerts/confirm/TOKEN). */
async function tokenIn(path: string): Promise<string> {
	const rows = await outbox();
	const text = rows.at(-1)?.text_body ?? '';
	const match = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text);
	if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
	return match[1];
}

async function follow(email: string, kind = 'commitment' as const, key = 'K/2025/001') {
	return requestFollow(db, {
		kind,
		key,
		email,
		language: 'en',
		client: '203.0.113.9',
		origin: ORIGIN
	});
}

// Change alerts take their links' origin from ORIGIN, as in the server.
process.env.ORIGIN = ORIGIN;

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
	clerk = await insertUser('clerk@example.test', 'clerk');
	await db
		.insertInto('user_committees')
		.values({ user_id: clerk.id, committee_id: basics.committeeId })
		.execute();
	published = await insertCommitment('K/2025/001', 'published', addDays(TODAY, 14));
	draft = await insertCommitment('K/2025/002', 'draft', addDays(TODAY, 14));
});
afterEach(async () => {
	await db.destroy();
});

describe('following by e-mail', () => {
	it('asks for confirmation first, by a link whose token is stored only as a hash', async () => {
		expect(await follow('Reader@Example.test')).toBe('sent');
		const [confirmation] = await outbox();
		expect(confirmation).toMatchObject({ recipient: 'reader@example.test', kind: 'confirmation' });
		const token = await tokenIn(`${ORIGIN}/alerts/confirm`);
		const tokens = await db.selectFrom('alert_tokens').selectAll().execute();
		expect(tokens).toHaveLength(1);
		expect(tokens[0]?.id).toBe(hashAlertToken(token));
		expect(JSON.stringify(tokens)).not.toContain(token);
		// Pending: a change sends nothing yet.
		await recordUpdate(db, clerk, published, update());
		expect((await outbox()).filter((m) => m.kind === 'change')).toHaveLength(0);

		const manage = await confirmFollow(db, token);
		expect(manage).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(await confirmFollow(db, token)).toBeNull(); // used up
		expect(await listFollowed(db, manage!)).toMatchObject({
			email: 'reader@example.test',
			items: [{ kind: 'commitment', status: 'confirmed', name: 'K/2025/001: Create a unit' }]
		});
	});

	it('mails followers a change of a published commitment, with one-click unsubscribe', async () => {
		await follow('reader@example.test');
		await confirmFollow(db, await tokenIn(`${ORIGIN}/alerts/confirm`));
		await recordUpdate(db, clerk, published, update({ note: 'Cabinet approved the policy.' }));
		// A change to a draft reaches nobody.
		await recordUpdate(db, clerk, draft, update());
		const changes = (await outbox()).filter((m) => m.kind === 'change');
		expect(changes).toHaveLength(1);

		const sink = await startSmtpSink();
		const transport = transportFromEnv({ SMTP_URL: sink.url }) as MailTransport;
		try {
			await sendOutbox(db, transport, { from: FROM });
			const mail = sink.received.find((m) => m.subject === 'Ahadi: K/2025/001 has changed');
			expect(mail?.text).toContain('Update: Cabinet approved the policy.');
			expect(mail?.text).toContain(`${ORIGIN}/commitments/K%2F2025%2F001`);
			expect(mail?.text).not.toContain('K/2025/002');
			// mailparser folds List-* headers into one object; the raw lines are in headerLines.
			const line = (key: string) => mail?.headerLines.find((h) => h.key === key)?.line ?? '';
			const unsubscribeHeader = line('list-unsubscribe');
			const unsubscribeLink = /<([^>]+)>/.exec(unsubscribeHeader)?.[1] ?? '';
			expect(unsubscribeLink).toMatch(
				new RegExp(`^${ORIGIN}/alerts/unsubscribe/[A-Za-z0-9_-]{43}$`)
			);
			expect(line('list-unsubscribe-post')).toBe(
				'List-Unsubscribe-Post: List-Unsubscribe=One-Click'
			);
			expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');

			// The link in the header unsubscribes: later changes reach nobody.
			const token = unsubscribeLink.split('/').at(-1)!;
			expect(await unsubscribe(db, token, null)).toBe(true);
			await recordUpdate(db, clerk, published, update({ version: 2 }));
			expect((await outbox()).filter((m) => m.kind === 'change')).toHaveLength(1);
		} finally {
			transport.close?.();
			await sink.close();
		}
	});

	it('tells committee followers when a draft is published', async () => {
		await follow('watcher@example.test', 'committee' as never, 'k');
		await confirmFollow(db, await tokenIn(`${ORIGIN}/alerts/confirm`));
		await publishCommitment(db, clerk, draft, 1);
		const [change] = (await outbox()).filter((m) => m.kind === 'change');
		expect(change?.recipient).toBe('watcher@example.test');
		expect(change?.text_body).toContain('K/2025/002');
		expect(change?.text_body).toContain('Published on Ahadi');
	});

	it('throttles confirmations per address and requests per client, answering alike', async () => {
		for (let i = 0; i < 5; i++) expect(await follow('target@example.test')).toBe('sent');
		expect((await outbox()).filter((m) => m.kind === 'confirmation')).toHaveLength(3);
		const many = [];
		for (let i = 0; i < 6; i++) many.push(await follow(`other${i}@example.test`));
		// 5 + 6 = 11 requests from one client: the eleventh is refused.
		expect(many.slice(0, 5)).toEqual(Array(5).fill('sent'));
		expect(many[5]).toBe('client-throttled');
	});

	it('answers the same for an address that already follows, and sends nothing more', async () => {
		await follow('reader@example.test');
		await confirmFollow(db, await tokenIn(`${ORIGIN}/alerts/confirm`));
		const before = (await outbox()).length;
		expect(await follow('reader@example.test')).toBe('sent');
		expect((await outbox()).length).toBe(before);
	});

	it('lets an unconfirmed subscription expire after 7 days', async () => {
		const now = Date.now();
		await follow('late@example.test');
		await runAlertPass(db, { today: TODAY, origin: ORIGIN, now: now + 8 * 864e5 });
		expect(await db.selectFrom('alert_subscriptions').selectAll().execute()).toEqual([]);
		expect(await db.selectFrom('alert_tokens').selectAll().execute()).toEqual([]);
	});

	it('refuses drafts and unknown pages as targets', async () => {
		expect(await follow('x@example.test', 'commitment', 'K/2025/002')).toBe('unknown-target');
		expect(await follow('x@example.test', 'committee' as never, 'nope')).toBe('unknown-target');
		expect(await outbox()).toEqual([]);
	});

	it('gives followers the deadline reminders of what they follow', async () => {
		await follow('reader@example.test');
		await confirmFollow(db, await tokenIn(`${ORIGIN}/alerts/confirm`));
		const report = await runAlertPass(db, { today: TODAY, origin: ORIGIN });
		const mine = report.messages.find((m) => m.recipient === 'reader@example.test');
		expect(mine).toMatchObject({ kind: 'reminders', items: 1 });
		const row = (await outbox()).find((m) => m.dedupe_key === mine?.dedupeKey);
		expect(JSON.parse(row!.headers_json)['List-Unsubscribe-Post']).toBe(
			'List-Unsubscribe=One-Click'
		);
	});
});

describe('MP digests', () => {
	it('sends a daily digest of watched changes once, in the chosen language', async () => {
		const mp = await insertUser('mp@example.test', 'mp');
		await db.insertInto('watchlist').values({ user_id: mp.id, commitment_id: published }).execute();
		await saveAlertSettings(db, { id: mp.id, label: 'mp' }, { digest: 'daily', language: 'sw' });
		// Digests cover changes after the choice was made.
		await db
			.updateTable('alert_settings')
			.set({ digest_through: '2026-01-01T00:00:00.000Z' })
			.execute();
		await recordUpdate(db, clerk, published, update({ note: 'Mswada umewasilishwa.' }));
		await recordUpdate(db, clerk, draft, update({ note: 'Rasimu ya siri.' }));
		const today = todayInNairobi();
		const first = await runAlertPass(db, { today, origin: ORIGIN });
		const digest = first.messages.find((m) => m.kind === 'digest');
		expect(digest).toMatchObject({ recipient: 'mp@example.test', language: 'sw', items: 1 });
		const row = (await outbox()).find((m) => m.kind === 'digest');
		expect(row?.subject).toMatch(/^Ahadi: kilichobadilika/);
		expect(row?.text_body).toContain('Mswada umewasilishwa.');
		expect(row?.text_body).not.toContain('Rasimu ya siri.');
		expect(row?.text_body).toContain(`${ORIGIN}/sw/commitments/K%2F2025%2F001`);
		const again = await runAlertPass(db, { today, origin: ORIGIN });
		expect(again.queued).toBe(0);
	});

	it('mails an MP who chose instant alerts at once', async () => {
		const mp = await insertUser('mp2@example.test', 'mp');
		await db.insertInto('watchlist').values({ user_id: mp.id, commitment_id: published }).execute();
		await saveAlertSettings(db, { id: mp.id, label: 'mp' }, { digest: 'instant', language: 'en' });
		await recordUpdate(db, clerk, published, update());
		const [change] = (await outbox()).filter((m) => m.kind === 'change');
		expect(change?.recipient).toBe('mp2@example.test');
		// Users manage their mail on the account page: no list header.
		expect(JSON.parse(change!.headers_json)['List-Unsubscribe']).toBeUndefined();
	});
});

describe('ministries', () => {
	it('remind liaison officers with links to where they reply, and send a monthly digest', async () => {
		const officer = await insertUser('liaison@example.test', 'ministry');
		await db
			.insertInto('user_organisations')
			.values({ user_id: officer.id, organisation_id: basics.orgId })
			.execute();
		const report = await runAlertPass(db, { today: TODAY, origin: ORIGIN });
		const reminder = report.messages.find(
			(m) => m.recipient === 'liaison@example.test' && m.kind === 'reminders'
		);
		expect(reminder?.items).toBe(1);
		const row = (await outbox()).find((m) => m.dedupe_key === reminder?.dedupeKey);
		expect(row?.text_body).toContain(`${ORIGIN}/ministry/commitments/${published}`);
		expect(row?.text_body).not.toContain('K/2025/002');

		const monthly = await runAlertPass(db, { today: '2027-01-01', origin: ORIGIN });
		expect(monthly.messages.find((m) => m.kind === 'monthly')).toMatchObject({
			recipient: 'liaison@example.test',
			items: 1
		});
	});

	it('tells the committee clerks at once when a ministry sends a submission', async () => {
		const officer = await insertUser('liaison@example.test', 'ministry');
		const now = new Date().toISOString();
		const { id } = await db
			.insertInto('ministry_submissions')
			.values({
				commitment_id: published,
				organisation_id: basics.orgId,
				kind: 'report',
				body: 'Done.',
				created_by: officer.id,
				created_at: now,
				updated_at: now
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db.transaction().execute((trx) => enqueueSubmissionAlerts(trx, id, { origin: ORIGIN }));
		const [msg] = await outbox();
		expect(msg).toMatchObject({ recipient: 'clerk@example.test', kind: 'submission' });
		expect(msg?.subject).toBe('Ahadi: Ministry replied on K/2025/001');
		expect(msg?.text_body).toContain(`${ORIGIN}/workspace/submissions/${id}`);
	});
});
