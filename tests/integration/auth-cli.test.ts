// `npm run user -- …` (scripts/user.ts) and the demo accounts.
import {
	listOrganisationNames,
	listUserOrganisationIds
} from '../../src/lib/server/queries/ministry';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import {
	DEMO_ACCOUNTS,
	formatDemoCredentials,
	seedDemoUsers,
	workingDemoAccounts
} from '../../db/seeds/demo-users';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { getUserByEmail } from '../../src/lib/server/queries/users';
import { setTemporaryPassword } from '../../src/lib/server/services/users';
import { checkCredentials } from '../../src/lib/server/services/sign-in';
import { newDatabaseUrl } from '../helpers/test-db';
import { addCommittee, countRows, freshDb } from './auth-helpers';

function userCli(dbFile: string, args: string[], input = '') {
	const r = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/user.ts', ...args], {
		input,
		encoding: 'utf8',
		env: { ...process.env, DATABASE_URL: dbFile }
	});
	return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each run starts tsx (a second or two on a busy machine).
describe('scripts/user.ts', { timeout: 60_000 }, () => {
	it('adds the first admin with the password piped on stdin, and a clerk by committee slug', async () => {
		const file = await newDatabaseUrl();
		const db = await freshDb(file);
		await addCommittee(db, 'administration-internal-security');

		const admin = userCli(
			file,
			['add', '--email', 'Root@Example.org', '--name', 'First Admin', '--role', 'admin'],
			'a long admin password\n'
		);
		expect(admin.stderr).toBe('');
		expect(admin.status).toBe(0);
		expect(admin.stdout).toMatch(/created user \d+: First Admin <root@example\.org>, admin/);
		expect(await checkCredentials(db, 'root@example.org', 'a long admin password')).toMatchObject({
			mustChangePassword: false
		});

		const clerk = userCli(
			file,
			[
				'add',
				'--email',
				'c@example.org',
				'--name',
				'C',
				'--role',
				'clerk',
				'--committee',
				'administration-internal-security'
			],
			'a long clerk password\n'
		);
		expect(clerk.status).toBe(0);
		expect((await getUserByEmail(db, 'c@example.org'))!.committees.map((c) => c.slug)).toEqual([
			'administration-internal-security'
		]);

		const list = userCli(file, ['list']);
		expect(list.status).toBe(0);
		expect(list.stdout).toContain('root@example.org\tadmin\tactive');
		expect(list.stdout).toContain('c@example.org\tclerk\tactive\tadministration-internal-security');
		const audit = await db.selectFrom('audit_log').select(['actor', 'action']).execute();
		expect(audit).toContainEqual({ actor: 'system (command line)', action: 'user.created' });
	});

	it('fails with a clear message and a non-zero exit on bad input', async () => {
		const file = await newDatabaseUrl();
		const db = await freshDb(file);
		const cases: [string[], string, RegExp][] = [
			[
				['add', '--email', 'a@example.org', '--name', 'A', '--role', 'admin'],
				'short\n',
				/at least 12 characters/
			],
			[
				['add', '--email', 'nope', '--name', 'A', '--role', 'admin'],
				'long enough pass\n',
				/not a valid email/
			],
			[
				['add', '--email', 'a@example.org', '--name', 'A', '--role', 'king'],
				'long enough pass\n',
				/--role must be/
			],
			[
				['add', '--email', 'a@example.org', '--name', 'A', '--role', 'clerk'],
				'long enough pass\n',
				/clerk needs at least one --committee/
			],
			[
				[
					'add',
					'--email',
					'a@example.org',
					'--name',
					'A',
					'--role',
					'clerk',
					'--committee',
					'none'
				],
				'long enough pass\n',
				/no committee has the slug: none/
			],
			[['frobnicate'], '', /usage:/]
		];
		for (const [args, input, message] of cases) {
			const r = userCli(file, args, input);
			expect(r.status, args.join(' ')).toBe(2);
			expect(r.stderr).toMatch(message);
		}
		expect(await countRows(db, 'users')).toBe(0);
	});
});

describe('demo accounts', () => {
	it('one per role (two clerks), idempotent, and each can sign in', async () => {
		const db = await freshDb();
		await seedDemo(db);
		const first = await seedDemoUsers(db);
		const again = await seedDemoUsers(db);
		expect(again).toEqual(first);
		expect(await countRows(db, 'users')).toBe(5);
		expect(first.map((a) => a.role).sort()).toEqual(['admin', 'clerk', 'clerk', 'ministry', 'mp']);
		for (const account of DEMO_ACCOUNTS) {
			expect(await checkCredentials(db, account.email, account.password)).not.toBeNull();
			const user = await getUserByEmail(db, account.email);
			expect(user!.committees.map((c) => c.slug)).toEqual(account.committees);
			const organisations = await listOrganisationNames(
				db,
				await listUserOrganisationIds(db, user!.id)
			);
			expect(organisations.map((o) => o.slug)).toEqual(account.organisations ?? []);
		}
	});

	it('lists only the accounts whose demo password still works', async () => {
		const db = await freshDb();
		expect(await workingDemoAccounts(db)).toEqual([]);
		await seedDemo(db);
		const accounts = await seedDemoUsers(db);
		expect(await workingDemoAccounts(db)).toEqual(accounts);
		const admin = (await getUserByEmail(db, 'admin@ahadi.example'))!;
		await setTemporaryPassword(db, SYSTEM_ACTOR, admin.id, 'somebody changed it');
		expect((await workingDemoAccounts(db)).map((a) => a.email)).not.toContain(
			'admin@ahadi.example'
		);
		const text = formatDemoCredentials(accounts);
		expect(text).toMatch(/^Demo accounts/);
		for (const a of accounts) expect(text).toContain(`${a.email}`);
		expect(formatDemoCredentials([])).toBe('');
	});

	it('refuses to run without the demo committees', async () => {
		const db = await freshDb();
		await expect(seedDemoUsers(db)).rejects.toThrow(/demo committees first/);
	});
});
