// The access table and the route tree must agree, and every mutating action must be in the
// allow/deny matrix that the end-to-end tests run against the built server.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

import {
	homeFor,
	ACCESS,
	decideAccess,
	canEditCommittee,
	canSeeRecord
} from '../../src/lib/server/auth/access';
import { MATRIX } from '../e2e/auth-matrix';

const ROUTES = join(process.cwd(), 'src', 'routes');
const ROUTE_FILES = ['+page.server.ts', '+page.svelte', '+server.ts'];

/** Route id of every folder holding a page or endpoint, e.g. '/(public)/commitments/[ref]'. */
function walk(dir: string, found: Map<string, string[]> = new Map()) {
	const files = readdirSync(dir);
	const present = ROUTE_FILES.filter((f) => files.includes(f));
	if (present.length > 0) {
		const rel = relative(ROUTES, dir).split(sep).join('/');
		found.set(rel === '' ? '/' : `/${rel}`, present);
	}
	for (const f of files) {
		const full = join(dir, f);
		if (statSync(full).isDirectory()) walk(full, found);
	}
	return found;
}

const routes = walk(ROUTES);

// Every server module, loaded the way Vite would, to read its actions and HTTP methods.
const modules = import.meta.glob<Record<string, unknown>>([
	'/src/routes/**/+page.server.ts',
	'/src/routes/**/+server.ts'
]);
const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];

async function mutatingEntryPoints() {
	const points: { routeId: string; action: string; method: string }[] = [];
	for (const [file, load] of Object.entries(modules)) {
		const routeId =
			file.replace(/^\/src\/routes/, '').replace(/\/\+(page\.server|server)\.ts$/, '') || '/';
		const mod = await load();
		if (file.endsWith('+page.server.ts')) {
			for (const action of Object.keys((mod.actions as object | undefined) ?? {})) {
				points.push({ routeId, action, method: 'POST' });
			}
		} else {
			for (const method of MUTATING.filter((m) => m in mod)) {
				points.push({ routeId, action: method, method });
			}
			if ('fallback' in mod) points.push({ routeId, action: 'fallback', method: 'POST' });
		}
	}
	return points;
}

describe('the access table and src/routes agree', () => {
	it('finds the routes (the walk itself works)', () => {
		expect(routes.get('/(auth)/login')).toEqual(['+page.server.ts', '+page.svelte']);
		expect(routes.has('/(admin)/admin/users/[id]')).toBe(true);
	});

	it('every page and endpoint has an access entry', () => {
		const missing = [...routes.keys()].filter((id) => !(id in ACCESS));
		expect(missing, 'routes with no ACCESS entry (add them to auth/access.ts)').toEqual([]);
	});

	it('every access entry names an existing route', () => {
		const stale = Object.keys(ACCESS).filter((id) => !routes.has(id));
		expect(stale, 'ACCESS entries with no route in src/routes').toEqual([]);
	});

	it('a route has a POST rule exactly when it has actions or a mutating endpoint', async () => {
		const points = await mutatingEntryPoints();
		for (const [id, entry] of Object.entries(ACCESS)) {
			const mutatingMethods = new Set(points.filter((p) => p.routeId === id).map((p) => p.method));
			const granted = new Set(Object.keys(entry).filter((m) => MUTATING.includes(m)));
			expect([...granted].sort(), `methods granted on ${id}`).toEqual([...mutatingMethods].sort());
		}
	});

	it('every mutating action and endpoint is in the allow/deny matrix, and only those', async () => {
		const points = await mutatingEntryPoints();
		const inCode = points.map((p) => `${p.routeId} ${p.action}`).sort();
		const inMatrix = [...new Set(MATRIX.map((r) => `${r.routeId} ${r.action}`))].sort();
		expect(inMatrix).toEqual(inCode);
		expect(inCode.length).toBeGreaterThanOrEqual(8);
	});
});

