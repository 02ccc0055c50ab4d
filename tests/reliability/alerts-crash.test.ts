// The scheduled pass and the sender killed with SIGKILL (no shutdown code runs), as the crash
// test does to the server: `npm run notify` on the demo database with 2,000 followers of a
// committee whose undertaking falls due in 14 days. Killed mid-pass, every message already
// written is whole (its manage token is there) and a second run writes the rest, none twice.
// Killed mid-send, a second run delivers the rest: no message is lost, and at most the one in
// flight at the kill arrives twice, with the same Message-ID.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import { startSmtpSink } from '../helpers/smtp';
import { freshDemoDb, one, query } from './helpers/db';
import { root } from './helpers/paths';

const TODAY = '2027-03-17'; // DCAIS/2025/002 falls due on 31 March 2027
const FOLLOWERS = 2000;
const dbFile = freshDemoDb('alerts-crash');
const children: ChildProcess[] = [];
const output = new WeakMap<ChildProcess, string[]>();

afterAll(() => {
	for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

function addFollowers() {
	const db = new Database(dbFile);
	try {
		const committee = db
			.prepare(`select committee_id as id from commitments where ref = 'DCAIS/2025/002'`)
			.get() as { id: number };
		const now = new Date().toISOString();
		const address = db.prepare(
			`insert into alert_addresses (email, language, created_at) values (?, ?, ?)`
		);
		const subscription = db.prepare(
			`insert into alert_subscriptions (address_id, target_kind, target_id, status, created_at)
			 values (?, 'committee', ?, 'confirmed', ?)`
		);
		db.transaction(() => {
			for (let i = 0; i < FOLLOWERS; i++) {
				const { lastInsertRowid } = address.run(`f${i}@example.test`, i % 2 ? 'sw' : 'en', now);
				subscription.run(lastInsertRowid, committee.id, now);
			}
		})();
	} finally {
		db.close();
	}
}

/** Starts `npm run notify -- --now TODAY` on the test database. */
function notify(env: Record<string, string> = {}): ChildProcess {
	const child = spawn(
		join(root, 'node_modules', '.bin', 'tsx'),
		['scripts/notify.ts', '--now', TODAY],
		{
			cwd: root,
			env: { ...process.env, DATABASE_URL: dbFile, ORIGIN: 'http://ahadi.test', ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	children.push(child);
	// Read everything it prints: an unread pipe fills up and blocks the child.
	const lines: string[] = [];
	output.set(child, lines);
	child.stdout?.on('data', (d: Buffer) => lines.push(d.toString()));
	child.stderr?.on('data', (d: Buffer) => lines.push(d.toString()));
	return child;
}

function exited(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
		else child.on('exit', (code) => resolve(code));
	});
}

/** SIGKILLs `child` once `reached()` holds (checked every 20 ms); false if it finished first. */
async function killWhen(child: ChildProcess, reached: () => boolean): Promise<boolean> {
	for (;;) {
		if (child.exitCode !== null) return false;
		if (reached()) {
			child.kill('SIGKILL');
			await exited(child);
			return true;
		}
		await new Promise((r) => setTimeout(r, 20));
	}
}

const outboxCount = () => one<{ n: number }>(dbFile, 'select count(*) as n from outbox_messages').n;

describe('alerts survive SIGKILL', () => {
	test('killed mid-pass: whole messages only, and the next run writes the rest once', async () => {
		addFollowers();
		const first = notify();
		expect(await killWhen(first, () => outboxCount() >= 300)).toBe(true);
		const partial = outboxCount();
		expect(partial).toBeLessThan(FOLLOWERS);

		// Every follower message written so far carries a manage token that was stored with it.
		const rows = query<{ text_body: string }>(
			dbFile,
			`select text_body from outbox_messages where text_body like '%/alerts/manage/%'`
		);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			const token = /\/alerts\/manage\/([A-Za-z0-9_-]{43})/.exec(row.text_body)?.[1] ?? '';
			const hash = createHash('sha256').update(token).digest('hex');
			expect(query(dbFile, 'select 1 from alert_tokens where id = ?', hash)).toHaveLength(1);
		}

		const second = notify();
		expect(await exited(second)).toBe(0);
		const perFollower = query<{ recipient: string; n: number }>(
			dbFile,
			`select recipient, count(*) as n from outbox_messages
			 where recipient like 'f%@example.test' group by recipient`
		);
		expect(perFollower).toHaveLength(FOLLOWERS);
		expect(perFollower.every((r) => r.n === 1)).toBe(true);
		const third = notify();
		expect(await exited(third)).toBe(0);
		expect(output.get(third)?.join('')).toMatch(/notify 2027-03-17: 0 messages queued/);
	});

	test('killed mid-send: nothing lost, at most the message in flight twice', async () => {
		const total = outboxCount();
		const sink = await startSmtpSink();
		try {
			const env = { SMTP_URL: sink.url, AHADI_MAIL_LEASE_S: '1' };
			const first = notify(env);
			expect(await killWhen(first, () => sink.count() >= 300)).toBe(true);
			expect(sink.count()).toBeLessThan(total);
			// The lease of the batch the killed sender held runs out; then the next run sends.
			await new Promise((r) => setTimeout(r, 1100));
			const second = notify(env);
			expect(await exited(second)).toBe(0);
			const statuses = query<{ status: string; n: number }>(
				dbFile,
				'select status, count(*) as n from outbox_messages group by status'
			);
			expect(statuses).toEqual([{ status: 'sent', n: total }]);
			const ids = sink.received.map((m) => m.messageId);
			expect(new Set(ids).size).toBe(total);
			expect(ids.length - total).toBeLessThanOrEqual(1);
		} finally {
			await sink.close();
		}
	});
});
