// One demo account per role, for the demo data only (scripts/db.ts calls this right after
// seedDemo loads the demo, and prints the credentials). The passwords are public: never run
// this against a database that holds real data. Relative imports only (run by tsx).
import type { Kysely } from 'kysely';
import type { DB, Role } from '../../src/lib/server/db/schema';
import { getUserByEmail, findCommitteesBySlug } from '../../src/lib/server/queries/users';
import { findOrganisationIdsBySlug } from '../../src/lib/server/queries/ministry';
import { checkCredentials } from '../../src/lib/server/services/sign-in';
import { createUser } from '../../src/lib/server/services/users';

export interface DemoAccount {
	email: string;
	password: string;
	role: Role;
	name: string;
	committees: string[];
	/** A ministry user's organisations, by slug. */
	organisations?: string[];
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
	{
		email: 'admin@ahadi.example',
		password: 'demo-admin-password',
		role: 'admin',
		name: 'Amina Wanjiru (demo administrator)',
		committees: []
	},
	{
		email: 'clerk@ahadi.example',
		password: 'demo-clerk-password',
		role: 'clerk',
		name: 'Brian Otieno (demo clerk, DCAIS)',
		committees: ['administration-internal-security']
	},
	{
		email: 'mp@ahadi.example',
		password: 'demo-mp-password',
		role: 'mp',
		name: 'Hon. Grace Chebet (demo MP)',
		committees: ['administration-internal-security']
	},
	{
		email: 'finance.clerk@ahadi.example',
		password: 'demo-finance-clerk-password',
		role: 'clerk',
		name: 'Daniel Mwangi (demo clerk, DCFNP)',
		committees: ['finance-national-planning']
	},
	{
		email: 'ministry@ahadi.example',
		password: 'demo-ministry-password',
		role: 'ministry',
		name: 'Esther Kamau (demo liaison officer, State Department for Internal Security)',
		committees: [],
		organisations: ['sd-internal-security-national-administration']
	}
];

const SEED_ACTOR = { id: null, label: 'system (demo seed)' };

/**
 * Creates the demo accounts that do not exist yet (existing emails are left alone, whatever
 * their password now is) and returns the credentials of all of them. Needs the demo
 * committees (seedDemo) first.
 */
export async function seedDemoUsers(
	db: Kysely<DB>,
	{ roles }: { roles?: readonly Role[] } = {}
): Promise<{ email: string; password: string; role: Role; name: string }[]> {
	const accounts = DEMO_ACCOUNTS.filter((a) => !roles || roles.includes(a.role));
	for (const account of accounts) {
		if (await getUserByEmail(db, account.email)) continue;
		const committees = await findCommitteesBySlug(db, account.committees);
		const missing = account.committees.filter((s) => !committees.some((c) => c.slug === s));
		if (missing.length > 0) {
			throw new Error(`demo users need the demo committees first (missing: ${missing.join(', ')})`);
		}
		const organisations = await findOrganisationIdsBySlug(db, account.organisations ?? []);
		if (organisations.length !== (account.organisations ?? []).length) {
			throw new Error('demo users need the demo organisations first');
		}
		await createUser(db, SEED_ACTOR, {
			email: account.email,
			name: account.name,
			role: account.role,
			committeeIds: committees.map((c) => c.id),
			organisationIds: organisations.map((o) => o.id),
			password: account.password,
			mustChangePassword: false
		});
	}
	return accounts.map(({ email, password, role, name }) => ({ email, password, role, name }));
}

/**
 * The demo accounts that still sign in with their published password (none on a database
 * without the demo, or once they have been changed or disabled): safe to print at start-up.
 */
export async function workingDemoAccounts(db: Kysely<DB>) {
	const working = [];
	for (const { email, password, role, name } of DEMO_ACCOUNTS) {
		if (await checkCredentials(db, email, password)) working.push({ email, password, role, name });
	}
	return working;
}

/** The credentials as lines for the terminal. */
export function formatDemoCredentials(
	accounts: { email: string; password: string; role: Role; name: string }[]
): string {
	if (accounts.length === 0) return '';
	const lines = accounts.map(
		(a) => `  ${a.role.padEnd(8)} ${a.email.padEnd(28)} ${a.password.padEnd(28)} ${a.name}`
	);
	return [
		'Demo accounts (demo data only: public passwords, never use them with real data):',
		`  ${'role'.padEnd(8)} ${'email'.padEnd(28)} ${'password'.padEnd(28)} name`,
		...lines
	].join('\n');
}
