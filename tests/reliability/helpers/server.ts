// The one place the reliability tests start the built server, with the arguments in
// scripts/server-command.mjs (shared with the Lighthouse audit).
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { SERVER_ARGS } from '../../../scripts/server-command.mjs';
import { root } from './paths';

export interface Server {
	url: string;
	port: number;
	dbFile: string;
	/** Everything the server printed, for failure messages. */
	output(): string;
	/** SIGTERM and wait for the exit. */
	stop(): Promise<void>;
	/** SIGKILL: no shutdown code runs. */
	kill(): Promise<void>;
}

export interface ServerOptions {
	/** More environment for the server (e.g. AHADI_CACHE=off). */
	env?: Record<string, string>;
	port: number;
	dbFile: string;
	bodySizeLimit?: string;
	/** Milliseconds to wait for the first answer. */
	readyTimeout?: number;
}

function exited(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** True when something already listens on the port (a leftover server would answer for us). */
function portTaken(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export async function startServer(opts: ServerOptions): Promise<Server> {
	if (opts.port < 5400 || opts.port > 5499) throw new Error('reliability ports are 5400-5499');
	const url = `http://127.0.0.1:${opts.port}`;
	if (await portTaken(opts.port)) throw new Error(`port ${opts.port} is already in use`);
	const env = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(opts.port),
		HOST: '127.0.0.1',
		ORIGIN: url,
		DATABASE_URL: opts.dbFile,
		BODY_SIZE_LIMIT: opts.bodySizeLimit ?? '25M',
		// No alerts timer: its pass writes the outbox at moments of its own, which would move the
		// tables these tests compare before and after each request (as in scripts/e2e-server.mjs).
		// The alerts' own reliability test runs `npm run notify` instead.
		AHADI_ALERTS: 'off',
		...opts.env
	};
	const child = spawn(process.execPath, SERVER_ARGS, { cwd: root, env, stdio: 'pipe' });
	let log = '';
	const keep = (chunk: Buffer) => {
		log = (log + chunk.toString()).slice(-400_000);
	};
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);

	const deadline = Date.now() + (opts.readyTimeout ?? 20_000);
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log}`);
		try {
			const res = await fetch(`${url}/api/v1/committees`, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			if (res.status === 200 && child.exitCode === null) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`server on ${url} did not answer in time:\n${log}`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		url,
		port: opts.port,
		dbFile: opts.dbFile,
		output: () => log,
		async stop() {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited(child);
			clearTimeout(timer);
		},
		async kill() {
			child.kill('SIGKILL');
			await exited(child);
		}
	};
}
