// Import command line: `npm run import -- budget FILE.csv [--dry-run]`.
// The same parse, preview and apply as the clerk workspace; exits 1 with every row error on bad
// input, writing nothing. Relative imports: the $lib alias is SvelteKit's, not Node's.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SYSTEM_ACTOR } from '../src/lib/server/audit';
import { createDb, DEFAULT_DATABASE_URL, type Database } from '../src/lib/server/db/index';
import { migrateToLatest } from '../src/lib/server/db/migrate';
import {
	MAX_IMPORT_BYTES,
	applyBudgetImport,
	formatRowError,
	previewBudgetImport,
	readBudgetCsv,
	type ChangedField,
	type ImportPreview
} from '../src/lib/server/services/budget-import';

const USAGE = 'usage: npm run import -- budget FILE.csv [--dry-run]';
/** Changes listed by a dry run before it summarises the rest. */
const LISTED_CHANGES = 50;

const COLUMN_OF: Record<ChangedField, string> = {
	voteName: 'vote_name',
	amountKes: 'amount_kes',
	sourceTitle: 'source_title',
	sourceUrl: 'source_url'
};

class UsageError extends Error {}
/** Bad input: reported as row errors, exit status 1. */
class InputError extends Error {}

interface Command {
	file: string;
	dryRun: boolean;
}

function parseArgs(args: string[]): Command {
	const dryRun = args.includes('--dry-run');
	const rest = args.filter((a) => a !== '--dry-run');
	const [kind, file, ...extra] = rest;
	if (kind !== 'budget' || !file || extra.length > 0 || file.startsWith('--')) {
		throw new UsageError(USAGE);
	}
	return { file, dryRun };
}

function count(n: number): string {
	return n.toLocaleString('en-GB');
}

function printChanges(preview: ImportPreview): void {
	for (const change of preview.changed.slice(0, LISTED_CHANGES)) {
		const parts = change.changedFields.map(
			(f) =>
				`${COLUMN_OF[f]} ${JSON.stringify(change.before?.[f] ?? null)} -> ${JSON.stringify(change.after[f])}`
		);
		console.log(`  line ${change.line}: ${parts.join('; ')}`);
	}
	if (preview.changed.length > LISTED_CHANGES) {
		console.log(`  ... and ${count(preview.changed.length - LISTED_CHANGES)} more changes`);
	}
	for (const r of preview.lineRenames) {
		console.log(
			`  budget line ${r.budgetLineId}: vote_name ${JSON.stringify(r.from)} -> ${JSON.stringify(r.to)}`
		);
	}
}

/** The file streamed through the reader: memory grows with the rows kept, not the file. */
async function readCsv(file: string) {
	const info = await stat(file).catch(() => null);
	if (!info?.isFile()) throw new InputError(`File: ${file} not found`);
	if (info.size > MAX_IMPORT_BYTES) {
		throw new InputError(`File: larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it`);
	}
	return readBudgetCsv(createReadStream(file));
}

async function run(command: Command, db: Database): Promise<void> {
	await migrateToLatest(db);
	const started = performance.now();
	const { rows, errors, sha256 } = await readCsv(command.file);
	if (errors.length > 0) {
		for (const e of errors) console.error(formatRowError(e));
		throw new InputError(`${count(errors.length)} error(s) in ${command.file}; nothing imported`);
	}

	if (command.dryRun) {
		const preview = await previewBudgetImport(db, rows);
		const c = preview.counts;
		console.log(
			`Dry run: would add ${count(c.added)}, change ${count(c.changed)}, leave ${count(c.unchanged)} unchanged figures (${count(c.newLines)} new budget lines, ${count(c.renamedLines)} renamed); nothing written`
		);
		printChanges(preview);
		return;
	}

	const tty = process.stdout.isTTY;
	const result = await applyBudgetImport(
		db,
		rows,
		{ id: SYSTEM_ACTOR.id, label: `command line import (${basename(command.file)})` },
		{
			source: { name: basename(command.file), sha256 },
			onProgress: tty
				? (done, total) => process.stdout.write(`\rimporting: ${count(done)} / ${count(total)}`)
				: undefined
		}
	);
	if (tty) process.stdout.write('\n');
	const seconds = ((performance.now() - started) / 1000).toFixed(2);
	console.log(
		`Added ${count(result.added)}, changed ${count(result.changed)}, unchanged ${count(result.unchanged)} figures (${count(result.newLines)} new budget lines) in ${seconds} s`
	);
	if (result.fundingStatusesChanged > 0) {
		console.log(`Funding status changed for ${count(result.fundingStatusesChanged)} commitments`);
	}
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
	console.error(err instanceof InputError ? message : `import: ${message.split('\n')[0]}`);
	process.exit(err instanceof UsageError ? 2 : 1);
});
