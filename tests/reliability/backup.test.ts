// Backup: `npm run db:backup -- FILE` copies the SQLite database while the server is serving
// writes. A server started on the copy answers the API exactly as the live server does for
// every record published before the backup started; a record published after the backup
// finished is not in the copy (it is one point in time, not a file copied while it changed).
import { spawn } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Client, signIn } from './helpers/client';
import { freshDemoDb, integrityProblems, one, query, removeDb } from './helpers/db';
import { root, workDir } from './helpers/paths';
import { startServer, type Server } from './helpers/server';
import { commitmentForm, demoIds } from './helpers/writes';

const LIVE_PORT = 5431;
const RESTORED_PORT = 5432;
const WRITERS = 4;
/** Published before the backup starts, and after it ended: counts, not a wait that hopes. */
const BEFORE = 12;
const AFTER = 3;
const MAX_WRITES = 1_000;

const dbFile = freshDemoDb('backup-live');
const backupFile = join(workDir, 'backup-copy.db');
const restoredFile = join(workDir, 'backup-restored.db');
const servers: Server[] = [];

afterAll(async () => {
	for (const s of servers) await s.stop();
});

function runBackup(env: NodeJS.ProcessEnv, file: string) {
	return new Promise<{ code: number | null; output: string }>((resolve) => {
		const child = spawn('npm', ['run', '-s', 'db:backup', '--', file], { cwd: root, env });
		let output = '';
		child.stdout.on('data', (c: Buffer) => (output += c.toString()));
		child.stderr.on('data', (c: Buffer) => (output += c.toString()));
		child.on('exit', (code) => resolve({ code, output }));
	});
}

/** Records a commitment and publishes it; resolves with its ref once both are acknowledged. */
async function publishOne(client: Client, marker: string): Promise<string> {
	const ids = demoIds(dbFile);
	const added = await client.post(
		`/workspace/sittings/${ids.sitting}?/addCommitment`,
		commitmentForm(ids, marker)
	);
	expect(added.status).toBe(303);
	const ref = decodeURIComponent(/added=([^#&]+)/.exec(added.location ?? '')?.[1] ?? '');
	const row = one<{ id: number; version: number }>(
		dbFile,
		'select id, version from commitments where ref = ?',
		ref
	);
	const published = await client.post(`/workspace/commitments/${row.id}?/publish`, {
		version: String(row.version)
	});
	expect(published.status).toBe(303);
	return ref;
}

/** Waits until `done()` holds (the writers are running meanwhile), for at most a minute. */
async function until(done: () => boolean) {
	const deadline = Date.now() + 60_000;
	while (!done()) {
		if (Date.now() > deadline) throw new Error('the writers did not get that far within 60 s');
		await new Promise((r) => setTimeout(r, 20));
	}
}

describe('online backup', () => {
	test('db:backup refuses a PostgreSQL URL and names pg_dump', async () => {
		const res = await runBackup(
			{ ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
			backupFile
		);
		expect(res.code).not.toBe(0);
		expect(res.output).toContain('pg_dump');
	});

	test('a backup taken during writes restores to identical API answers', async () => {
		removeDb(backupFile);
		removeDb(restoredFile);
		const live = await startServer({ port: LIVE_PORT, dbFile });
		servers.push(live);
		const clients = await Promise.all(
			Array.from({ length: WRITERS }, () => signIn(live.url, 'clerkA'))
		);
		const published: { ref: string; at: number }[] = [];
		let stop = false;
		let count = 0;
		const writing = Promise.all(
			clients.map(async (client, w) => {
				for (let n = 0; !stop && count < MAX_WRITES; n++) {
					count++;
					const ref = await publishOne(client, `Backup commitment w${w} n${n}`);
					published.push({ ref, at: Date.now() });
				}
			})
		);
		await until(() => published.length >= BEFORE);
		const before = published.map((p) => p.ref);
		const backupStarted = Date.now();
		const backup = await runBackup({ ...process.env, DATABASE_URL: dbFile }, backupFile);
		const backupEnded = Date.now();
		await until(() => published.filter((p) => p.at > backupEnded).length >= AFTER);
		stop = true;
		await writing;
		expect(backup.code, backup.output).toBe(0);
		const after = published.filter((p) => p.at > backupEnded).map((p) => p.ref);
		const during = published.filter((p) => p.at > backupStarted && p.at <= backupEnded).length;

		// Restore: a copy of the backup file, served by a second server.
		rmSync(restoredFile, { force: true });
		copyFileSync(backupFile, restoredFile);
		expect(integrityProblems(restoredFile)).toEqual([]);
		const restored = await startServer({ port: RESTORED_PORT, dbFile: restoredFile });
		servers.push(restored);

		const demoRefs = query<{ ref: string }>(
			dbFile,
			"select ref from commitments where title not like 'Backup commitment %' and visibility = 'published'"
		).map((r) => r.ref);
		const liveApi = new Client(live.url);
		const restoredApi = new Client(restored.url);
		for (const ref of [...demoRefs, ...before]) {
			const path = `/api/v1/commitments/${ref}`;
			const [a, b] = [await liveApi.get(path), await restoredApi.get(path)];
			expect(a.status, path).toBe(200);
			expect(b.status, path).toBe(200);
			// Links are absolute: the two servers differ only in their port.
			expect(b.body.replaceAll(restored.url, 'ORIGIN'), path).toBe(
				a.body.replaceAll(live.url, 'ORIGIN')
			);
		}
		for (const path of ['/api/v1/organisations', '/api/v1/openapi.json']) {
			expect((await restoredApi.get(path)).status).toBe(200);
		}
		// Written after the backup finished: not in the copy.
		for (const ref of after.slice(0, 20)) {
			expect((await restoredApi.get(`/api/v1/commitments/${ref}`)).status).toBe(404);
		}
		console.log(
			`backup: ${before.length} commitments published before the backup, ${during} during it (${backupEnded - backupStarted} ms including npm), ${after.length} after; ${demoRefs.length + before.length} API answers identical`
		);
		expect(before.length).toBeGreaterThanOrEqual(BEFORE);
		expect(after.length).toBeGreaterThanOrEqual(AFTER);
	});
});
