// The ministry's right of reply through its use cases, on the demo data, on each dialect: a
// ministry answers only for its own organisations' published undertakings; its drafts reach no
// one; a sent submission never changes; documents are checked from their bytes; only the
// committee's decision moves the commitment (due date through the due-date history, evidence,
// delivery), each step audited; invitations are one-time links stored hashed.
import { beforeEach, describe, expect, it } from 'vitest';
import { replyFigures } from '../../src/lib/domain';
import type { Database } from '../../src/lib/server/db/index';
import { InputError, NotFoundError, StaleRecordError } from '../../src/lib/server/errors';
import { fileFromBytes } from '../../src/lib/server/forms/streamed-form';
import {
	listCommitmentSubmissions,
	listInbox,
	listReplyFacts,
	listSentSubmissions
} from '../../src/lib/server/queries/ministry';
import { checkCredentials } from '../../src/lib/server/services/sign-in';
import {
	decideSubmission,
	deleteDraft,
	inviteLiaisonOfficer,
	recordOnBehalf,
	saveDraft,
	sendSubmission,
	type Person,
	type SubmissionInput
} from '../../src/lib/server/services/ministry-replies';
import { acceptInvitation, openInvitation } from '../../src/lib/server/services/users';
import { seedDemo } from '../../db/seeds/demo';
import { demoPdf, person } from '../../db/seeds/demo-replies';
import { seedDemoUsers } from '../../db/seeds/demo-users';
import { freshDb } from '../helpers/db';

const TODAY = '2026-12-07';

let db: Database;
let ministry: Person;
let clerkA: Person;
let clerkB: Person;

const idOf = async (ref: string) =>
	(await db.selectFrom('commitments').select('id').where('ref', '=', ref).executeTakeFirstOrThrow())
		.id;
const commitment = (ref: string) =>
	db.selectFrom('commitments').selectAll().where('ref', '=', ref).executeTakeFirstOrThrow();
const count = async (
	table: 'ministry_submissions' | 'submission_documents' | 'audit_log' | 'updates'
) =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

const report: SubmissionInput = {
	kind: 'report',
	body: 'Forty officers seconded; terms of reference drafted.',
	claimedStatus: 'on_track',
	requestedUntil: null,
	approvedBy: null,
	approvedOn: null
};
const extension: SubmissionInput = {
	kind: 'extension',
	body: 'The analysts’ posts are funded only from July 2027.',
	claimedStatus: null,
	requestedUntil: '2027-09-30',
	approvedBy: 'Principal Secretary',
	approvedOn: '2026-12-01'
};

async function refusal(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (e) {
		return e;
	}
	throw new Error('expected a refusal');
}

async function draftAndSend(ref: string, input: SubmissionInput) {
	const id = await saveDraft(
		db,
		ministry,
		{ commitmentId: await idOf(ref), submissionId: null, version: null, input, documents: [] },
		{ today: TODAY }
	);
	await sendSubmission(db, ministry, id, 1, { today: TODAY });
	return id;
}

const versionOf = async (id: number) =>
	(
		await db
			.selectFrom('ministry_submissions')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow()
	).version;

beforeEach(async () => {
	db = await freshDb();
	await seedDemo(db);
	await seedDemoUsers(db);
	ministry = await person(db, 'ministry@ahadi.example');
	clerkA = await person(db, 'clerk@ahadi.example');
	clerkB = await person(db, 'finance.clerk@ahadi.example');
});

