// The scheduled pass and the sender, inside the server, on a timer: never in a request's path,
// so a slow or refusing SMTP server cannot slow a page. Every instance runs it; the outbox's
// dedupe keys and claims make that safe (each message is queued once and sent once).
import type { Kysely } from 'kysely';
import { todayInNairobi } from '../../domain';
import type { DB } from '../db/schema';
import { originFromEnv } from '../alerts/render';
import { runAlertPass } from './alert-pass';
import { mailFromEnv, sendOutbox, transportFromEnv } from './mail-sender';

const PASS_EVERY_MS = 60 * 60_000;

/** Starts the timer (unless AHADI_ALERTS=off); returns a function that stops it. */
export function startAlertScheduler(
	db: Kysely<DB>,
	{ tickMs = 60_000, env = process.env }: { tickMs?: number; env?: NodeJS.ProcessEnv } = {}
): () => void {
	if (env.AHADI_ALERTS === 'off') return () => {};
	const transport = transportFromEnv(env);
	const origin = originFromEnv(env);
	const from = mailFromEnv(env);
	let running = false;
	let lastPassAt = 0;
	const tick = async () => {
		if (running) return;
		running = true;
		try {
			if (Date.now() - lastPassAt >= PASS_EVERY_MS) {
				const report = await runAlertPass(db, { today: todayInNairobi(), origin });
				lastPassAt = Date.now();
				if (report.queued > 0) console.log(`alerts: queued ${report.queued} messages`);
			}
			if (transport) await sendOutbox(db, transport, { from, maxMessages: 500 });
		} catch (e) {
			// A timer has no caller to throw to: report it, and the next tick tries again.
			console.error('alerts: scheduled run failed:', e);
		} finally {
			running = false;
		}
	};
	const first = setTimeout(() => void tick(), 5_000);
	const timer = setInterval(() => void tick(), tickMs);
	first.unref();
	timer.unref();
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
