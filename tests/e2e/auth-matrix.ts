// The allow/deny matrix: every mutating form action and endpoint × every kind of requester,
// with the status each must get. Plain data, read by two tests:
//  - tests/e2e/auth-matrix.spec.ts sends each request to the built server and checks the status
//    (and that a refusal changed nothing in the database);
//  - tests/integration/access-table.test.ts fails when a route gains an action or a POST/PUT/
//    PATCH/DELETE endpoint that has no row here.
// Add a row with every new action. Clerk scope: clerkA belongs to committee A
// ('administration-internal-security'), clerkB to committee B ('finance-national-planning'); a
// row about a committee-A record should expect clerkB to be refused (403, or 404 where the
// record's existence must not leak). The ministry actor is the demo liaison officer of the
// State Department for Internal Security and National Administration (which leads committee A's
// published undertakings): a signed-in role refused everything but its own account and its
// organisations' undertakings (tests/e2e/ministry-matrix-rows.ts).

import { CLERK_MONEY_ROWS } from './clerk-money-matrix-rows';
import { CLERK_WORKSPACE_ROWS } from './clerk-matrix-rows';
import { MINISTRY_ROWS } from './ministry-matrix-rows';

export const ACTORS = [
	'anonymous',
	'mp',
	'clerkA',
	'clerkB',
	'admin',
	'ministry',
	'disabled'
] as const;
export type MatrixActor = (typeof ACTORS)[number];
export type Expected = Record<MatrixActor, number>;

/** Values the spec looks up just before each request. */
export interface MatrixContext {
	/** A user the admin actions work on (not one of the actors). */
	targetId: number;
	targetVersion: number;
	committeeA: number;
	/** Unique per request, for rows that create something with a unique field. */
	unique: string;
}

export interface MatrixRow {
	routeId: string;
	/** The form action's name ('default' for an unnamed one), or the endpoint's HTTP method. */
	action: string;
	/** POST by default; GET only in the read rows (MATRIX_READS), which send no body. */
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	path: (ctx: MatrixContext) => string;
	form: (ctx: MatrixContext) => Record<string, string | string[]>;
	expect: Expected;
	/** Tells rows of one action apart in the test titles (e.g. which forged id it sends). */
	label?: string;
}

const everyone = (status: number): Expected => ({
	anonymous: status,
	mp: status,
	clerkA: status,
	clerkB: status,
	admin: status,
	ministry: status,
	disabled: status
});
// A disabled user's session is gone, so they are treated exactly as anonymous.
const signedIn = (ok: number): Expected => ({ ...everyone(ok), anonymous: 401, disabled: 401 });
const adminOnly = (ok: number): Expected => ({
	anonymous: 401,
	mp: 403,
	clerkA: 403,
	clerkB: 403,
	admin: ok,
	ministry: 403,
	disabled: 401
});

const mpOnly = (ok: number): Expected => ({
	anonymous: 401,
	mp: ok,
	clerkA: 403,
	clerkB: 403,
	admin: ok,
	ministry: 403,
	disabled: 401
});
const PUBLISHED = '/commitments/DCAIS%2F2025%2F001';

/** A well-formed alert token that was never issued. */
const UNKNOWN_TOKEN = 'A'.repeat(43);

// Reminders and alerts: the token links need no sign-in, so every requester gets the same answer
// and an unknown token changes nothing; the account's alert settings are anyone's own.
const ALERT_ROWS: MatrixRow[] = [
	{
		// An empty language is refused by validation: nothing is saved.
		routeId: '/(auth)/account',
		action: 'alerts',
		path: () => '/account?/alerts',
		form: () => ({ language: '' }),
		expect: signedIn(400)
	},
	{
		routeId: '/(public)/follow',
		action: 'default',
		path: () => '/follow',
		form: () => ({ kind: 'commitment', target: 'DCAIS/2025/001', email: 'not an address' }),
		expect: everyone(400)
	},
	{
		routeId: '/(public)/alerts/confirm/[token]',
		action: 'default',
		path: () => `/alerts/confirm/${UNKNOWN_TOKEN}`,
		form: () => ({}),
		expect: everyone(404)
	},
	{
		routeId: '/(public)/alerts/manage/[token]',
		action: 'one',
		path: () => `/alerts/manage/${UNKNOWN_TOKEN}?/one`,
		form: () => ({ subscription: '1' }),
		expect: everyone(404)
	},
	{
		routeId: '/(public)/alerts/manage/[token]',
		action: 'all',
		path: () => `/alerts/manage/${UNKNOWN_TOKEN}?/all`,
		form: () => ({}),
		expect: everyone(404)
	},
	{
		routeId: '/(public)/alerts/unsubscribe/[token]',
		action: 'default',
		path: () => `/alerts/unsubscribe/${UNKNOWN_TOKEN}`,
		form: () => ({ 'List-Unsubscribe': 'One-Click' }),
		expect: everyone(404)
	}
];