describe('a ministry drafts and sends', () => {
	it('keeps a draft to itself until it is sent, and a sent one never changes', async () => {
		const c = await idOf('DCAIS/2025/003');
		const before = await commitment('DCAIS/2025/003');
		const id = await saveDraft(
			db,
			ministry,
			{
				commitmentId: c,
				submissionId: null,
				version: null,
				input: report,
				documents: [fileFromBytes('report.pdf', demoPdf('Report'))]
			},
			{ today: TODAY }
		);
		// Nobody else sees it: the public list, the inbox, the open data, the figures.
		expect(await listCommitmentSubmissions(db, c)).toEqual([]);
		expect(await listInbox(db, 'all')).toEqual([]);
		expect(await listSentSubmissions(db)).toEqual([]);
		expect(
			replyFigures(
				await listReplyFacts(db, { committeeIds: clerkA.committeeIds as number[] }),
				TODAY
			).onTime
		).toBe(0);
		// The ministry does.
		const own = await listCommitmentSubmissions(db, c, ministry.organisationIds as number[]);
		expect(own.map((s) => [s.id, s.state, s.documents.length])).toEqual([[id, 'draft', 1]]);
		expect(own[0]!.documents[0]!.mediaType).toBe('application/pdf');

		await sendSubmission(db, ministry, id, 1, { today: TODAY });
		const sent = await listCommitmentSubmissions(db, c);
		expect(sent.map((s) => [s.state, s.sentOn])).toEqual([['sent', TODAY]]);
		// Sending changed nothing on the commitment: only the committee's decision does.
		expect(await commitment('DCAIS/2025/003')).toEqual(before);

		const again = await refusal(async () =>
			saveDraft(
				db,
				ministry,
				{
					commitmentId: c,
					submissionId: id,
					version: 2,
					input: { ...report, body: 'changed' },
					documents: []
				},
				{ today: TODAY }
			)
		);
		expect(again).toBeInstanceOf(InputError);
		expect(await refusal(async () => deleteDraft(db, ministry, id, 2))).toBeInstanceOf(InputError);
		expect((await listCommitmentSubmissions(db, c))[0]!.body).toBe(report.body);
	});

	it('does not delete a draft a colleague saved after the page was loaded', async () => {
		const c = await idOf('DCAIS/2025/003');
		const draft = (version: number | null, body: string, submissionId: number | null) =>
			saveDraft(
				db,
				ministry,
				{ commitmentId: c, submissionId, version, input: { ...report, body }, documents: [] },
				{ today: TODAY }
			);
		const id = await draft(null, 'First words.', null);
		await draft(1, 'A colleague’s fuller report.', id); // now at version 2
		expect(await refusal(async () => deleteDraft(db, ministry, id, 1))).toBeInstanceOf(
			StaleRecordError
		);
		const own = await listCommitmentSubmissions(db, c, ministry.organisationIds as number[]);
		expect(own.map((s) => s.body)).toEqual(['A colleague’s fuller report.']);
		await deleteDraft(db, ministry, id, 2);
		expect(await listCommitmentSubmissions(db, c, ministry.organisationIds as number[])).toEqual(
			[]
		);
	});

	it('answers only for its own organisations’ published undertakings', async () => {
		const rows = await count('ministry_submissions');
		const audit = await count('audit_log');
		for (const ref of ['DCFNP/2025/001', 'DCAIS/2025/005']) {
			const e = await refusal(async () =>
				saveDraft(
					db,
					ministry,
					{
						commitmentId: await idOf(ref),
						submissionId: null,
						version: null,
						input: report,
						documents: []
					},
					{ today: TODAY }
				)
			);
			expect(e, ref).toBeInstanceOf(NotFoundError);
		}
		// A clerk is not a ministry, whatever committee it has.
		const e = await refusal(async () =>
			saveDraft(
				db,
				clerkA,
				{
					commitmentId: await idOf('DCAIS/2025/003'),
					submissionId: null,
					version: null,
					input: report,
					documents: []
				},
				{ today: TODAY }
			)
		);
		expect(e).toBeInstanceOf(NotFoundError);
		expect(await count('ministry_submissions')).toBe(rows);
		expect(await count('audit_log')).toBe(audit);
	});

	it('names every missing field of a request for more time, and writes nothing', async () => {
		const e = (await refusal(async () =>
			saveDraft(
				db,
				ministry,
				{
					commitmentId: 1,
					submissionId: null,
					version: null,
					input: {
						...extension,
						body: ' ',
						requestedUntil: null,
						approvedBy: null,
						approvedOn: null
					},
					documents: []
				},
				{ today: TODAY }
			)
		)) as InputError;
		expect(Object.keys(e.errors).sort()).toEqual([
			'approved_by',
			'approved_on',
			'body',
			'requested_until'
		]);
		const past = (await refusal(async () =>
			saveDraft(
				db,
				ministry,
				{
					commitmentId: 1,
					submissionId: null,
					version: null,
					input: { ...extension, requestedUntil: TODAY },
					documents: []
				},
				{ today: TODAY }
			)
		)) as InputError;
		expect(Object.keys(past.errors)).toEqual(['requested_until']);
		expect(await count('ministry_submissions')).toBe(0);
	});

	it('checks a document from its bytes, not its name', async () => {
		const c = await idOf('DCAIS/2025/003');
		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		const e = (await refusal(async () =>
			saveDraft(
				db,
				ministry,
				{
					commitmentId: c,
					submissionId: null,
					version: null,
					input: report,
					documents: [fileFromBytes('report.pdf', html)]
				},
				{ today: TODAY }
			)
		)) as InputError;
		expect(e.errors.documents).toContain('report.pdf');
		expect(await count('ministry_submissions')).toBe(0);
		expect(await count('submission_documents')).toBe(0);
		// A real PDF under a wrong name is kept, named for what it is.
		const id = await saveDraft(
			db,
			ministry,
			{
				commitmentId: c,
				submissionId: null,
				version: null,
				input: report,
				documents: [fileFromBytes('scan.docx', demoPdf('x'))]
			},
			{ today: TODAY }
		);
		const [s] = await listCommitmentSubmissions(db, c, ministry.organisationIds as number[]);
		expect(s!.id).toBe(id);
		expect(s!.documents.map((d) => [d.fileName, d.mediaType])).toEqual([
			['scan.pdf', 'application/pdf']
		]);
	});
});

