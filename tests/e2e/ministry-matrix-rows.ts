// Allow/deny rows for the ministry's right of reply, for the matrix in tests/e2e/auth-matrix.ts:
// the ministry's own actions, the committee's inbox and decisions, the clerk recording on the
// ministry's behalf, invitations, and (in MINISTRY_READS, GET requests the spec runs after the
// matrix) who may read a submission's document or open its page. Forged ids throughout: another
// organisation's undertaking and draft (the Treasury's, on DCFNP/2025/001, made by
// ensureMinistryFixtures in ministry-fixtures.ts), submissions already sent, a committee-A
// submission in committee B's clerk's hands. Rows that would change a demo record send a value
// refused once past the guard (400), or an id the requester may not touch (404); nothing a
// refused request does may change the database. Ids are looked up when a request is built.
import type { Expected, MatrixRow } from './auth-matrix';
import { readDb } from './auth-fixtures';

/** A liaison officer of the Treasury (which leads DCFNP/2025/001, committee B). */
export const TREASURY_OFFICER = 'matrix.treasury@ahadi.example';
/** A Treasury officer invited and not yet signed in (committee B's clerk may send a new link). */
export const TREASURY_INVITED = 'matrix.treasury.invited@ahadi.example';

/** An officer invited in set-up whose link the invitation rows post to (valid, never used). */
export const LINK_HOLDER = 'matrix.link@ahadi.example';
let linkToken: string | null = null;
/** Set by ensureMinistryFixtures: the link's token is only known when it is made. */
export function setLinkToken(token: string) {
	linkToken = token;
}
const validLink = () => {
	if (!linkToken) throw new Error('ensureMinistryFixtures has not run');
	return `/invitation/${linkToken}`;
};

export function one<T>(query: string, ...params: unknown[]): T {
	const [row] = readDb<T>(query, ...params);
	if (!row) throw new Error(`no row for ${query}`);
	return row;
}

export const commitmentIdOf = (ref: string) =>
	one<{ id: number }>('select id from commitments where ref = ?', ref).id;

/** A submission and its first document, if any. */
export interface SubmissionRef {
	id: number;
	version: number;
	document: number | null;
}

function submissionWhere(where: string, ...params: unknown[]): SubmissionRef | null {
	const [row] = readDb<SubmissionRef>(
		`select s.id, s.version,
			(select min(d.id) from submission_documents d where d.submission_id = s.id) as document
		from ministry_submissions s join commitments c on c.id = s.commitment_id
		where ${where} order by s.id limit 1`,
		...params
	);
	return row ?? null;
}

/** The Treasury officer's draft on DCFNP/2025/001. */
export function treasuryDraft(): SubmissionRef | null {
	return submissionWhere(
		"c.ref = 'DCFNP/2025/001' and s.state = 'draft' and s.created_by = (select id from users where email = ?)",
		TREASURY_OFFICER
	);
}

/** The demo ministry's unsent report on DCAIS/2025/003. */
export function demoDraft(): SubmissionRef {
	const s = submissionWhere(
		"c.ref = 'DCAIS/2025/003' and s.state = 'draft' and s.created_by = (select id from users where email = 'ministry@ahadi.example')"
	);
	if (!s) throw new Error('the demo draft on DCAIS/2025/003 is missing');
	return s;
}

/** The demo report on DCAIS/2025/002, sent and received by the committee (with its PDF). */
export function demoReceivedReport(): SubmissionRef {
	const s = submissionWhere(
		"c.ref = 'DCAIS/2025/002' and s.kind = 'report' and s.state = 'decided'"
	);
	if (!s) throw new Error('the demo report on DCAIS/2025/002 is missing');
	return s;
}

export const userIdOf = (email: string) =>
	one<{ id: number }>('select id from users where email = ?', email).id;

/** Only the ministry's liaison officers; every other signed-in role is refused by the guard. */
const ministryOnly = (ok: number): Expected => ({
	anonymous: 401,
	mp: 403,
	clerkA: 403,
	clerkB: 403,
	admin: 403,
	ministry: ok,
	disabled: 401
});
/** The committee's clerks (A's, here) and admins; B's clerk gets `otherCommittee`. */
const clerks = (allowed: number, otherCommittee: number, adminStatus = allowed): Expected => ({
	anonymous: 401,
	mp: 403,
	clerkA: allowed,
	clerkB: otherCommittee,
	admin: adminStatus,
	ministry: 403,
	disabled: 401
});
const everyone = (status: number): Expected => ({
	anonymous: status,
	mp: status,
	clerkA: status,
	clerkB: status,
	admin: status,
	ministry: status,
	disabled: status
});

