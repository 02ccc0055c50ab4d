// `npm run bench:alerts [-- --quick]`: the reminders' scheduled pass for 10,000 followers over
// 100,000 commitments (time and peak memory, in a process of its own), and the outbox sender's
// rate to a local SMTP sink next to a bare nodemailer loop sending the same messages to the same
// sink (target: at least 80% of it). Writes bench-results/alerts.json. Never part of `npm test`.
// `npm run bench` runs it too (`--db FILE --json FILE`): the pass over a copy of the bench's own
// largest synthetic database instead of seeding one, its figures in the bench's report.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { todayInNairobi } from '../../src/lib/domain';
import { createDb } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { insertOutboxMessage } from '../../src/lib/server/queries/outbox';
import { runAlertPass } from '../../src/lib/server/services/alert-pass';
import { sendOutbox, transportFromEnv } from '../../src/lib/server/services/mail-sender';

const root = new URL('../..', import.meta.url).pathname;
const outDir = join(root, 'bench-results');
const quick = process.argv.includes('--quick');
/** The value after `--name`, if given. */
function option(name: string): string | null {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? (process.argv[i + 1] ?? null) : null;
}
/** A synthetic database to copy instead of seeding one (its commitments are counted). */
const FROM_DB = option('db');
const COMMITMENTS = quick ? 10_000 : 100_000;
const FOLLOWERS = Number(option('followers') ?? (quick ? 1_000 : 10_000));
const MESSAGES = Number(option('messages') ?? (quick ? 500 : 2_000));
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function childPass(file: string, today: string) {
	const db = createDb(file);
	const t0 = performance.now();
	const report = await runAlertPass(db, { today, origin: 'http://localhost:3000' });
	const ms = performance.now() - t0;
	await db.destroy();
	const maxRssMb = process.resourceUsage().maxRSS / 1024;
	console.log(JSON.stringify({ ms, queued: report.queued, maxRssMb }));
}

function seed(file: string) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	const env = { ...process.env, DATABASE_URL: file };
	const r = spawnSync(
		tsx,
		['scripts/db.ts', 'seed', '--synthetic', String(COMMITMENTS), '--seed', '1'],
		{ cwd: root, env, stdio: 'ignore' }
	);
	if (r.status !== 0) throw new Error('seeding the synthetic database failed');
}

/** Confirmed followers, spread over commitments, committees and organisations. */
async function addFollowers(file: string) {
	const db = createDb(file);
	await migrateToLatest(db);
	// A run again starts from an empty outbox.
	await db.deleteFrom('outbox_messages').execute();
	await db.deleteFrom('alert_tokens').execute();
	const existing = await db.selectFrom('alert_addresses').select('id').limit(1).execute();
	if (existing.length > 0) return void (await db.destroy());
	const commitments = await db
		.selectFrom('commitments')
		.select('id')
		.where('visibility', '=', 'published')
		.execute();
	const committees = await db.selectFrom('committees').select('id').execute();
	const organisations = await db.selectFrom('organisations').select('id').execute();
	const now = new Date().toISOString();
	await db.transaction().execute(async (trx) => {
		for (let i = 0; i < FOLLOWERS; i += 500) {
			const addresses = await trx
				.insertInto('alert_addresses')
				.values(
					Array.from({ length: Math.min(500, FOLLOWERS - i) }, (_, j) => ({
						email: `follower${i + j}@bench.test`,
						language: (i + j) % 2 ? ('sw' as const) : ('en' as const),
						created_at: now
					}))
				)
				.returning('id')
				.execute();
			await trx
				.insertInto('alert_subscriptions')
				.values(
					addresses.map((a, j) => {
						const n = i + j;
						const pick = <T>(list: T[]) => list[(n * 7919) % list.length] as T;
						const [kind, target] =
							n % 10 < 6
								? (['commitment', pick(commitments).id] as const)
								: n % 10 < 8
									? (['committee', pick(committees).id] as const)
									: (['organisation', pick(organisations).id] as const);
						return {
							address_id: a.id,
							target_kind: kind,
							target_id: target,
							status: 'confirmed' as const,
							created_at: now
						};
					})
				)
				.execute();
		}
	});
	await db.destroy();
}

async function sink() {
	let count = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		closeTimeout: 200,
		onData(stream, _s, cb) {
			stream.resume();
			stream.on('end', () => {
				count++;
				cb();
			});
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		count: () => count,
		close: () => new Promise<void>((r) => server.close(() => r()))
	};
}

