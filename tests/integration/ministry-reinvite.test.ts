// A new invitation link sets the password of whoever it is for, so it is only for an officer
// invited and not yet signed in: never for one who already signs in (invited and accepted, or
// given a password another way, like the demo officer), or the clerk asking could sign in as them.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/index';
import { NotFoundError } from '../../src/lib/server/errors';
import {
	inviteLiaisonOfficer,
	reinviteLiaisonOfficer,
	type Person
} from '../../src/lib/server/services/ministry-replies';
import { acceptInvitation, openInvitation } from '../../src/lib/server/services/users';
import { checkCredentials } from '../../src/lib/server/services/sign-in';
import { seedDemo } from '../../db/seeds/demo';
import { person } from '../../db/seeds/demo-replies';
import { seedDemoUsers } from '../../db/seeds/demo-users';
import { freshDb } from '../helpers/db';

let db: Database;
let ministry: Person;
let clerkA: Person;
let clerkB: Person;

async function refusal(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (e) {
		return e;
	}
	throw new Error('expected a refusal');
}
const invitations = async () =>
	(await db.selectFrom('user_invitations').select('token_hash').execute()).length;

beforeEach(async () => {
	db = await freshDb();
	await seedDemo(db);
	await seedDemoUsers(db);
	ministry = await person(db, 'ministry@ahadi.example');
	clerkA = await person(db, 'clerk@ahadi.example');
	clerkB = await person(db, 'finance.clerk@ahadi.example');
});

describe('a new invitation link', () => {
	it('replaces a lost one for an officer not yet signed in, for their committee’s clerk only', async () => {
		const { token, userId } = await inviteLiaisonOfficer(db, clerkA, {
			name: 'Joy Atieno',
			email: 'joy@sd.example',
			organisationId: ministry.organisationIds[0]!
		});
		expect(await refusal(async () => reinviteLiaisonOfficer(db, clerkB, userId))).toBeInstanceOf(
			NotFoundError
		);
		const again = await reinviteLiaisonOfficer(db, clerkA, userId);
		expect(await openInvitation(db, token)).toBeNull();
		expect((await openInvitation(db, again.token))?.email).toBe('joy@sd.example');
	});

	it('is refused for an officer who already signs in, and nothing is stored', async () => {
		// The demo officer was given a password, never invited.
		const before = await invitations();
		expect(
			await refusal(async () => reinviteLiaisonOfficer(db, clerkA, ministry.id))
		).toBeInstanceOf(NotFoundError);
		// An invited officer who has used the link.
		const { token, userId } = await inviteLiaisonOfficer(db, clerkA, {
			name: 'Joy Atieno',
			email: 'joy@sd.example',
			organisationId: ministry.organisationIds[0]!
		});
		await acceptInvitation(db, token, 'a password of mine 1');
		const accepted = await invitations();
		expect(accepted).toBe(before + 1);
		expect(await refusal(async () => reinviteLiaisonOfficer(db, clerkA, userId))).toBeInstanceOf(
			NotFoundError
		);
		expect(await invitations()).toBe(accepted);
		expect(await checkCredentials(db, 'joy@sd.example', 'a password of mine 1')).not.toBeNull();
		expect(
			await checkCredentials(db, 'ministry@ahadi.example', 'demo-ministry-password')
		).not.toBeNull();
	});
});
