// Reminders through the outbox to a real SMTP server: what arrives (content, headers, language,
// links), that a second pass for the same date sends nothing, retries with backoff and the
// failed status, and that two senders on one database send each message once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain';
import { createDb, type Database } from '$lib/server/db/index';
import { runAlertPass } from '$lib/server/services/alert-pass';
import { sendOutbox, transportFromEnv, type MailTransport } from '$lib/server/services/mail-sender';
import { insertOutboxMessage } from '$lib/server/queries/outbox';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';
import { newDatabaseUrl } from '../helpers/test-db';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp';

const TODAY = '2026-12-09'; // a Wednesday: no weekly digest
const ORIGIN = 'http://ahadi.test';
const FROM = 'Ahadi <alerts@ahadi.test>';

let db: Database;
let sink: SmtpSink & { count: () => number };
let basics: Awaited<ReturnType<typeof insertBasics>>;

async function addClerk(email: string, language: 'en' | 'sw' | null) {
	const { id } = await db
		.insertInto('users')
		.values({ email, name: email, role: 'clerk', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	await db
		.insertInto('user_committees')
		.values({ user_id: id, committee_id: basics.committeeId })
		.execute();
	if (language) {
		await db
			.insertInto('alert_settings')
			.values({ user_id: id, language, updated_at: new Date().toISOString() })
			.execute();
	}
	return id;
}

async function addCommitment(ref: string, dueOn: string, visibility: 'draft' | 'published') {
	await db
		.insertInto('commitments')
		.values({
			...commitmentValues(basics, { ref, title: `Title of ${ref}` }),
			due_on: dueOn,
			visibility
		})
		.execute();
}

const transports: MailTransport[] = [];
/** A transport as the server makes it (pooled), closed after the test. */
function smtp(url: string): MailTransport {
	const t = transportFromEnv({ SMTP_URL: url }) as MailTransport;
	transports.push(t);
	return t;
}
const transport = () => smtp(sink.url);

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
	sink = await startSmtpSink();
});
afterEach(async () => {
	for (const t of transports.splice(0)) t.close?.();
	await sink.close();
	await db.destroy();
});

describe('scheduled reminders through SMTP', () => {
	beforeEach(async () => {
		await addClerk('clerk@example.test', null);
		await addClerk('karani@example.test', 'sw');
		await addCommitment('K/2026/014', addDays(TODAY, 14), 'published');
		await addCommitment('K/2026/003', addDays(TODAY, 3), 'published');
		await addCommitment('K/2026/000', TODAY, 'published');
		await addCommitment('K/2026/W07', addDays(TODAY, -7), 'published');
		await addCommitment('K/2026/W08', addDays(TODAY, -8), 'published'); // not a reminder day
		await addCommitment('K/2026/D14', addDays(TODAY, 14), 'draft'); // never mailed
	});

	it('bundles one message per clerk, in their language, with absolute links and the right headers', async () => {
		const report = await runAlertPass(db, { today: TODAY, origin: ORIGIN });
		expect(report.queued).toBe(2);
		const sent = await sendOutbox(db, transport(), { from: FROM });
		expect(sent).toEqual({ sent: 2, retried: 0, failed: 0 });
		expect(sink.received).toHaveLength(2);

		const en = sink.received.find(
			(m) => m.to && JSON.stringify(m.to).includes('clerk@example.test')
		);
		const sw = sink.received.find((m) => m.to && JSON.stringify(m.to).includes('karani@'));
		expect(en?.subject).toBe('Ahadi reminders for 9 Dec 2026');
		expect(sw?.subject).toBe('Vikumbusho vya Ahadi vya 9 Desemba 2026');
		for (const ref of ['K/2026/014', 'K/2026/003', 'K/2026/000', 'K/2026/W07']) {
			expect(en?.text).toContain(ref);
			expect(en?.text).toContain(`${ORIGIN}/commitments/${encodeURIComponent(ref)}`);
			expect(sw?.text).toContain(`${ORIGIN}/sw/commitments/${encodeURIComponent(ref)}`);
			expect(en?.html).toContain(`href="${ORIGIN}/commitments/${encodeURIComponent(ref)}"`);
		}
		expect(en?.text).toContain('Due in 14 days');
		expect(en?.text).toContain('Due in 3 days');
		expect(en?.text).toContain('Due today');
		expect(en?.text).toContain('Overdue by 7 days');
		expect(en?.text).toContain('Due date: 23 Dec 2026');
		expect(sw?.text).toContain('Imechelewa kwa siku 7');
		for (const mail of [en, sw]) {
			expect(mail?.text).not.toContain('K/2026/D14');
			expect(mail?.html).not.toContain('K/2026/D14');
			expect(mail?.text).not.toContain('K/2026/W08');
			expect(mail?.headers.get('auto-submitted')).toBe('auto-generated');
			expect(mail?.messageId).toMatch(/^<[0-9a-f]{32}@ahadi\.test>$/);
			// Clerks manage their mail on their account page: no list to unsubscribe from.
			// (mailparser folds List-* headers into one object: look at the raw lines.)
			expect(mail?.headerLines.map((h) => h.key)).not.toContain('list-unsubscribe');
			expect(mail?.headerLines.map((h) => h.key)).toContain('auto-submitted');
		}
		expect(en?.text).toContain(`${ORIGIN}/account`);
		expect(sw?.headers.get('content-language')).toBe('sw');
	});

	it('queues and sends nothing new on a second pass for the same date', async () => {
		await runAlertPass(db, { today: TODAY, origin: ORIGIN });
		await sendOutbox(db, transport(), { from: FROM });
		const again = await runAlertPass(db, { today: TODAY, origin: ORIGIN });
		expect(again.queued).toBe(0);
		expect(again.messages.every((m) => !m.isNew)).toBe(true);
		expect(await sendOutbox(db, transport(), { from: FROM })).toEqual({
			sent: 0,
			retried: 0,
			failed: 0
		});
		expect(sink.count()).toBe(2);
	});

	it('writes nothing on a dry run', async () => {
		const report = await runAlertPass(db, { today: TODAY, origin: ORIGIN, dryRun: true });
		expect(report.messages).toHaveLength(2);
		expect(report.messages[0]?.subject).toContain('Ahadi');
		const rows = await db.selectFrom('outbox_messages').select('id').execute();
		expect(rows).toEqual([]);
	});

	it('finds nothing to remind of on a day without a reminder stage', async () => {
		const report = await runAlertPass(db, { today: addDays(TODAY, 1), origin: ORIGIN });
		// 13 and 2 days before, and 8 and 9 days overdue: no stage.
		expect(report.messages.map((m) => m.kind)).not.toContain('reminders');
	});
});

