// Minimal stand-ins for SvelteKit's RequestEvent and Cookies, for calling hooks and actions
// directly in tests.
import type { Cookies, RequestEvent } from '@sveltejs/kit';
import { vi } from 'vitest';

export interface FakeCookies extends Cookies {
	jar: Map<string, { value: string; options: object }>;
}

export function fakeCookies(initial: Record<string, string> = {}): FakeCookies {
	const jar = new Map<string, { value: string; options: object }>();
	for (const [k, v] of Object.entries(initial)) jar.set(k, { value: v, options: {} });
	return {
		jar,
		get: (name) => jar.get(name)?.value || undefined,
		getAll: () => [...jar].map(([name, c]) => ({ name, value: c.value })),
		set: (name, value, options) => void jar.set(name, { value, options }),
		delete: (name, options) =>
			void jar.set(name, { value: '', options: { ...options, maxAge: 0 } }),
		serialize: (name, value) => `${name}=${value}`
	};
}

export interface EventInit {
	method?: string;
	routeId?: string | null;
	form?: Record<string, string | string[]>;
	headers?: Record<string, string>;
	locals?: Partial<App.Locals>;
	cookies?: FakeCookies;
	params?: Record<string, string>;
	address?: string;
	isDataRequest?: boolean;
}

export type TestEvent = RequestEvent & { setHeaders: ReturnType<typeof vi.fn> };

export function fakeEvent(href: string, init: EventInit = {}): TestEvent {
	const url = new URL(href, 'http://127.0.0.1:4173');
	let body: FormData | undefined;
	if (init.form) {
		body = new FormData();
		for (const [k, v] of Object.entries(init.form)) {
			for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
		}
	}
	const method = init.method ?? (body ? 'POST' : 'GET');
	const request = new Request(url, { method, body, headers: init.headers });
	return {
		request,
		url,
		params: init.params ?? {},
		route: { id: init.routeId === undefined ? null : init.routeId },
		locals: { user: null, session: null, ...init.locals },
		cookies: init.cookies ?? fakeCookies(),
		getClientAddress: () => init.address ?? '192.0.2.10',
		setHeaders: vi.fn(),
		isDataRequest: init.isDataRequest ?? false,
		isSubRequest: false,
		isRemoteRequest: false,
		fetch,
		platform: undefined,
		tracing: { enabled: false, root: undefined, current: undefined }
	} as unknown as TestEvent;
}