const message = (n: number) => ({
	dedupeKey: `bench:${n}`,
	recipient: `r${n}@bench.test`,
	language: 'en' as const,
	kind: 'bench',
	subject: `Ahadi reminders for 17 Mar 2027 (${n})`,
	text: `These undertakings fall due soon.\n\n${'* DCAIS/2025/002: Enact a policy\n  Due date: 31 Mar 2027\n'.repeat(10)}`,
	html: `<p>These undertakings fall due soon.</p>${'<li><a href="http://localhost:3000/commitments/X">DCAIS/2025/002</a></li>'.repeat(10)}`,
	headers: { 'Message-ID': `<bench${n}@localhost>`, 'Auto-Submitted': 'auto-generated' }
});

async function senderRate() {
	const smtp = await sink();
	const file = join(outDir, 'alerts-sender.db');
	for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
	const db = createDb(file);
	await migrateToLatest(db);
	for (let n = 0; n < MESSAGES; n++) await insertOutboxMessage(db, message(n));

	// Bare: nodemailer's pooled transport, one message after another, nothing else.
	const bare = nodemailer.createTransport(`${smtp.url}?pool=true`);
	const from = 'Ahadi <alerts@bench.test>';
	let t0 = performance.now();
	for (let n = 0; n < MESSAGES; n++) {
		const m = message(n);
		const { 'Message-ID': messageId, ...headers } = m.headers;
		await bare.sendMail({
			from,
			to: m.recipient,
			subject: m.subject,
			text: m.text,
			html: m.html,
			headers,
			messageId
		});
	}
	const bareRate = MESSAGES / ((performance.now() - t0) / 1000);
	bare.close();

	// Ahadi's sender: claim from the outbox, send, mark sent.
	const transport = transportFromEnv({ SMTP_URL: smtp.url })!;
	t0 = performance.now();
	const report = await sendOutbox(db, transport, { from });
	const ahadiRate = report.sent / ((performance.now() - t0) / 1000);
	transport.close?.();
	await db.destroy();
	await smtp.close();
	return {
		messages: MESSAGES,
		bareRate,
		ahadiRate,
		share: ahadiRate / bareRate,
		received: smtp.count()
	};
}

async function main() {
	if (process.argv[2] === '--child-pass') {
		await childPass(process.argv[3]!, process.argv[4]!);
		return;
	}
	mkdirSync(outDir, { recursive: true });
	const file = join(outDir, 'alerts-pass.db');
	const today = todayInNairobi();
	// --reuse: keep the synthetic database of an earlier run (seeding 100,000 takes minutes).
	if (!FROM_DB && !(process.argv.includes('--reuse') && existsSync(file))) {
		console.log(`seeding ${COMMITMENTS} commitments, adding ${FOLLOWERS} followers`);
		seed(file);
	}
	if (FROM_DB) {
		for (const suffix of ['', '-wal', '-shm']) {
			rmSync(file + suffix, { force: true });
			if (existsSync(FROM_DB + suffix)) copyFileSync(FROM_DB + suffix, file + suffix);
		}
	}
	await addFollowers(file);
	const counted = createDb(file);
	const commitments = Number(
		(
			await counted
				.selectFrom('commitments')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
	await counted.destroy();
	const r = spawnSync(tsx, ['scripts/bench/alerts.ts', '--child-pass', file, today], {
		cwd: root,
		encoding: 'utf8'
	});
	if (r.status !== 0) throw new Error(`the pass failed:\n${r.stderr}`);
	const pass = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
	console.log(
		`pass as of ${today}: ${commitments} commitments, ${FOLLOWERS} followers: ${(pass.ms / 1000).toFixed(2)} s, ${pass.queued} messages queued, peak RSS ${pass.maxRssMb.toFixed(0)} MB`
	);
	const sender = await senderRate();
	console.log(
		`sender: ${sender.messages} messages: ${sender.ahadiRate.toFixed(0)}/s from the outbox vs ${sender.bareRate.toFixed(0)}/s bare nodemailer (${(sender.share * 100).toFixed(0)}%)`
	);
	const result = JSON.stringify(
		{ today, commitments, followers: FOLLOWERS, pass, sender },
		null,
		2
	);
	writeFileSync(join(outDir, 'alerts.json'), result);
	const json = option('json');
	if (json) writeFileSync(json, result);
}

await main();
