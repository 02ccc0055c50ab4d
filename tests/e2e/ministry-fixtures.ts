// Set-up for the tests of the ministry's right of reply (the allow/deny matrix and
// ministry-reply.spec.ts): records another organisation's ministry must never reach, made through
// the same services as the pages. Idempotent: each piece is made once per database. Call before
// taking snapshots of the database.
import { demoPdf } from '../../db/seeds/demo-replies';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { listUserOrganisationIds } from '../../src/lib/server/queries/ministry';
import { getUserByEmail } from '../../src/lib/server/queries/users';
import { saveDraft, type Person } from '../../src/lib/server/services/ministry-replies';
import { fileFromBytes } from '../../src/lib/server/forms/streamed-form';
import { createUser, inviteUser, reinviteUser } from '../../src/lib/server/services/users';
import type { Database as AppDb } from '../../src/lib/server/db/index';
import { ensureDemoUsers, withAppDb } from './auth-fixtures';
import {
	commitmentIdOf,
	demoDraft,
	LINK_HOLDER,
	one,
	setLinkToken,
	TREASURY_INVITED,
	TREASURY_OFFICER,
	treasuryDraft
} from './ministry-matrix-rows';

export const TREASURY_PASSWORD = 'matrix treasury password';

const organisationOf = (ref: string) =>
	one<{ id: number }>('select organisation_id as id from commitments where ref = ?', ref).id;

async function personOf(db: AppDb, email: string): Promise<Person> {
	const u = await getUserByEmail(db, email);
	if (!u) throw new Error(`no user ${email}`);
	return {
		id: u.id,
		name: u.name,
		email: u.email,
		role: u.role,
		committeeIds: u.committees.map((c) => c.id),
		organisationIds: await listUserOrganisationIds(db, u.id)
	};
}

export const TEST_PDF = (text: string) => Buffer.from(demoPdf(`${text} (test data)`));

/**
 * The records the ministry rows need: the demo users; a Treasury officer with a draft (with a
 * PDF) on DCFNP/2025/001; a Treasury officer still invited; an invitation link whose token the
 * rows post to; and a PDF on the demo ministry's unsent draft on DCAIS/2025/003 (the demo draft
 * has none).
 */
export async function ensureMinistryFixtures(): Promise<void> {
	await ensureDemoUsers();
	const treasury = organisationOf('DCFNP/2025/001');
	await withAppDb(async (db) => {
		if (!(await getUserByEmail(db, TREASURY_OFFICER))) {
			await createUser(db, SYSTEM_ACTOR, {
				email: TREASURY_OFFICER,
				name: 'Matrix Treasury Officer (test data)',
				role: 'ministry',
				committeeIds: [],
				organisationIds: [treasury],
				password: TREASURY_PASSWORD,
				mustChangePassword: false
			});
		}
		if (!(await getUserByEmail(db, TREASURY_INVITED))) {
			await inviteUser(db, SYSTEM_ACTOR, {
				email: TREASURY_INVITED,
				name: 'Matrix Invited Treasury Officer (test data)',
				role: 'ministry',
				committeeIds: [],
				organisationIds: [treasury]
			});
		}
		// A fresh link each time (a new one replaces the unused ones): only its maker knows it.
		const holder = await getUserByEmail(db, LINK_HOLDER);
		const { token } = holder
			? await reinviteUser(db, SYSTEM_ACTOR, holder.id)
			: await inviteUser(db, SYSTEM_ACTOR, {
					email: LINK_HOLDER,
					name: 'Matrix Link Holder (test data)',
					role: 'ministry',
					committeeIds: [],
					organisationIds: [treasury]
				});
		setLinkToken(token);
		if (treasuryDraft() === null) {
			await saveDraft(db, await personOf(db, TREASURY_OFFICER), {
				commitmentId: commitmentIdOf('DCFNP/2025/001'),
				submissionId: null,
				version: null,
				input: {
					kind: 'report',
					body: 'Matrix: a Treasury draft no other organisation may see or touch (test data).',
					claimedStatus: 'on_track',
					requestedUntil: null,
					approvedBy: null,
					approvedOn: null
				},
				documents: [fileFromBytes('treasury-draft.pdf', TEST_PDF('Treasury draft'))]
			});
		}
		const draft = demoDraft();
		if (draft.document === null) {
			const s = one<{
				kind: 'report';
				body: string;
				claimed_status: 'on_track';
			}>('select kind, body, claimed_status from ministry_submissions where id = ?', draft.id);
			await saveDraft(db, await personOf(db, 'ministry@ahadi.example'), {
				commitmentId: commitmentIdOf('DCAIS/2025/003'),
				submissionId: draft.id,
				version: draft.version,
				input: {
					kind: s.kind,
					body: s.body,
					claimedStatus: s.claimed_status,
					requestedUntil: null,
					approvedBy: null,
					approvedOn: null
				},
				documents: [fileFromBytes('demo-draft.pdf', TEST_PDF('Demo ministry draft'))]
			});
		}
	});
}