describe('the committee decides', () => {
	it('grants more time: the due date moves through its history with the ministry’s reasons', async () => {
		const id = await draftAndSend('DCAIS/2025/003', extension);
		const version = await versionOf(id);
		// Another committee's clerk cannot even find it.
		expect(
			await refusal(async () =>
				decideSubmission(
					db,
					clerkB,
					id,
					version,
					{ decision: 'granted', note: 'ok', grantedUntil: null },
					{ today: TODAY }
				)
			)
		).toBeInstanceOf(NotFoundError);
		const noNote = (await refusal(async () =>
			decideSubmission(
				db,
				clerkA,
				id,
				version,
				{ decision: 'granted', note: ' ', grantedUntil: null },
				{ today: TODAY }
			)
		)) as InputError;
		expect(Object.keys(noNote.errors)).toEqual(['decision_note']);
		const wrongKind = (await refusal(async () =>
			decideSubmission(
				db,
				clerkA,
				id,
				version,
				{ decision: 'received', note: 'x', grantedUntil: null },
				{ today: TODAY }
			)
		)) as InputError;
		expect(Object.keys(wrongKind.errors)).toEqual(['decision']);

		await decideSubmission(
			db,
			clerkA,
			id,
			version,
			{ decision: 'granted', note: 'Granted to the end of September.', grantedUntil: null },
			{ today: TODAY }
		);
		const c = await commitment('DCAIS/2025/003');
		expect(c.due_on).toBe('2027-09-30');
		expect(c.procedural_status).toBe('extension_granted');
		const change = await db
			.selectFrom('due_date_changes')
			.selectAll()
			.where('commitment_id', '=', c.id)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect([change.to_on, change.reason]).toEqual(['2027-09-30', extension.body]);
		const request = await db
			.selectFrom('commitment_requests')
			.selectAll()
			.where('commitment_id', '=', c.id)
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect([request.kind, request.decision, request.granted_until]).toEqual([
			'extension',
			'granted',
			'2027-09-30'
		]);
		const [s] = await listCommitmentSubmissions(db, c.id);
		expect([s!.state, s!.decision, s!.decisionNote, s!.grantedUntil]).toEqual([
			'decided',
			'granted',
			'Granted to the end of September.',
			'2027-09-30'
		]);
		const actions = await db
			.selectFrom('audit_log')
			.select('action')
			.where('action', 'like', 'submission.%')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'submission.drafted',
			'submission.sent',
			'submission.decided'
		]);
		// Decided once.
		expect(
			await refusal(async () =>
				decideSubmission(
					db,
					clerkA,
					id,
					s!.version,
					{ decision: 'refused', note: 'x', grantedUntil: null },
					{ today: TODAY }
				)
			)
		).toBeInstanceOf(InputError);
	});

	it('receives a report as evidence, returns one without touching the commitment', async () => {
		const returned = await draftAndSend('DCAIS/2025/003', report);
		const before = await commitment('DCAIS/2025/003');
		const updates = await count('updates');
		await decideSubmission(
			db,
			clerkA,
			returned,
			await versionOf(returned),
			{ decision: 'returned', note: 'Send the secondment letters with it.', grantedUntil: null },
			{ today: TODAY }
		);
		expect(await commitment('DCAIS/2025/003')).toEqual(before);
		expect(await count('updates')).toBe(updates);

		const received = await draftAndSend('DCAIS/2025/003', report);
		await decideSubmission(
			db,
			clerkA,
			received,
			await versionOf(received),
			{ decision: 'received', note: 'Received.', grantedUntil: null },
			{ today: TODAY }
		);
		const c = await commitment('DCAIS/2025/003');
		expect(c.procedural_status).toBe('response_received');
		const evidence = await db
			.selectFrom('evidence')
			.selectAll()
			.where('commitment_id', '=', c.id)
			.where('type', '=', 'ministry_response')
			.where('url', 'like', '%#submission-%')
			.execute();
		expect(evidence.map((e) => e.url)).toEqual([
			`/commitments/DCAIS%2F2025%2F003#submission-${received}`
		]);
		const facts = await listReplyFacts(db, {
			by: 'committee',
			slug: 'administration-internal-security'
		});
		const figures = replyFigures(facts, TODAY);
		expect(figures.onTime).toBe(1);
	});

	it('accepts a request to drop: delivery becomes not pursued with the committee’s reason', async () => {
		const id = await draftAndSend('DCAIS/2025/003', {
			...report,
			kind: 'drop',
			claimedStatus: null,
			body: 'Superseded by the new policy.'
		});
		await decideSubmission(
			db,
			clerkA,
			id,
			await versionOf(id),
			{ decision: 'granted', note: 'Dropped: superseded.', grantedUntil: null },
			{ today: TODAY }
		);
		const c = await commitment('DCAIS/2025/003');
		expect([c.delivery_status, c.procedural_status, c.status_reason]).toEqual([
			'not_pursued',
			'closed',
			'Dropped: superseded.'
		]);
	});

	it('records a paper submission on the ministry’s behalf, marked as such', async () => {
		const c = await idOf('DCAIS/2025/003');
		expect(
			await refusal(async () =>
				recordOnBehalf(
					db,
					clerkB,
					{ commitmentId: c, input: report, documents: [], channel: 'paper', sentOn: '2026-11-20' },
					{ today: TODAY }
				)
			)
		).toBeInstanceOf(NotFoundError);
		const id = await recordOnBehalf(
			db,
			clerkA,
			{ commitmentId: c, input: report, documents: [], channel: 'paper', sentOn: '2026-11-20' },
			{ today: TODAY }
		);
		const [s] = await listCommitmentSubmissions(db, c);
		expect([s!.id, s!.state, s!.channel, s!.sentOn, s!.organisation]).toEqual([
			id,
			'sent',
			'paper',
			'2026-11-20',
			'State Department for Internal Security and National Administration'
		]);
	});
});

