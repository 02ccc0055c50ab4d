import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { actorOf, SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { verifyPassword } from '../../src/lib/server/auth/password';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { getPasswordHash, getUser, listUsers } from '../../src/lib/server/queries/users';
import { InputError, StaleRecordError } from '../../src/lib/server/errors';
import {
	changeOwnPassword,
	createUser,
	setTemporaryPassword,
	setUserDisabled,
	updateUser
} from '../../src/lib/server/services/users';
import { checkCredentials } from '../../src/lib/server/services/sign-in';
import { PASSWORD, addCommittee, addUser, countRows, freshDb } from './auth-helpers';

async function auditRows(db: Awaited<ReturnType<typeof freshDb>>) {
	return db.selectFrom('audit_log').selectAll().orderBy('id').execute();
}

describe('user accounts', () => {
	it('creates a user with committees, a lower-cased email and an audit row', async () => {
		const db = await freshDb();
		const k = await addCommittee(db, 'k1');
		const admin = await addUser(db, 'admin@x.example', 'admin');
		const adminUser = (await getUser(db, admin))!;
		const id = await createUser(db, actorOf(adminUser), {
			email: ' Clerk@X.example ',
			name: 'Clerk One',
			role: 'clerk',
			committeeIds: [k, k],
			password: 'temporary password 1',
			mustChangePassword: true
		});
		const user = await getUser(db, id);
		expect(user).toMatchObject({
			email: 'clerk@x.example',
			role: 'clerk',
			mustChangePassword: true,
			disabledAt: null
		});
		expect(user!.committees.map((c) => c.slug)).toEqual(['k1']);
		const last = (await auditRows(db)).at(-1)!;
		expect(last).toMatchObject({ action: 'user.created', entity: 'user', entity_id: String(id) });
		expect(last.user_id).toBe(admin);
		expect(last.after_json).not.toMatch(/argon2|password_hash|temporary password 1/);
		expect(JSON.parse(last.after_json!)).toMatchObject({ role: 'clerk', committeeIds: [k] });
	});

	it('refuses a duplicate email, a clerk without committees and unknown committees', async () => {
		const db = await freshDb();
		await addUser(db, 'a@x.example');
		const before = await countRows(db, 'audit_log');
		const input = {
			email: 'A@x.example',
			name: 'A',
			role: 'mp' as const,
			committeeIds: [],
			password: PASSWORD,
			mustChangePassword: true
		};
		await expect(createUser(db, SYSTEM_ACTOR, input)).rejects.toThrow(InputError);
		await expect(
			createUser(db, SYSTEM_ACTOR, { ...input, email: 'c@x.example', role: 'clerk' })
		).rejects.toMatchObject({ errors: { committees: expect.any(String) } });
		await expect(
			createUser(db, SYSTEM_ACTOR, { ...input, email: 'd@x.example', committeeIds: [999] })
		).rejects.toMatchObject({ errors: { committees: expect.any(String) } });
		expect(await countRows(db, 'users')).toBe(1);
		expect(await countRows(db, 'audit_log')).toBe(before);
	});

	it('updates role and committees with compare-and-swap on version, auditing before/after', async () => {
		const db = await freshDb();
		const [k1, k2] = [await addCommittee(db, 'k1'), await addCommittee(db, 'k2')];
		const id = await addUser(db, 'u@x.example', 'mp', { committeeIds: [k1] });
		const v = (await getUser(db, id))!.version;
		await updateUser(db, SYSTEM_ACTOR, id, {
			name: 'New Name',
			role: 'clerk',
			committeeIds: [k2],
			version: v
		});
		const user = (await getUser(db, id))!;
		expect(user).toMatchObject({ name: 'New Name', role: 'clerk', version: v + 1 });
		expect(user.committees.map((c) => c.id)).toEqual([k2]);
		const last = (await auditRows(db)).at(-1)!;
		expect(last.action).toBe('user.updated');
		expect(JSON.parse(last.before_json!)).toMatchObject({ role: 'mp', committeeIds: [k1] });
		expect(JSON.parse(last.after_json!)).toMatchObject({ role: 'clerk', committeeIds: [k2] });

		// A second edit from the same (now stale) form loses.
		await expect(
			updateUser(db, SYSTEM_ACTOR, id, { name: 'X', role: 'mp', committeeIds: [], version: v })
		).rejects.toThrow(StaleRecordError);
		expect((await getUser(db, id))!.name).toBe('New Name');
	});

	it('disabling ends every session at once and refuses sign-in; enabling restores it', async () => {
		const db = await freshDb();
		const id = await addUser(db, 'u@x.example');
		const tokens = [generateSessionToken(), generateSessionToken()];
		for (const t of tokens) await createSession(db, t, id);
		await setUserDisabled(db, SYSTEM_ACTOR, id, true);
		for (const t of tokens) expect((await validateSessionToken(db, t)).user).toBeNull();
		expect(await checkCredentials(db, 'u@x.example', PASSWORD)).toBeNull();
		await setUserDisabled(db, SYSTEM_ACTOR, id, false);
		expect(await checkCredentials(db, 'u@x.example', PASSWORD)).toMatchObject({ id });
		const actions = (await auditRows(db)).map((r) => r.action);
		expect(actions.slice(-2)).toEqual(['user.disabled', 'user.enabled']);
	});

	it('a temporary password ends sessions and must be changed', async () => {
		const db = await freshDb();
		const id = await addUser(db, 'u@x.example');
		const token = generateSessionToken();
		await createSession(db, token, id);
		await setTemporaryPassword(db, SYSTEM_ACTOR, id, 'temporary password 2');
		expect((await validateSessionToken(db, token)).user).toBeNull();
		expect(await checkCredentials(db, 'u@x.example', 'temporary password 2')).toMatchObject({
			mustChangePassword: true
		});
		expect((await auditRows(db)).at(-1)!.action).toBe('user.temporary_password_set');
	});

	it('changing one’s own password checks the current one and ends all sessions', async () => {
		const db = await freshDb();
		const id = await addUser(db, 'u@x.example', 'mp', { mustChangePassword: true });
		const me = { ...actorOf((await getUser(db, id))!), id };
		const [here, elsewhere] = [generateSessionToken(), generateSessionToken()];
		await createSession(db, here, id);
		await createSession(db, elsewhere, id);

		await expect(
			changeOwnPassword(db, me, 'wrong password', 'new password 123')
		).rejects.toMatchObject({ errors: { current_password: expect.any(String) } });
		await expect(changeOwnPassword(db, me, PASSWORD, PASSWORD)).rejects.toMatchObject({
			errors: { new_password: expect.any(String) }
		});
		expect((await validateSessionToken(db, elsewhere)).user).not.toBeNull();

		await changeOwnPassword(db, me, PASSWORD, 'new password 123');
		expect(await verifyPassword((await getPasswordHash(db, id))!, 'new password 123')).toBe(true);
		expect((await getUser(db, id))!.mustChangePassword).toBe(false);
		expect(await countRows(db, 'sessions')).toBe(0);
		expect((await auditRows(db)).at(-1)).toMatchObject({
			action: 'user.password_changed',
			user_id: id
		});
	});

	it('lists users a page at a time with their committees', async () => {
		const db = await freshDb();
		const k = await addCommittee(db, 'k1');
		for (const n of ['c', 'a', 'b'])
			await addUser(db, `${n}@x.example`, 'mp', { committeeIds: [k] });
		const page1 = await listUsers(db, { page: 1, pageSize: 2 });
		const page2 = await listUsers(db, { page: 2, pageSize: 2 });
		expect(page1.total).toBe(3);
		expect(page1.rows.map((u) => u.email)).toEqual(['a@x.example', 'b@x.example']);
		expect(page2.rows.map((u) => u.email)).toEqual(['c@x.example']);
		expect(page2.rows[0]!.committees[0]!.slug).toBe('k1');
	});
});

describe('the audit log is append-only', () => {
	it('refuses UPDATE and DELETE, even through the query builder', async () => {
		const db = await freshDb();
		await addUser(db, 'u@x.example');
		const n = await countRows(db, 'audit_log');
		expect(n).toBeGreaterThan(0);
		await expect(
			db.updateTable('audit_log').set({ actor: 'someone else' }).execute()
		).rejects.toThrow(/append-only/);
		await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
		await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
		expect(await countRows(db, 'audit_log')).toBe(n);
	});
});