describe('decideAccess', () => {
	const cases: [
		routeId: string,
		method: string,
		role: 'mp' | 'clerk' | 'admin' | 'ministry' | null,
		expected: string
	][] = [
		['/(public)/commitments', 'GET', null, 'allow'],
		['/(public)/commitments', 'HEAD', null, 'allow'],
		['/(public)/commitments', 'POST', 'admin', 'method'],
		['/(auth)/login', 'POST', null, 'allow'],
		['/(auth)/login', 'DELETE', null, 'method'],
		['/(auth)/logout', 'POST', null, 'allow'],
		['/(auth)/account', 'GET', null, 'anonymous'],
		['/(auth)/account', 'POST', 'mp', 'allow'],
		['/(auth)/account', 'POST', 'clerk', 'allow'],
		['/(admin)/admin', 'GET', null, 'anonymous'],
		['/(admin)/admin', 'GET', 'mp', 'role'],
		['/(admin)/admin', 'GET', 'clerk', 'role'],
		['/(admin)/admin', 'GET', 'admin', 'allow'],
		['/(admin)/admin/users', 'POST', 'clerk', 'role'],
		['/(admin)/admin/users', 'POST', 'admin', 'allow'],
		['/(admin)/admin/users/[id]', 'POST', 'mp', 'role'],
		['/(admin)/admin/audit', 'GET', 'admin', 'allow'],
		['/(admin)/admin/audit', 'POST', 'admin', 'method'],
		['/(auth)/account', 'POST', 'ministry', 'allow'],
		['/(ministry)/ministry', 'GET', 'ministry', 'allow'],
		['/(ministry)/ministry', 'GET', 'admin', 'role'],
		['/(ministry)/ministry/commitments/[id]', 'POST', 'ministry', 'allow'],
		['/(ministry)/ministry/commitments/[id]', 'POST', 'clerk', 'role'],
		['/(ministry)/ministry/commitments/[id]', 'POST', null, 'anonymous'],
		['/(clerk)/workspace/submissions/[id]', 'POST', 'ministry', 'role'],
		['/(clerk)/workspace/ministries', 'POST', 'ministry', 'role'],
		['/(public)/commitments/[ref]', 'POST', 'ministry', 'role'],
		['/(admin)/admin/users', 'POST', 'ministry', 'role'],
		['/(public)/submissions/[id]/documents/[doc]', 'GET', null, 'allow'],
		['/(public)/submissions/[id]/documents/[doc]', 'POST', 'ministry', 'method'],
		['/(auth)/invitation/[token]', 'POST', null, 'allow'],
		['/(clerk)/nowhere', 'GET', 'admin', 'unlisted'],
		['/(public)/commitments', 'OPTIONS', null, 'method']
	];
	it.each(cases)('%s %s as %s → %s', (routeId, method, role, expected) => {
		const d = decideAccess(routeId, method, role ? { role } : null);
		expect(d.allow ? 'allow' : d.reason).toBe(expected);
	});
});

describe('record scope', () => {
	const clerkA = { role: 'clerk' as const, committeeIds: [1] };
	const mp = { role: 'mp' as const, committeeIds: [1] };
	const admin = { role: 'admin' as const, committeeIds: [] };

	it('clerks edit only their committees; admins all; MPs and the public none', () => {
		expect(canEditCommittee(clerkA, 1)).toBe(true);
		expect(canEditCommittee(clerkA, 2)).toBe(false);
		expect(canEditCommittee(admin, 2)).toBe(true);
		expect(canEditCommittee(mp, 1)).toBe(false);
		expect(canEditCommittee(null, 1)).toBe(false);
	});

	it('drafts are visible to their committee’s clerks and admins only', () => {
		const draft = { committeeId: 1, visibility: 'draft' as const };
		const published = { committeeId: 1, visibility: 'published' as const };
		expect(canSeeRecord(null, published)).toBe(true);
		expect(canSeeRecord(null, draft)).toBe(false);
		expect(canSeeRecord(mp, draft)).toBe(false);
		expect(canSeeRecord({ ...clerkA, committeeIds: [2] }, draft)).toBe(false);
		expect(canSeeRecord(clerkA, draft)).toBe(true);
		expect(canSeeRecord(admin, draft)).toBe(true);
	});
});

describe('homeFor', () => {
	it('sends those who edit to the workspace, ministries to theirs, and everyone else to the dashboard', () => {
		expect(homeFor({ role: 'clerk' })).toBe('/workspace');
		expect(homeFor({ role: 'admin' })).toBe('/workspace');
		expect(homeFor({ role: 'mp' })).toBe('/');
		expect(homeFor({ role: 'ministry' })).toBe('/ministry');
	});
});
