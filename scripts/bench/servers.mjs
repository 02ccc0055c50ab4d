// Starting and stopping the servers under test, signing in, and reading a process's peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { root } from '../lib.mjs';

/**
 * Starts `node ...args` and waits until `url` answers.
 * @param {string[]} args the script and its arguments, after any Node options
 * @param {Record<string, string>} env
 * @param {string} url
 */
export async function startServer(args, env, url) {
	const script = args.find((a) => !a.startsWith('-')) ?? '';
	const child = spawn(process.execPath, args, {
		cwd: root,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
		try {
			const res = await fetch(url);
			await res.arrayBuffer();
			break;
		} catch {
			if (Date.now() > deadline) {
				// Never leave a server behind holding the port for the next run.
				child.kill('SIGKILL');
				throw new Error(`${script} did not answer ${url}`);
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	return child;
}

/** @param {import('node:child_process').ChildProcess} child */
export async function stopServer(child) {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
	await exited;
	clearTimeout(timer);
}

/** Peak resident set size (VmHWM) of a live process, in MB. */
export function peakRssMb(/** @type {number} */ pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
	return kb / 1024;
}

/**
 * Signs in through POST /login as a browser would; returns the Cookie header to send.
 * @param {string} base
 * @param {string} email
 * @param {string} password
 */
export async function signIn(base, email, password) {
	const res = await fetch(`${base}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: base,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password }).toString()
	});
	await res.arrayBuffer();
	const cookie = res.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.find((c) => c?.startsWith('ahadi_session='));
	if (res.status !== 303 || !cookie) throw new Error(`sign-in as ${email} failed (${res.status})`);
	return cookie;
}
