// Database command line: `tsx scripts/db.ts migrate | seed [--demo-if-empty | --synthetic N [--seed S]]`.
// Relative imports: tsx does not resolve SvelteKit's $lib alias.
import { performance } from 'node:perf_hooks';
import { seedDemo } from '../db/seeds/demo';
import { seedDemoUsers } from '../db/seeds/demo-users';
import { seedDemoReplies } from '../db/seeds/demo-replies';
import { seedSynthetic } from '../db/seeds/synthetic';
import { createDb, DEFAULT_DATABASE_URL, type Database } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';

const USAGE =
	'usage: tsx scripts/db.ts migrate | seed [--demo-if-empty] | seed --synthetic N [--seed S]';

type Command =
	| { kind: 'migrate' }
	| { kind: 'demo'; onlyIfEmpty: boolean }
	| { kind: 'synthetic'; count: number; seed: number };

class UsageError extends Error {}

function parseArgs(args: string[]): Command {
	const [command, ...rest] = args;
	if (command === 'migrate' && rest.length === 0) return { kind: 'migrate' };
	if (command !== 'seed') throw new UsageError(USAGE);
	if (rest.length === 0) return { kind: 'demo', onlyIfEmpty: false };
	if (rest.length === 1 && rest[0] === '--demo-if-empty')
		return { kind: 'demo', onlyIfEmpty: true };
	if (rest[0] !== '--synthetic') throw new UsageError(USAGE);
	const count = positiveInt(rest[1], '--synthetic');
	let seed = 1;
	if (rest.length === 4 && rest[2] === '--seed') seed = positiveInt(rest[3], '--seed');
	else if (rest.length !== 2) throw new UsageError(USAGE);
	return { kind: 'synthetic', count, seed };
}

function positiveInt(value: string | undefined, flag: string): number {
	if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
		throw new UsageError(`${flag} needs a positive whole number (${USAGE})`);
	}
	return Number(value);
}

const COUNTED_TABLES = [
	'committees',
	'organisations',
	'people',
	'sittings',
	'commitments',
	'milestones',
	'updates',
	'evidence',
	'due_date_changes',
	'budget_lines',
	'budget_figures',
	'funding_links',
	'audit_log'
] as const;

async function countRows(db: Database): Promise<string> {
	const parts: string[] = [];
	for (const table of COUNTED_TABLES) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		parts.push(`${table} ${Number(row.n).toLocaleString('en-GB')}`);
	}
	return parts.join(', ');
}

async function run(command: Command, db: Database): Promise<void> {
	const migrated = await migrateToLatest(db);
	const applied = (migrated.results ?? []).filter((r) => r.status === 'Success');
	for (const r of applied) console.log(`applied migration ${r.migrationName}`);
	if (command.kind === 'migrate') {
		if (applied.length === 0) console.log('database schema up to date');
		return;
	}

	if (command.kind === 'demo') {
		if (command.onlyIfEmpty) {
			const row = await db
				.selectFrom('commitments')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			if (Number(row.n) > 0) {
				console.log('demo data not loaded: the database already has commitments');
				return;
			}
		}
		const { loaded } = await seedDemo(db);
		console.log(loaded ? 'demo data loaded' : 'demo data already present: nothing to do');
		if (loaded) {
			// Demo accounts exist only alongside the demo data, and their passwords are public.
			const accounts = await seedDemoUsers(db);
			// The ministry's side of the demo, once its accounts exist.
			await seedDemoReplies(db);
			console.log('\nDemo accounts (demo data only; never use these on a real install):');
			for (const a of accounts) console.log(`  ${a.role.padEnd(8)} ${a.email}  ${a.password}`);
		}
		return;
	}

	const started = performance.now();
	const tty = process.stdout.isTTY;
	let lastReported = 0;
	const result = await seedSynthetic(db, {
		count: command.count,
		seed: command.seed,
		onProgress: (done) => {
			const pct = Math.floor((done / command.count) * 100);
			if (tty) process.stdout.write(`\rsynthetic: ${done} / ${command.count} commitments`);
			else if (pct >= lastReported + 10 || done === command.count) {
				lastReported = pct;
				console.log(`synthetic: ${done} / ${command.count} commitments (${pct}%)`);
			}
		}
	});
	if (tty) process.stdout.write('\n');
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`synthetic data loaded (seed ${command.seed}): ${result.commitments} commitments, ${result.auditRows} audit rows in ${seconds} s`
	);
	console.log(`rows now: ${await countRows(db)}`);
}

async function main(): Promise<void> {
	const command = parseArgs(process.argv.slice(2));
	const db = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
	try {
		await run(command, db);
	} finally {
		await db.destroy();
	}
}

main().catch((err: unknown) => {
	const message = err instanceof Error ? err.message : String(err);
	console.error(`db: ${message.split('\n')[0]}`);
	process.exit(err instanceof UsageError ? 2 : 1);
});
