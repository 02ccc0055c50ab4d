// Who may do what, in one place. The server hook reads this table for every request: a route
// id missing from it is denied (deny by default), as is a method that an entry does not name.
import { error } from '@sveltejs/kit';
import type { Role, Visibility } from '../db/schema';

export type { Role };
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type Rule = { kind: 'public' } | { kind: 'roles'; roles: readonly Role[] };

export const ROLES: readonly Role[] = ['mp', 'clerk', 'admin', 'ministry'];

// Named rules, for this table and for the workspaces other routes will add.
export const anyone: Rule = { kind: 'public' };
const roles = (...r: Role[]): Rule => ({ kind: 'roles', roles: r });
export const signedIn = roles(...ROLES);
export const mps = roles('mp', 'admin');
export const clerks = roles('clerk', 'admin');
export const admins = roles('admin');
export const ministries = roles('ministry');

type Entry = Partial<Record<Method, Rule>>;

/**
 * Route id → rule per method. GET covers HEAD. POST covers every form action of a page (and
 * an endpoint's POST); a rule here is per route, so per-record scope (a clerk's committees) is
 * checked where the record is loaded, with `canEditCommittee` / `canSeeRecord`.
 * tests/integration/access-table.test.ts fails when this table and src/routes disagree.
 */
export const ACCESS: Record<string, Entry> = {
	// Public, read-only pages (published records only).
	'/(public)': { GET: anyone },
	'/(public)/commitments': { GET: anyone },
	// MPs may watch a commitment and keep private notes on it from its public page.
	'/(public)/commitments/[ref]': { GET: anyone, POST: mps },
	'/(public)/committees': { GET: anyone },
	'/(public)/committees/[slug]': { GET: anyone },
	'/(public)/organisations/[slug]': { GET: anyone },
	'/(public)/budget': { GET: anyone },
	'/(public)/about': { GET: anyone },

	// Open data: the API, downloads and feeds (published records only, read-only).
	'/api/v1/commitments': { GET: anyone },
	'/api/v1/commitments/[...ref]': { GET: anyone },
	'/api/v1/budget-lines': { GET: anyone },
	'/api/v1/committees': { GET: anyone },
	'/api/v1/organisations': { GET: anyone },
	'/api/v1/openapi.json': { GET: anyone },
	'/(public)/data': { GET: anyone },
	'/(public)/data/commitments.csv': { GET: anyone },
	'/(public)/data/updates.csv': { GET: anyone },
	'/(public)/data/submissions.csv': { GET: anyone },
	'/(public)/data/budget-figures.csv': { GET: anyone },
	'/(public)/data/budget-phases.csv': { GET: anyone },
	'/(public)/data/datapackage.json': { GET: anyone },
	'/(public)/feeds/updates.atom': { GET: anyone },
	'/(public)/feeds/committees/[slug].atom': { GET: anyone },
	'/(public)/feeds/commitments/[ref].atom': { GET: anyone },

	// Signing in and out, and one's own account.
	'/(auth)/login': { GET: anyone, POST: anyone },
	// Signing out is harmless, so a stale page (session already over) may still post it.
	'/(auth)/logout': { GET: anyone, POST: anyone },
	'/(auth)/account': { GET: signedIn, POST: signedIn },

	// Administration.
	'/(admin)/admin': { GET: admins },
	'/(admin)/admin/users': { GET: admins, POST: admins },
	'/(admin)/admin/users/[id]': { GET: admins, POST: admins },
	'/(admin)/admin/audit': { GET: admins },
	// Reminders and alerts: the outbox (admins), following by e-mail without an account (the
	// token in the link is the authority: no sign-in).
	'/(admin)/admin/outbox': { GET: admins },
	'/(public)/follow': { GET: anyone, POST: anyone },
	'/(public)/alerts/confirm/[token]': { GET: anyone, POST: anyone },
	'/(public)/alerts/manage/[token]': { GET: anyone, POST: anyone },
	'/(public)/alerts/unsubscribe/[token]': { GET: anyone, POST: anyone },

	// Clerk workspace: sittings, commitments, publishing, reference lists. Committee scope is
	// checked where each record is loaded (canEditCommittee).
	'/(clerk)/workspace': { GET: clerks },
	'/(clerk)/workspace/sittings': { GET: clerks },
	'/(clerk)/workspace/sittings/new': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/sittings/[id]': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/commitments': { GET: clerks },
	'/(clerk)/workspace/commitments/[id]': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/reference': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/transcripts': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/transcripts/[id]': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/transcripts/[id]/file': { GET: clerks },

	// Clerk workspace: milestones, updates and evidence, funding links, budget figures.
	'/(clerk)/workspace/commitments/[id]/milestones': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/commitments/[id]/updates': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/commitments/[id]/funding': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/budget': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/budget/import': { GET: clerks, POST: clerks },

	// MP workspace: the briefing pack and the watchlist (private to each MP).
	'/(mp)/briefing': { GET: mps },
	'/(mp)/briefing/print.css': { GET: mps },
	'/(mp)/watchlist': { GET: mps, POST: mps },

	// The ministry's right of reply: its undertakings and submissions (scoped to its own
	// organisations where each record is loaded), and the committee's inbox.
	'/(ministry)/ministry': { GET: ministries },
	'/(ministry)/ministry/commitments/[id]': { GET: ministries, POST: ministries },
	'/(clerk)/workspace/submissions': { GET: clerks },
	'/(clerk)/workspace/submissions/[id]': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/commitments/[id]/submission': { GET: clerks, POST: clerks },
	'/(clerk)/workspace/ministries': { GET: clerks, POST: clerks },
	// A submission's document: public once sent on a published commitment; a draft's only to
	// its ministry (checked where the file is loaded).
	'/(public)/submissions/[id]/documents/[doc]': { GET: anyone },
	// A one-time invitation link sets the invited person's password.
	'/(auth)/invitation/[token]': { GET: anyone, POST: anyone },

	// Deadline rules are maintained by admins.
	'/(admin)/admin/deadline-rules': { GET: admins, POST: admins },
	'/(admin)/admin/committees': { GET: admins, POST: admins }
};