const ministryPage = (ref: string, action: string) => () =>
	`/ministry/commitments/${commitmentIdOf(ref)}?/${action}`;

/** A complete, valid implementation report: only the guard or the record can refuse it. */
const validReport = {
	kind: 'report',
	body: 'Matrix: a report that must not be stored (test data).',
	claimed_status: 'on_track'
};

const sending = (s: () => SubmissionRef | null) => () => {
	const ref = s();
	if (!ref) throw new Error('ensureMinistryFixtures has not run');
	return { submission_id: String(ref.id), version: String(ref.version) };
};

const MINISTRY_PAGE = '/(ministry)/ministry/commitments/[id]';
const DECIDE = '/(clerk)/workspace/submissions/[id]';

export const MINISTRY_ROWS: readonly MatrixRow[] = [
	{
		// Its own published undertaking, but nothing chosen: refused by validation.
		routeId: MINISTRY_PAGE,
		action: 'save',
		path: ministryPage('DCAIS/2025/002', 'save'),
		form: () => ({ kind: '', body: '' }),
		expect: ministryOnly(400),
		label: 'own undertaking, nothing chosen'
	},
	{
		// Forged id: the Treasury's undertaking (another organisation).
		routeId: MINISTRY_PAGE,
		action: 'save',
		path: ministryPage('DCFNP/2025/001', 'save'),
		form: () => validReport,
		expect: ministryOnly(404),
		label: 'another organisation’s undertaking'
	},
	{
		// Its own organisation's undertaking, but a committee draft: it does not exist for it.
		routeId: MINISTRY_PAGE,
		action: 'save',
		path: ministryPage('DCAIS/2025/005', 'save'),
		form: () => validReport,
		expect: ministryOnly(404),
		label: 'a committee draft'
	},
	{
		// Editing a submission already sent (the demo report the committee received): refused.
		routeId: MINISTRY_PAGE,
		action: 'save',
		path: ministryPage('DCAIS/2025/002', 'save'),
		form: () => ({ ...validReport, ...sending(demoReceivedReport)() }),
		expect: ministryOnly(400),
		label: 'editing a sent submission'
	},
	{
		// Editing the Treasury's draft from one of its own undertakings' pages.
		routeId: MINISTRY_PAGE,
		action: 'save',
		path: ministryPage('DCAIS/2025/003', 'save'),
		form: () => ({ ...validReport, ...sending(treasuryDraft)() }),
		expect: ministryOnly(404),
		label: 'editing another organisation’s draft'
	},
	{
		// Its own draft, through the page of another of its undertakings.
		routeId: MINISTRY_PAGE,
		action: 'save',
		path: ministryPage('DCAIS/2025/002', 'save'),
		form: () => ({ ...validReport, ...sending(demoDraft)() }),
		expect: ministryOnly(404),
		label: 'own draft through another undertaking'
	},
	{
		// Its own draft, but a malformed version: the demo draft is never sent here.
		routeId: MINISTRY_PAGE,
		action: 'send',
		path: ministryPage('DCAIS/2025/003', 'send'),
		form: () => ({ submission_id: String(demoDraft().id), version: 'x' }),
		expect: ministryOnly(400),
		label: 'own draft, malformed version'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'send',
		path: ministryPage('DCAIS/2025/003', 'send'),
		form: sending(treasuryDraft),
		expect: ministryOnly(404),
		label: 'another organisation’s draft'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'send',
		path: ministryPage('DCFNP/2025/001', 'send'),
		form: sending(treasuryDraft),
		expect: ministryOnly(404),
		label: 'another organisation’s draft and undertaking'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'send',
		path: ministryPage('DCAIS/2025/002', 'send'),
		form: sending(demoReceivedReport),
		expect: ministryOnly(400),
		label: 'already sent'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'delete',
		path: ministryPage('DCAIS/2025/003', 'delete'),
		form: () => ({ submission_id: 'x', version: String(demoDraft().version) }),
		expect: ministryOnly(400),
		label: 'malformed id'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'delete',
		path: ministryPage('DCAIS/2025/003', 'delete'),
		form: sending(treasuryDraft),
		expect: ministryOnly(404),
		label: 'another organisation’s draft'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'delete',
		path: ministryPage('DCAIS/2025/002', 'delete'),
		form: sending(demoReceivedReport),
		expect: ministryOnly(400),
		label: 'already sent'
	},
	{
		// A decision on a submission already decided: refused; committee B's clerk never sees it.
		routeId: DECIDE,
		action: 'decide',
		path: () => `/workspace/submissions/${demoReceivedReport().id}?/decide`,
		form: () => ({
			version: String(demoReceivedReport().version),
			decision: 'returned',
			decision_note: 'Matrix: a decision that must not be recorded (test data).'
		}),
		expect: clerks(400, 404),
		label: 'already decided'
	},
	{
		// The ministry's unsent draft does not exist for the committee.
		routeId: DECIDE,
		action: 'decide',
		path: () => `/workspace/submissions/${demoDraft().id}?/decide`,
		form: () => ({
			version: String(demoDraft().version),
			decision: 'received',
			decision_note: 'Matrix (test data).'
		}),
		expect: clerks(404, 404),
		label: 'the ministry’s unsent draft'
	},
	{
		// Nor does the Treasury's draft, even for the Treasury's committee (B).
		routeId: DECIDE,
		action: 'decide',
		path: () => `/workspace/submissions/${treasuryDraft()!.id}?/decide`,
		form: () => ({
			version: String(treasuryDraft()!.version),
			decision: 'received',
			decision_note: 'Matrix (test data).'
		}),
		expect: clerks(404, 404),
		label: 'another organisation’s draft'
	},
	{
		// Recorded on the ministry's behalf: an unknown channel is refused past the scope check.
		routeId: '/(clerk)/workspace/commitments/[id]/submission',
		action: 'record',
		path: () => `/workspace/commitments/${commitmentIdOf('DCAIS/2025/001')}/submission?/record`,
		form: () => ({ ...validReport, channel: 'pigeon', sent_on: '2026-01-15' }),
		expect: clerks(400, 404)
	},
	{
		// A valid invitation for the State Department: committee B does not oversee it.
		routeId: '/(clerk)/workspace/ministries',
		action: 'invite',
		path: () => '/workspace/ministries?/invite',
		form: (ctx) => ({
			name: `Matrix Officer ${ctx.unique} (test data)`,
			email: `matrix.officer.${ctx.unique}@ahadi.example`,
			organisation_id: String(
				one<{ id: number }>(
					"select organisation_id as id from commitments where ref = 'DCAIS/2025/001'"
				).id
			)
		}),
		expect: clerks(200, 400),
		label: 'valid, State Department'
	},
	{
		routeId: '/(clerk)/workspace/ministries',
		action: 'invite',
		path: () => '/workspace/ministries?/invite',
		form: () => ({ name: '', email: 'not an address', organisation_id: 'x' }),
		expect: clerks(400, 400),
		label: 'invalid fields'
	},
	{
		routeId: '/(clerk)/workspace/ministries',
		action: 'reinvite',
		path: () => '/workspace/ministries?/reinvite',
		form: () => ({ user_id: 'x' }),
		expect: clerks(400, 400),
		label: 'malformed id'
	},
	{
		// A new link for a Treasury officer still invited: committee B's clerk only (and admins).
		routeId: '/(clerk)/workspace/ministries',
		action: 'reinvite',
		path: () => '/workspace/ministries?/reinvite',
		form: () => ({ user_id: String(userIdOf(TREASURY_INVITED)) }),
		expect: clerks(404, 200, 200),
		label: 'invited Treasury officer'
	},
	{
		// Never a new link for an officer who already signs in: the link would set their
		// password, and whoever asked for it could then sign in as them.
		routeId: '/(clerk)/workspace/ministries',
		action: 'reinvite',
		path: () => '/workspace/ministries?/reinvite',
		form: () => ({ user_id: String(userIdOf('ministry@ahadi.example')) }),
		expect: clerks(404, 404),
		label: 'an officer who already signs in'
	},
	{
		// An unknown link, answered the same way to everyone (signed in or not).
		routeId: '/(auth)/invitation/[token]',
		action: 'default',
		path: () => '/invitation/matrixMatrixMatrixMatrixMatrixMatrixMatr',
		form: () => ({
			new_password: 'a long enough password',
			confirm_password: 'a long enough password'
		}),
		expect: everyone(404),
		label: 'unknown link'
	},
	{
		// A valid link, but the passwords differ: nothing is set, the link still works.
		routeId: '/(auth)/invitation/[token]',
		action: 'default',
		path: validLink,
		form: () => ({ new_password: 'a long enough password', confirm_password: 'another one' }),
		expect: everyone(400),
		label: 'passwords differ'
	},
	{
		routeId: '/(auth)/invitation/[token]',
		action: 'default',
		path: validLink,
		form: () => ({ new_password: 'short', confirm_password: 'short' }),
		expect: everyone(400),
		label: 'password too short'
	}
];

