// Starts the built server for the end-to-end tests on a fresh database (an SQLite file, or a
// postgres:// URL). With --demo the database gets the demo data first; without, the server must
// migrate the empty database itself.
import { rmSync, mkdirSync } from 'node:fs';
import { bin, run, serve } from './lib.mjs';

const [port, dbFile, ...flags] = process.argv.slice(2);
mkdirSync('test-results', { recursive: true });
// --shared: another instance already serves this database (tests/e2e/two-instances.spec.ts).
if (!flags.includes('--shared')) {
	for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
}
const env = { ...process.env, PORT: port, HOST: '127.0.0.1', DATABASE_URL: dbFile };
env.ORIGIN = `http://127.0.0.1:${port}`;
// The scheduled pass of reminders would write to the outbox at a moment of its own choosing, and
// the allow/deny matrix compares database snapshots around each request: it stays off here
// (tests/e2e/alerts.spec.ts writes to the outbox through the pages; integration tests cover it).
env.AHADI_ALERTS ??= 'off';
// As in scripts/start.mjs: budget CSV uploads may be 20 MB (adapter-node's default is 512K).
env.BODY_SIZE_LIMIT ??= '25M';
if (flags.includes('--demo')) {
	run(bin('tsx'), ['scripts/db.ts', 'seed'], { env, stdio: 'ignore' });
}
serve(env);
