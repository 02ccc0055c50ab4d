// Once per `npm run test:reliability`: build the server if sources changed, then seed one demo
// database that every test file copies (seeding hashes four passwords with Argon2: seconds).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeDb } from './helpers/db';
import { root, templateDb, workDir } from './helpers/paths';

export default async function setup(): Promise<void> {
	const lib = (await import(join(root, 'scripts', 'lib.mjs'))) as { ensureBuilt(): void };
	lib.ensureBuilt();
	mkdirSync(workDir, { recursive: true });
	removeDb(templateDb);
	const seeded = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/db.ts', 'seed'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: templateDb },
		encoding: 'utf8'
	});
	if (seeded.status !== 0) throw new Error(`seeding the demo database failed:\n${seeded.stderr}`);
}
