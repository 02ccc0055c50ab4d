// Delivers the outbox: claims due messages in the database (so with several instances each goes
// out once), sends each over SMTP with nodemailer, and records the outcome. A failed attempt is
// tried again after an exponentially growing wait; after MAX_ATTEMPTS the message is marked
// failed, which admins see on /admin/outbox. Never called from a request: the scheduler
// (services/alert-scheduler.ts) and `npm run notify` run it.
//
// Delivery is at least once: a sender killed after the SMTP server accepted a message and before
// it was marked sent leaves it claimed; when the lease runs out another sender sends it again,
// with the same Message-ID, which lets mail clients recognise the copy.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { DB } from '../db/schema';
import {
	claimOutboxMessages,
	markOutboxAttemptFailed,
	markOutboxSent,
	type ClaimedMessage
} from '../queries/outbox';

export interface MailTransport {
	sendMail(message: {
		from: string;
		to: string;
		subject: string;
		text: string;
		html: string;
		headers: Record<string, string>;
		messageId?: string;
	}): Promise<unknown>;
	/** Closes pooled connections (a command-line run must, or it never exits). */
	close?(): void;
}

export interface SenderOptions {
	from: string;
	maxAttempts?: number;
	/** The wait after the first failure; it doubles with each further one. */
	baseDelayMs?: number;
	leaseMs?: number;
	batchSize?: number;
	/** Stop after this many messages (the rest stay pending for the next run). */
	maxMessages?: number;
	now?: () => number;
}

export const MAX_ATTEMPTS = 6;
const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/** The wait before attempt `attempts + 1`, after `attempts` failed ones. */
export function retryDelayMs(attempts: number, baseDelayMs = BASE_DELAY_MS): number {
	return Math.min(baseDelayMs * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/** The SMTP transport for `SMTP_URL` (smtp://user:pass@host:port, smtps://…), or null. */
export function transportFromEnv(env = process.env): MailTransport | null {
	const url = env.SMTP_URL;
	if (!url) return null;
	// A pooled transport keeps its SMTP connection open between messages.
	const pooled = new URL(url);
	if (!pooled.searchParams.has('pool')) pooled.searchParams.set('pool', 'true');
	return nodemailer.createTransport(pooled.toString()) as unknown as MailTransport;
}

export function mailFromEnv(env = process.env): string {
	return env.MAIL_FROM || 'Ahadi <alerts@ahadi.invalid>';
}

export interface SendReport {
	sent: number;
	retried: number;
	failed: number;
}

/** Sends due messages until none is left (or `maxMessages`); returns what happened. */
export async function sendOutbox(
	db: Kysely<DB>,
	transport: MailTransport,
	options: SenderOptions
): Promise<SendReport> {
	const now = options.now ?? Date.now;
	const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
	const leaseMs = options.leaseMs ?? 5 * 60_000;
	const batchSize = options.batchSize ?? 50;
	const report: SendReport = { sent: 0, retried: 0, failed: 0 };
	let handled = 0;
	for (;;) {
		const limit = Math.min(batchSize, (options.maxMessages ?? Infinity) - handled);
		if (limit <= 0) break;
		const claim = randomBytes(12).toString('base64url');
		const t = now();
		const batch = await claimOutboxMessages(db, claim, {
			now: t,
			leaseUntil: t + leaseMs,
			limit
		});
		if (batch.length === 0) break;
		for (const message of batch) {
			await deliver(db, transport, message, claim, options.from, {
				now,
				maxAttempts,
				baseDelayMs: options.baseDelayMs ?? BASE_DELAY_MS,
				report
			});
		}
		handled += batch.length;
	}
	return report;
}

async function deliver(
	db: Kysely<DB>,
	transport: MailTransport,
	message: ClaimedMessage,
	claim: string,
	from: string,
	ctx: { now: () => number; maxAttempts: number; baseDelayMs: number; report: SendReport }
): Promise<void> {
	const headers = JSON.parse(message.headers_json) as Record<string, string>;
	const { 'Message-ID': messageId, ...rest } = headers;
	try {
		await transport.sendMail({
			from,
			to: message.recipient,
			subject: message.subject,
			text: message.text_body,
			html: message.html_body,
			headers: rest,
			messageId
		});
	} catch (e) {
		const attempts = message.attempts + 1;
		const giveUp = attempts >= ctx.maxAttempts;
		await markOutboxAttemptFailed(db, message.id, claim, {
			error: e instanceof Error ? e.message : String(e),
			retryAt: giveUp ? null : ctx.now() + retryDelayMs(attempts, ctx.baseDelayMs)
		});
		if (giveUp) ctx.report.failed++;
		else ctx.report.retried++;
		return;
	}
	if (await markOutboxSent(db, message.id, claim, ctx.now())) ctx.report.sent++;
}