describe('the sender', () => {
	const message = (n: number) => ({
		dedupeKey: `test:${n}`,
		recipient: `r${n}@example.test`,
		language: 'en' as const,
		kind: 'test',
		subject: `Message ${n}`,
		text: `Text ${n}`,
		html: `<p>Text ${n}</p>`,
		headers: { 'Message-ID': `<m${n}@ahadi.test>` }
	});

	it('retries with growing waits and marks a message failed after the last attempt', async () => {
		const refusing = await startSmtpSink({ reject: true });
		try {
			const bad = smtp(refusing.url);
			let clock = 1_000_000;
			await insertOutboxMessage(db, message(1), clock);
			const opts = { from: FROM, maxAttempts: 3, baseDelayMs: 1000, now: () => clock };
			expect(await sendOutbox(db, bad, opts)).toEqual({ sent: 0, retried: 1, failed: 0 });
			const row = () => db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();
			expect(await row()).toMatchObject({
				status: 'pending',
				attempts: 1,
				next_attempt_at: clock + 1000
			});
			expect((await row()).last_error).toMatch(/550|Mailbox unavailable/);
			// Not due yet: nothing is tried.
			expect(await sendOutbox(db, bad, opts)).toEqual({ sent: 0, retried: 0, failed: 0 });
			clock += 1000;
			expect(await sendOutbox(db, bad, opts)).toEqual({ sent: 0, retried: 1, failed: 0 });
			expect(await row()).toMatchObject({ attempts: 2, next_attempt_at: clock + 2000 });
			clock += 2000;
			expect(await sendOutbox(db, bad, opts)).toEqual({ sent: 0, retried: 0, failed: 1 });
			expect(await row()).toMatchObject({ status: 'failed', attempts: 3 });
			clock += 1e9;
			expect(await sendOutbox(db, transport(), opts)).toEqual({ sent: 0, retried: 0, failed: 0 });
		} finally {
			for (const t of transports.splice(0)) t.close?.();
			await refusing.close();
		}
	});

	it('delivers a message that failed once when the server is back', async () => {
		let clock = 5_000_000;
		await insertOutboxMessage(db, message(2), clock);
		const down: MailTransport = {
			sendMail: () => Promise.reject(new Error('connect ECONNREFUSED'))
		};
		const opts = { from: FROM, baseDelayMs: 10, now: () => clock };
		expect((await sendOutbox(db, down, opts)).retried).toBe(1);
		clock += 10;
		expect((await sendOutbox(db, transport(), opts)).sent).toBe(1);
		expect(sink.received[0]?.messageId).toBe('<m2@ahadi.test>');
		const row = await db.selectFrom('outbox_messages').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
	});

	it('sends each message once when two senders share one database', async () => {
		const url = await newDatabaseUrl();
		const a = createDb(url);
		const b = createDb(url);
		try {
			for (let n = 0; n < 60; n++) await insertOutboxMessage(a, message(n));
			const t = transport();
			const [ra, rb] = await Promise.all([
				sendOutbox(a, t, { from: FROM, batchSize: 5 }),
				sendOutbox(b, t, { from: FROM, batchSize: 5 })
			]);
			expect(ra.sent + rb.sent).toBe(60);
			// Both did some of the work, and no message arrived twice.
			expect(ra.sent).toBeGreaterThan(0);
			expect(rb.sent).toBeGreaterThan(0);
			expect(sink.received).toHaveLength(60);
			expect(new Set(sink.received.map((m) => m.messageId)).size).toBe(60);
		} finally {
			await a.destroy();
			await b.destroy();
		}
	}, 30_000);
});