export const MATRIX: readonly MatrixRow[] = [
	{
		// Empty fields: answered 400 by validation, before any throttle or database work.
		routeId: '/(auth)/login',
		action: 'default',
		path: () => '/login',
		form: () => ({ email: '', password: '' }),
		expect: everyone(400)
	},
	{
		routeId: '/(auth)/account',
		action: 'password',
		path: () => '/account?/password',
		form: () => ({
			current_password: 'whatever it is',
			new_password: 'a new password here',
			confirm_password: 'does not match'
		}),
		expect: signedIn(400)
	},
	{
		routeId: '/(admin)/admin/users',
		action: 'create',
		path: () => '/admin/users?/create',
		form: (ctx) => ({
			name: 'Matrix Created',
			email: `matrix.${ctx.unique}@ahadi.example`,
			role: 'clerk',
			committees: [String(ctx.committeeA)],
			password: 'matrix temporary password'
		}),
		expect: adminOnly(303)
	},
	{
		routeId: '/(admin)/admin/users/[id]',
		action: 'update',
		path: (ctx) => `/admin/users/${ctx.targetId}?/update`,
		form: (ctx) => ({
			name: `Matrix Target ${ctx.unique}`,
			role: 'mp',
			committees: [],
			version: String(ctx.targetVersion)
		}),
		expect: adminOnly(303)
	},
	{
		routeId: '/(admin)/admin/users/[id]',
		action: 'password',
		path: (ctx) => `/admin/users/${ctx.targetId}?/password`,
		form: () => ({ temporary_password: 'matrix temporary password' }),
		expect: adminOnly(303)
	},
	{
		routeId: '/(admin)/admin/users/[id]',
		action: 'disable',
		path: (ctx) => `/admin/users/${ctx.targetId}?/disable`,
		form: () => ({}),
		expect: adminOnly(303)
	},
	{
		routeId: '/(admin)/admin/users/[id]',
		action: 'enable',
		path: (ctx) => `/admin/users/${ctx.targetId}?/enable`,
		form: () => ({}),
		expect: adminOnly(303)
	},
	{
		routeId: '/(public)/commitments/[ref]',
		action: 'watch',
		path: () => `${PUBLISHED}?/watch`,
		form: () => ({}),
		expect: mpOnly(303)
	},
	{
		routeId: '/(public)/commitments/[ref]',
		action: 'unwatch',
		path: () => `${PUBLISHED}?/unwatch`,
		form: () => ({}),
		expect: mpOnly(303)
	},
	{
		// An empty note is refused by validation, so an allowed request writes nothing either.
		routeId: '/(public)/commitments/[ref]',
		action: 'addNote',
		path: () => `${PUBLISHED}?/addNote`,
		form: () => ({ body: '' }),
		expect: mpOnly(400)
	},
	{
		routeId: '/(public)/commitments/[ref]',
		action: 'deleteNote',
		path: () => `${PUBLISHED}?/deleteNote`,
		form: () => ({ note: '999999' }),
		expect: mpOnly(404)
	},
	{
		// Removing a commitment that is not on the list changes nothing, so this writes nothing.
		routeId: '/(mp)/watchlist',
		action: 'remove',
		path: () => '/watchlist?/remove',
		form: () => ({ commitment: '999999' }),
		expect: mpOnly(303)
	},
	{
		// An invalid abbreviation is refused by validation, so an allowed request writes nothing.
		routeId: '/(admin)/admin/committees',
		action: 'add',
		path: () => '/admin/committees?/add',
		form: () => ({ name: 'Matrix Committee', abbreviation: 'lower', house: 'senate' }),
		expect: adminOnly(400)
	},
	{
		routeId: '/(admin)/admin/committees',
		action: 'update',
		path: () => '/admin/committees?/update',
		form: (ctx) => ({
			committee_id: String(ctx.committeeA),
			name: '',
			abbreviation: 'DCAIS',
			house: 'national_assembly'
		}),
		expect: adminOnly(400)
	},
	...CLERK_WORKSPACE_ROWS,
	...CLERK_MONEY_ROWS,
	...MINISTRY_ROWS,
	...ALERT_ROWS,
	{
		// Last, as it ends the requester's session.
		routeId: '/(auth)/logout',
		action: 'default',
		path: () => '/logout',
		form: () => ({}),
		expect: everyone(303)
	}
];
