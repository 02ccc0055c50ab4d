// Helpers for the README's commands. Only Node built-ins here: these run before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_ARGS } from './server-command.mjs';

export const root = new URL('..', import.meta.url).pathname;

export function run(cmd, args, opts = {}) {
	const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...opts });
	if (r.status !== 0) {
		console.error(`\n✖ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal}).`);
		process.exit(r.status ?? 1);
	}
}

export function bin(name) {
	return join(root, 'node_modules', '.bin', name);
}

function newestMtime(path) {
	if (!existsSync(path)) return 0;
	const st = statSync(path);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = st.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
	return newest;
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureInstalled() {
	const marker = join(root, 'node_modules', '.package-lock.json');
	const lock = join(root, 'package-lock.json');
	if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
	console.log('• Installing dependencies (npm ci)…');
	run('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds the production server when it is missing or older than any source file. */
export function ensureBuilt() {
	const built = join(root, 'build', 'handler.js');
	const inputs = [
		'src',
		'db',
		'static',
		'messages',
		'project.inlang/settings.json',
		'paraglide.options.js',
		'package-lock.json',
		'svelte.config.js',
		'vite.config.ts'
	].map((p) => newestMtime(join(root, p)));
	if (existsSync(built) && statSync(built).mtimeMs >= Math.max(...inputs)) return;
	console.log('• Building the app (vite build)…');
	// `vite build` directly skips npm's prebuild: compile and check the messages, and build the
	// chart script into static/, first.
	run(process.execPath, ['scripts/i18n.mjs']);
	run(process.execPath, ['scripts/build-charts.mjs']);
	run(bin('vite'), ['build', '--logLevel', 'warn']);
}

/** Serves the build through server/index.js: adapter-node's handler behind the shared cache. */
export function serve(env) {
	const child = spawn(process.execPath, SERVER_ARGS, { stdio: 'inherit', cwd: root, env });
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
	child.on('exit', (code) => process.exit(code ?? 0));
}