/** Signed-in pages answer anonymous (and ended) sessions with the sign-in page (303). */
const readBy = (e: Expected): Expected => ({
	...e,
	anonymous: e.anonymous === 401 ? 303 : e.anonymous,
	disabled: e.disabled === 401 ? 303 : e.disabled
});
const documentOf = (s: () => SubmissionRef | null) => () => {
	const ref = s();
	if (!ref?.document) throw new Error('ensureMinistryFixtures has not run');
	return `/submissions/${ref.id}/documents/${ref.document}`;
};

/** GET requests: who may read a submission's document, or open a ministry or inbox page. */
export const MINISTRY_READS: readonly MatrixRow[] = [
	{
		// The demo ministry's unsent draft: its document only to that ministry.
		routeId: '/(public)/submissions/[id]/documents/[doc]',
		action: 'GET',
		method: 'GET',
		path: documentOf(demoDraft),
		form: () => ({}),
		expect: { ...everyone(404), ministry: 200 },
		label: 'the demo ministry’s draft'
	},
	{
		// The Treasury's draft: not even to another ministry.
		routeId: '/(public)/submissions/[id]/documents/[doc]',
		action: 'GET',
		method: 'GET',
		path: documentOf(treasuryDraft),
		form: () => ({}),
		expect: everyone(404),
		label: 'the Treasury’s draft'
	},
	{
		// A document id paired with another submission's id.
		routeId: '/(public)/submissions/[id]/documents/[doc]',
		action: 'GET',
		method: 'GET',
		path: () => `/submissions/${demoReceivedReport().id}/documents/${demoDraft().document}`,
		form: () => ({}),
		expect: everyone(404),
		label: 'a document of another submission'
	},
	{
		// Sent on a published undertaking: public.
		routeId: '/(public)/submissions/[id]/documents/[doc]',
		action: 'GET',
		method: 'GET',
		path: documentOf(demoReceivedReport),
		form: () => ({}),
		expect: everyone(200),
		label: 'a sent report on a published undertaking'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'GET',
		method: 'GET',
		path: () => `/ministry/commitments/${commitmentIdOf('DCAIS/2025/002')}`,
		form: () => ({}),
		expect: readBy(ministryOnly(200)),
		label: 'own undertaking'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'GET',
		method: 'GET',
		path: () => `/ministry/commitments/${commitmentIdOf('DCFNP/2025/001')}`,
		form: () => ({}),
		expect: readBy(ministryOnly(404)),
		label: 'another organisation’s undertaking'
	},
	{
		routeId: MINISTRY_PAGE,
		action: 'GET',
		method: 'GET',
		path: () => `/ministry/commitments/${commitmentIdOf('DCAIS/2025/005')}`,
		form: () => ({}),
		expect: readBy(ministryOnly(404)),
		label: 'a committee draft'
	},
	{
		routeId: DECIDE,
		action: 'GET',
		method: 'GET',
		path: () => `/workspace/submissions/${demoReceivedReport().id}`,
		form: () => ({}),
		expect: readBy(clerks(200, 404)),
		label: 'a sent submission of committee A'
	},
	{
		routeId: DECIDE,
		action: 'GET',
		method: 'GET',
		path: () => `/workspace/submissions/${demoDraft().id}`,
		form: () => ({}),
		expect: readBy(clerks(404, 404)),
		label: 'the ministry’s unsent draft'
	}
];
