import { describe, expect, it } from 'vitest';
import {
	SESSION_LIFETIME_MS,
	createSession,
	generateSessionToken,
	invalidateSession,
	invalidateUserSessions,
	sessionIdOf,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { setUserDisabled } from '../../src/lib/server/services/users';
import { addCommittee, addUser, countRows, freshDb } from './auth-helpers';

const DAY = 86_400_000;

describe('sessions', () => {
	it('stores only the SHA-256 of a 20-byte random token', async () => {
		const db = await freshDb();
		const userId = await addUser(db, 'a@x.example');
		const token = generateSessionToken();
		expect(token).toMatch(/^[a-z2-7]{32}$/);
		const session = await createSession(db, token, userId);
		const rows = await db.selectFrom('sessions').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]!.id).toBe(sessionIdOf(token));
		expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/);
		expect(rows[0]!.id).not.toContain(token);
		expect(session.id).toBe(rows[0]!.id);
	});

	it('validates to the user with role and committees', async () => {
		const db = await freshDb();
		const k = await addCommittee(db, 'k1');
		const userId = await addUser(db, 'c@x.example', 'clerk', { committeeIds: [k] });
		const token = generateSessionToken();
		await createSession(db, token, userId);
		const { user, session } = await validateSessionToken(db, token);
		expect(session?.userId).toBe(userId);
		expect(user).toMatchObject({ id: userId, role: 'clerk', committeeIds: [k] });
		expect((await validateSessionToken(db, generateSessionToken())).user).toBeNull();
	});

	it('expires, deleting the row', async () => {
		const db = await freshDb();
		const userId = await addUser(db, 'a@x.example');
		const token = generateSessionToken();
		const t0 = Date.now();
		await createSession(db, token, userId, t0);
		expect((await validateSessionToken(db, token, t0 + DAY)).user).not.toBeNull();
		expect((await validateSessionToken(db, token, t0 + SESSION_LIFETIME_MS)).user).toBeNull();
		expect(await countRows(db, 'sessions')).toBe(0);
	});

	it('slides the expiry when used in the second half of its life', async () => {
		const db = await freshDb();
		const userId = await addUser(db, 'a@x.example');
		const token = generateSessionToken();
		const t0 = Date.now();
		const created = await createSession(db, token, userId, t0);
		const early = await validateSessionToken(db, token, t0 + DAY);
		expect(early.session?.expiresAt.getTime()).toBe(created.expiresAt.getTime());
		const later = t0 + 20 * DAY;
		const slid = await validateSessionToken(db, token, later);
		expect(slid.session?.expiresAt.getTime()).toBe(later + SESSION_LIFETIME_MS);
		const row = await db.selectFrom('sessions').select('expires_at').executeTakeFirstOrThrow();
		expect(row.expires_at).toBe(later + SESSION_LIFETIME_MS);
	});

	it('ends on sign-out, and all at once for a user (optionally but one)', async () => {
		const db = await freshDb();
		const userId = await addUser(db, 'a@x.example');
		const [t1, t2, t3] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		const s1 = await createSession(db, t1, userId);
		await createSession(db, t2, userId);
		await createSession(db, t3, userId);
		await invalidateSession(db, s1.id);
		expect((await validateSessionToken(db, t1)).user).toBeNull();
		const keep = sessionIdOf(t2);
		await invalidateUserSessions(db, userId, keep);
		expect((await validateSessionToken(db, t2)).user).not.toBeNull();
		expect((await validateSessionToken(db, t3)).user).toBeNull();
	});

	it('a disabled user has no valid session', async () => {
		const db = await freshDb();
		const userId = await addUser(db, 'a@x.example');
		const token = generateSessionToken();
		await createSession(db, token, userId);
		await setUserDisabled(db, SYSTEM_ACTOR, userId, true);
		expect(await countRows(db, 'sessions')).toBe(0);
		// Even a session row that survived (e.g. written concurrently) is refused.
		await createSession(db, token, userId);
		expect((await validateSessionToken(db, token)).user).toBeNull();
	});
});