/**
 * Routes a signed-in user whose password must be changed may still use; every other request
 * is sent to /account first.
 */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set([
	'/(auth)/account',
	'/(auth)/logout'
]);

export type Decision =
	{ allow: true } | { allow: false; reason: 'unlisted' | 'method' | 'anonymous' | 'role' };

export function decideAccess(
	routeId: string,
	method: string,
	user: { role: Role } | null
): Decision {
	const entry = ACCESS[routeId];
	if (!entry) return { allow: false, reason: 'unlisted' };
	const rule = entry[(method === 'HEAD' ? 'GET' : method) as Method];
	if (!rule) return { allow: false, reason: 'method' };
	if (rule.kind === 'public') return { allow: true };
	if (!user) return { allow: false, reason: 'anonymous' };
	return rule.roles.includes(user.role) ? { allow: true } : { allow: false, reason: 'role' };
}

/** Clerks edit only their own committees' records; admins edit all. */
export function canEditCommittee(
	user: { role: Role; committeeIds: readonly number[] } | null,
	committeeId: number
): boolean {
	if (!user) return false;
	if (user.role === 'admin') return true;
	return user.role === 'clerk' && user.committeeIds.includes(committeeId);
}

/**
 * Drafts (and withdrawn records) are visible only to the clerks of their committee and to
 * admins; to everyone else they do not exist, so callers answer 404, never 403.
 */
export function canSeeRecord(
	user: { role: Role; committeeIds: readonly number[] } | null,
	record: { committeeId: number; visibility: Visibility }
): boolean {
	return record.visibility === 'published' || canEditCommittee(user, record.committeeId);
}

/** Where a user's work is, when signing in leads nowhere else: the workspace for those who edit. */
export function homeFor(user: { role: Role }): '/workspace' | '/ministry' | '/' {
	if (user.role === 'ministry') return '/ministry';
	return clerks.kind === 'roles' && clerks.roles.includes(user.role) ? '/workspace' : '/';
}

/**
 * Defence in depth inside an action or load (the hook has already checked the route): throws
 * 403 unless the user holds one of `allowed`, and narrows the type to a signed-in user.
 */
export function requireRole<U extends { role: Role }>(
	user: U | null,
	...allowed: Role[]
): asserts user is U {
	if (!user) error(401, 'Sign in to do this.');
	if (!allowed.includes(user.role)) error(403, 'You do not have permission to do this.');
}
