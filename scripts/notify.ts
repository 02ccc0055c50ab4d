// One scheduled pass of reminders and digests: `npm run notify -- [--now YYYY-MM-DD] [--dry-run]`.
// Prints each message it queued (or would queue); then, when SMTP_URL is set, sends the outbox.
// Without SMTP_URL the messages wait in the outbox (admins see them at /admin/outbox).
// Relative imports: the $lib alias is SvelteKit's, not Node's.
import { isIsoDate, todayInNairobi } from '../src/lib/domain';
import { originFromEnv } from '../src/lib/server/alerts/render';
import { createDb } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import { runAlertPass } from '../src/lib/server/services/alert-pass';
import { mailFromEnv, sendOutbox, transportFromEnv } from '../src/lib/server/services/mail-sender';

const USAGE = 'usage: npm run notify -- [--now YYYY-MM-DD] [--dry-run]';

function parseArgs(args: string[]): { today: string; dryRun: boolean } {
	let today = todayInNairobi();
	let dryRun = false;
	for (let i = 0; i < args.length; i++) {
		const a = args[i];
		if (a === '--dry-run') dryRun = true;
		else if (a === '--now' && isIsoDate(args[i + 1])) today = args[++i] as string;
		else if (a?.startsWith('--now=') && isIsoDate(a.slice(6))) today = a.slice(6);
		else throw new Error(USAGE);
	}
	return { today, dryRun };
}

async function main() {
	let args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		console.error((e as Error).message);
		process.exit(2);
	}
	const db = createDb();
	try {
		await migrateToLatest(db);
		const report = await runAlertPass(db, {
			today: args.today,
			origin: originFromEnv(),
			dryRun: args.dryRun
		});
		const verb = args.dryRun ? 'would queue' : 'queued';
		for (const msg of report.messages) {
			const state = msg.isNew ? verb : 'already queued';
			console.log(
				`${state}\t${msg.kind}\t${msg.recipient}\t${msg.language}\t${msg.items} items\t${msg.subject}`
			);
		}
		const fresh = report.messages.filter((msg) => msg.isNew).length;
		console.log(
			`notify ${args.today}: ${fresh} messages ${verb}, ${report.messages.length - fresh} queued before`
		);
		if (args.dryRun) return;
		const transport = transportFromEnv();
		if (!transport) {
			console.log('SMTP_URL is not set: the messages wait in the outbox (/admin/outbox).');
			return;
		}
		// AHADI_MAIL_LEASE_S shortens a claim's lease (the reliability test); 5 minutes otherwise.
		const lease = Number(process.env.AHADI_MAIL_LEASE_S);
		const leaseMs = lease > 0 ? lease * 1000 : undefined;
		const sent = await sendOutbox(db, transport, { from: mailFromEnv(), leaseMs }).finally(() =>
			transport.close?.()
		);
		console.log(`sent ${sent.sent}, to retry ${sent.retried}, failed ${sent.failed}`);
	} finally {
		await db.destroy();
	}
}

await main();