describe('invitations', () => {
	it('a one-time link, stored hashed, sets the password once', async () => {
		const org = ministry.organisationIds[0]!;
		const { token, userId } = await inviteLiaisonOfficer(db, clerkA, {
			name: 'Joy Atieno',
			email: 'joy@sd.example',
			organisationId: org
		});
		const stored = await db
			.selectFrom('user_invitations')
			.selectAll()
			.where('user_id', '=', userId)
			.execute();
		expect(stored).toHaveLength(1);
		expect(JSON.stringify(stored)).not.toContain(token);
		expect(await checkCredentials(db, 'joy@sd.example', 'a password of mine 1')).toBeNull();
		expect((await openInvitation(db, token))?.email).toBe('joy@sd.example');
		await acceptInvitation(db, token, 'a password of mine 1');
		expect(await checkCredentials(db, 'joy@sd.example', 'a password of mine 1')).not.toBeNull();
		expect(await openInvitation(db, token)).toBeNull();
		expect(
			await refusal(async () => acceptInvitation(db, token, 'another password 22'))
		).toBeInstanceOf(NotFoundError);
		// Expired links do not open.
		const later = await inviteLiaisonOfficer(db, clerkA, {
			name: 'B',
			email: 'b@sd.example',
			organisationId: org
		});
		expect(
			await openInvitation(db, later.token, new Date(Date.now() + 15 * 86_400_000))
		).toBeNull();
	});

	it('a clerk invites only for organisations its committees oversee', async () => {
		const treasury = await db
			.selectFrom('organisations')
			.select('id')
			.where('slug', '=', 'national-treasury-economic-planning')
			.executeTakeFirstOrThrow();
		const e = (await refusal(async () =>
			inviteLiaisonOfficer(db, clerkA, {
				name: 'T',
				email: 't@t.example',
				organisationId: treasury.id
			})
		)) as InputError;
		expect(Object.keys(e.errors)).toEqual(['organisation_id']);
		expect(
			await db
				.selectFrom('users')
				.select('id')
				.where('email', '=', 't@t.example')
				.executeTakeFirst()
		).toBeUndefined();
	});
});
