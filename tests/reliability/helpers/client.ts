// A small HTTP client that behaves like a browser posting this site's forms: it sends the
// Origin header SvelteKit's CSRF check wants, keeps the session cookie, and never follows
// redirects (a 303 is the answer under test).
export type Form = Record<string, string | string[]>;

export interface Answer {
	status: number;
	location: string | null;
	body: string;
}

export function formBody(form: Form): URLSearchParams {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) {
		for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
	}
	return body;
}

export class Client {
	private cookies = new Map<string, string>();

	constructor(readonly base: string) {}

	static async signIn(base: string, email: string, password: string): Promise<Client> {
		const client = new Client(base);
		const res = await client.post('/login', { email, password });
		if (res.status !== 303) throw new Error(`sign in as ${email}: ${res.status} ${res.body}`);
		return client;
	}

	async send(path: string, init: RequestInit = {}, timeoutMs = 15_000): Promise<Answer> {
		const headers = new Headers(init.headers);
		if (!headers.has('origin')) headers.set('origin', this.base);
		if (!headers.has('accept')) headers.set('accept', 'text/html');
		if (this.cookies.size > 0) {
			headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
		}
		const attempt = () =>
			fetch(this.base + path, {
				...init,
				headers,
				redirect: 'manual',
				signal: AbortSignal.timeout(timeoutMs)
			});
		let res: Response;
		try {
			res = await attempt();
		} catch (e) {
			// A kept-alive connection the server closed under a request (ECONNRESET, no answer
			// read) is tried once more on a fresh one, as browsers do; any other failure, or a
			// second reset, fails the test. The server's answer is then checked as usual.
			if ((e as { cause?: { code?: string } }).cause?.code !== 'ECONNRESET') throw e;
			res = await attempt();
		}
		for (const line of res.headers.getSetCookie()) {
			const pair = line.split(';')[0] ?? '';
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return { status: res.status, location: res.headers.get('location'), body: await res.text() };
	}

	get(path: string): Promise<Answer> {
		return this.send(path);
	}

	post(path: string, form: Form): Promise<Answer> {
		return this.send(path, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: formBody(form).toString()
		});
	}
}

export const ACCOUNTS = {
	admin: { email: 'admin@ahadi.example', password: 'demo-admin-password' },
	clerkA: { email: 'clerk@ahadi.example', password: 'demo-clerk-password' },
	clerkB: { email: 'finance.clerk@ahadi.example', password: 'demo-finance-clerk-password' },
	mp: { email: 'mp@ahadi.example', password: 'demo-mp-password' }
} as const;

export function signIn(base: string, who: keyof typeof ACCOUNTS): Promise<Client> {
	return Client.signIn(base, ACCOUNTS[who].email, ACCOUNTS[who].password);
}

/** Deterministic pseudo-random numbers (mulberry32), so a failing run can be replayed. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Runs `worker(i)` for each of `workers` until `deadline` (ms since epoch) or `limit` calls. */
export async function runBounded(
	workers: number,
	deadline: number,
	limit: number,
	work: (worker: number, n: number) => Promise<void>
): Promise<number> {
	let started = 0;
	await Promise.all(
		Array.from({ length: workers }, async (_, w) => {
			while (Date.now() < deadline && started < limit) {
				await work(w, started++);
			}
		})
	);
	return started;
}
