// The ministry's right of reply. A ministry liaison officer drafts a submission on one published
// undertaking of its organisations (an implementation report, a request for more time or a
// request to drop it), attaches documents, and sends it; once sent it never changes. The
// committee's clerk decides on it, and only that decision moves the commitment, through the same
// update rules as any clerk's update (services/updates.ts), so the change log, the due-date
// history and the evidence tell the whole exchange. Every write is audited in its transaction.
import type { UploadedFile } from '../forms/streamed-form';
import type { Kysely, Transaction } from 'kysely';
import { documentKindOf, downloadNameOf, todayInNairobi } from '../../domain';
import { recordAudit, type Actor } from '../audit';
import { canEditCommittee } from '../auth/access';
import type {
	DB,
	DeliveryStatus,
	Role,
	SubmissionChannel,
	SubmissionDecision,
	SubmissionKind
} from '../db/schema';
import { InputError, NotFoundError, StaleRecordError, throwIfErrors } from '../errors';
import {
	deleteDocument,
	deleteDraftSubmission,
	documentTotals,
	getMinistryCommitment,
	getSubmission,
	insertDocument,
	listMinistryUsers,
	listOrganisationsOfCommittees,
	evidenceOfUpdate,
	insertSubmission,
	updateSubmissionIf,
	type Submission
} from '../queries/ministry';
import { findPendingRequest } from '../queries/workspace-updates';
import { inviteUser, reinviteUser } from './users';
import { recordUpdateIn, type UpdateInput } from './updates';
import { enqueueSubmissionAlerts } from './alert-submissions';
import { m } from '../../paraglide/messages';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
export const MAX_SUBMISSION_BYTES = 50 * 1024 * 1024;
export const MAX_DOCUMENTS = 10;

export interface Person {
	id: number;
	name: string;
	email: string;
	role: Role;
	committeeIds: readonly number[];
	organisationIds: readonly number[];
}

export interface SubmissionInput {
	kind: SubmissionKind;
	body: string;
	claimedStatus: DeliveryStatus | null;
	requestedUntil: string | null;
	approvedBy: string | null;
	approvedOn: string | null;
}

/** A document to attach: read from the request as it arrived (forms/streamed-form.ts). */
export type UploadedDocument = UploadedFile;

const actorOf = (p: Person): Actor => ({ id: p.id, label: `${p.name} <${p.email}>` });

/** A ministry user answers for the commitments led by its organisations. */
export function answersFor(person: Person, organisationId: number): boolean {
	return person.role === 'ministry' && person.organisationIds.includes(organisationId);
}

/** The rules of a submission's content, by kind; every problem at once, by field. */
function checkInput(input: SubmissionInput, today: string, givenOn: string): SubmissionInput {
	const errors: Record<string, string> = {};
	if (!input.body.trim()) {
		errors.body = input.kind === 'report' ? m.mr_enter_report() : m.mr_enter_reasons();
	}
	if (input.kind === 'report') {
		if (!input.claimedStatus) errors.claimed_status = m.mr_choose_claimed();
	}
	if (input.kind === 'extension') {
		if (!input.requestedUntil) errors.requested_until = m.mr_enter_requested_until();
		else if (input.requestedUntil <= today) errors.requested_until = m.mr_requested_future();
		if (!input.approvedBy?.trim()) errors.approved_by = m.mr_enter_approved_by();
		if (!input.approvedOn) errors.approved_on = m.mr_enter_approved_on();
		else if (input.approvedOn > today) errors.approved_on = m.mr_approved_not_future();
		else if (input.approvedOn < givenOn) errors.approved_on = m.mr_approved_after_given();
	}
	throwIfErrors(errors);
	return {
		kind: input.kind,
		body: input.body.trim(),
		claimedStatus: input.kind === 'report' ? input.claimedStatus : null,
		requestedUntil: input.kind === 'extension' ? input.requestedUntil : null,
		approvedBy: input.kind === 'extension' ? (input.approvedBy?.trim() ?? null) : null,
		approvedOn: input.kind === 'extension' ? input.approvedOn : null
	};
}

/** Checks each file's kind from its bytes and the limits; returns what to store. */
function checkDocuments(
	documents: readonly UploadedDocument[],
	already: { count: number; bytes: number }
) {
	const errors: Record<string, string> = {};
	const files = documents.filter((d) => d.byteSize > 0);
	let bytes = already.bytes;
	const checked = files.map((d) => {
		const kind = documentKindOf(d.head);
		if (!kind) errors.documents = m.mr_document_kind({ name: d.fileName });
		else if (d.truncated || d.byteSize > MAX_DOCUMENT_BYTES) {
			errors.documents = m.mr_document_too_large({
				name: d.fileName,
				mb: String(MAX_DOCUMENT_BYTES / 1024 / 1024)
			});
		}
		bytes += d.byteSize;
		return {
			fileName: kind ? downloadNameOf(d.fileName, kind) : d.fileName,
			mediaType: kind?.mediaType ?? '',
			byteSize: d.byteSize,
			sha256: d.sha256,
			chunks: () => d.chunks()
		};
	});
	if (already.count + files.length > MAX_DOCUMENTS) {
		errors.documents = m.mr_too_many_documents({ n: String(MAX_DOCUMENTS) });
	} else if (bytes > MAX_SUBMISSION_BYTES) {
		errors.documents = m.mr_submission_too_large({
			mb: String(MAX_SUBMISSION_BYTES / 1024 / 1024)
		});
	}
	throwIfErrors(errors);
	return checked;
}

async function addDocuments(
	trx: Transaction<DB>,
	actor: Actor,
	submissionId: number,
	documents: ReturnType<typeof checkDocuments>
) {
	for (const { chunks, ...d } of documents) {
		const id = await insertDocument(trx, { submissionId, ...d }, chunks());
		await recordAudit(trx, actor, {
			action: 'submission_document.added',
			entityId: id,
			after: {
				submissionId,
				fileName: d.fileName,
				mediaType: d.mediaType,
				byteSize: d.byteSize,
				sha256: d.sha256
			}
		});
	}
}

function auditView(s: SubmissionInput & { commitmentId: number; channel?: SubmissionChannel }) {
	return {
		commitmentId: s.commitmentId,
		kind: s.kind,
		body: s.body,
		claimedStatus: s.claimedStatus,
		requestedUntil: s.requestedUntil,
		approvedBy: s.approvedBy,
		approvedOn: s.approvedOn,
		...(s.channel ? { channel: s.channel } : {})
	};
}

/**
 * Saves a ministry's draft on commitment `commitmentId`: a new one (`submissionId` null) or its
 * own draft at `version`. Documents are added to it; `removeDocumentIds` are taken off. Returns
 * the draft's id. Nothing leaves the ministry until sendSubmission.
 */
export async function saveDraft(
	db: Kysely<DB>,
	person: Person,
	args: {
		commitmentId: number;
		submissionId: number | null;
		version: number | null;
		input: SubmissionInput;
		documents: readonly UploadedDocument[];
		removeDocumentIds?: readonly number[];
	},
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<number> {
	const actor = actorOf(person);
	return db.transaction().execute(async (trx) => {
		const c = await getMinistryCommitment(trx, args.commitmentId, today);
		if (!c || !answersFor(person, c.organisationId)) throw new NotFoundError();
		const input = checkInput(args.input, today, c.givenOn);
		if (args.submissionId === null) {
			const documents = checkDocuments(args.documents, { count: 0, bytes: 0 });
			const now = new Date().toISOString();
			const id = await insertSubmission(trx, {
				commitment_id: c.id,
				organisation_id: c.organisationId,
				kind: input.kind,
				body: input.body,
				claimed_status: input.claimedStatus,
				requested_until: input.requestedUntil,
				approved_by: input.approvedBy,
				approved_on: input.approvedOn,
				created_by: person.id,
				created_at: now,
				updated_at: now
			});
			await recordAudit(trx, actor, {
				action: 'submission.drafted',
				entityId: id,
				after: auditView({ ...input, commitmentId: c.id })
			});
			await addDocuments(trx, actor, id, documents);
			return id;
		}
		const before = await getSubmission(trx, args.submissionId);
		if (!before || before.commitmentId !== c.id || !answersFor(person, before.organisationId)) {
			throw new NotFoundError();
		}
		if (before.state !== 'draft') throw new InputError({ body: m.mr_already_sent() });
		if (before.version !== args.version) throw new StaleRecordError();
		for (const documentId of args.removeDocumentIds ?? []) {
			if (!(await deleteDocument(trx, before.id, documentId))) throw new NotFoundError();
			await recordAudit(trx, actor, {
				action: 'submission_document.removed',
				entityId: documentId,
				before: { submissionId: before.id }
			});
		}
		const documents = checkDocuments(args.documents, await documentTotals(trx, before.id));
		const ok = await updateSubmissionIf(
			trx,
			before.id,
			{ state: 'draft', version: before.version },
			{
				kind: input.kind,
				body: input.body,
				claimed_status: input.claimedStatus,
				requested_until: input.requestedUntil,
				approved_by: input.approvedBy,
				approved_on: input.approvedOn
			}
		);
		if (!ok) throw new StaleRecordError();
		await recordAudit(trx, actor, {
			action: 'submission.saved',
			entityId: before.id,
			before: auditView(before),
			after: auditView({ ...input, commitmentId: c.id })
		});
		await addDocuments(trx, actor, before.id, documents);
		return before.id;
	});
}

/** Sends a ministry's draft to the committee. From then on it cannot change. */
export async function sendSubmission(
	db: Kysely<DB>,
	person: Person,
	submissionId: number,
	version: number,
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		const s = await getSubmission(trx, submissionId);
		if (!s || !answersFor(person, s.organisationId)) throw new NotFoundError();
		if (s.state !== 'draft') throw new InputError({ send: m.mr_already_sent() });
		// The rules again, as of today: a draft saved last month may ask for a date now past.
		const c = await getMinistryCommitment(trx, s.commitmentId, today);
		if (!c) throw new NotFoundError();
		checkInput(s, today, c.givenOn);
		const ok = await updateSubmissionIf(
			trx,
			s.id,
			{ state: 'draft', version },
			{ state: 'sent', sent_on: today, sent_at: new Date().toISOString(), sent_by: person.id }
		);
		if (!ok) throw new StaleRecordError();
		await recordAudit(trx, actorOf(person), {
			action: 'submission.sent',
			entityId: s.id,
			before: { state: 'draft' },
			after: { state: 'sent', sentOn: today }
		});
		await enqueueSubmissionAlerts(trx, s.id);
	});
}

/** A ministry deletes its own draft (never a sent submission). */
export async function deleteDraft(
	db: Kysely<DB>,
	person: Person,
	submissionId: number,
	version: number
) {
	await db.transaction().execute(async (trx) => {
		const s = await getSubmission(trx, submissionId);
		if (!s || !answersFor(person, s.organisationId)) throw new NotFoundError();
		if (s.state !== 'draft') throw new InputError({ send: m.mr_already_sent() });
		// A colleague's later save is not thrown away by a page loaded before it.
		if (s.version !== version || !(await deleteDraftSubmission(trx, s.id, version))) {
			throw new StaleRecordError();
		}
		await recordAudit(trx, actorOf(person), {
			action: 'submission.deleted',
			entityId: s.id,
			before: auditView(s)
		});
	});
}

/**
 * A clerk records a submission that reached the committee on paper or by e-mail, on the
 * ministry's behalf: it is sent at once (on `sentOn`), marked with how it arrived.
 */
export async function recordOnBehalf(
	db: Kysely<DB>,
	clerk: Person,
	args: {
		commitmentId: number;
		input: SubmissionInput;
		documents: readonly UploadedDocument[];
		channel: Exclude<SubmissionChannel, 'ahadi'>;
		sentOn: string;
	},
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<number> {
	const actor = actorOf(clerk);
	return db.transaction().execute(async (trx) => {
		const c = await getMinistryCommitment(trx, args.commitmentId, today);
		if (!c || !canEditCommittee(clerk, c.committeeId)) throw new NotFoundError();
		const errors: Record<string, string> = {};
		if (args.sentOn > today) errors.sent_on = m.mr_sent_not_future();
		else if (args.sentOn < c.givenOn) errors.sent_on = m.mr_sent_after_given();
		throwIfErrors(errors);
		// A request recorded late may ask for a date now past: check it against its own day.
		const input = checkInput(args.input, args.sentOn, c.givenOn);
		const documents = checkDocuments(args.documents, { count: 0, bytes: 0 });
		const now = new Date().toISOString();
		const id = await insertSubmission(trx, {
			commitment_id: c.id,
			organisation_id: c.organisationId,
			kind: input.kind,
			body: input.body,
			claimed_status: input.claimedStatus,
			requested_until: input.requestedUntil,
			approved_by: input.approvedBy,
			approved_on: input.approvedOn,
			channel: args.channel,
			state: 'sent',
			created_by: clerk.id,
			created_at: now,
			updated_at: now,
			sent_on: args.sentOn,
			sent_at: now,
			sent_by: clerk.id
		});
		await recordAudit(trx, actor, {
			action: 'submission.recorded',
			entityId: id,
			after: {
				...auditView({ ...input, commitmentId: c.id, channel: args.channel }),
				sentOn: args.sentOn
			}
		});
		await addDocuments(trx, actor, id, documents);
		return id;
	});
}

export interface DecisionArgs {
	decision: SubmissionDecision;
	note: string;
	/** A granted request for more time: the date granted (the one asked for by default). */
	grantedUntil: string | null;
}

/** The decisions each kind of submission can receive. */
export const DECISIONS_FOR: Record<SubmissionKind, readonly SubmissionDecision[]> = {
	report: ['received', 'returned'],
	extension: ['granted', 'refused'],
	drop: ['granted', 'refused']
};

/** The public address of a submission, cited by the evidence a decision creates. */
export function submissionPath(s: Pick<Submission, 'commitmentRef' | 'id'>): string {
	return `/commitments/${encodeURIComponent(s.commitmentRef)}#submission-${s.id}`;
}

/**
 * A clerk decides on a sent submission. A received report becomes evidence and moves the
 * committee process to "response received"; a request for more time or to drop is recorded on
 * the commitment and decided in the same step (granted: the due date moves through the due-date
 * history with the ministry's reasons; a granted drop sets delivery to not pursued). A returned
 * report or a refusal changes nothing else. The dated note is public.
 */
export async function decideSubmission(
	db: Kysely<DB>,
	clerk: Person,
	submissionId: number,
	version: number,
	args: DecisionArgs,
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<void> {
	const actor = actorOf(clerk);
	await db.transaction().execute(async (trx) => {
		const s = await getSubmission(trx, submissionId);
		if (!s || !canEditCommittee(clerk, s.committeeId)) throw new NotFoundError();
		if (s.state === 'draft') throw new NotFoundError();
		if (s.state === 'decided') throw new InputError({ decision: m.mr_already_decided() });
		if (s.version !== version) throw new StaleRecordError();
		const errors: Record<string, string> = {};
		if (!DECISIONS_FOR[s.kind].includes(args.decision)) errors.decision = m.mr_choose_decision();
		const note = args.note.trim();
		if (!note) errors.decision_note = m.mr_enter_decision_note();
		let grantedUntil: string | null = null;
		if (s.kind === 'extension' && args.decision === 'granted') {
			grantedUntil = args.grantedUntil ?? s.requestedUntil;
			if (!grantedUntil || grantedUntil <= today) errors.granted_until = m.mr_granted_future();
		}
		throwIfErrors(errors);

		const author = { id: clerk.id, name: clerk.name, email: clerk.email };
		let evidenceId: number | null = null;
		const c = await getMinistryCommitment(trx, s.commitmentId, today);
		if (!c) throw new NotFoundError();
		const base = (v: number): UpdateInput => ({
			version: v,
			updateOn: today,
			note,
			deliveryTo: null,
			proceduralTo: null,
			dueTo: null,
			reason: null,
			requestedUntil: null,
			decision: null,
			evidence: [],
			existingEvidenceIds: []
		});
		const ministryEvidence = {
			slot: 1,
			type: 'ministry_response' as const,
			title: `${kindTitle(s)}: ${s.organisation}`.slice(0, 300),
			url: submissionPath(s),
			publishedOn: s.sentOn ?? today,
			excerpt: s.body.slice(0, 1000)
		};

		if (s.kind === 'report' && args.decision === 'received') {
			const moves = c.proceduralStatus !== 'response_received';
			const updateId = await recordUpdateIn(
				trx,
				author,
				c.id,
				{
					...base(c.version),
					proceduralTo: moves ? 'response_received' : null,
					evidence: [ministryEvidence]
				},
				today
			);
			evidenceId = await evidenceOfUpdate(trx, updateId);
		} else if (s.kind !== 'report') {
			// The request, recorded on the commitment as the committee received it …
			const requested = await recordUpdateIn(
				trx,
				author,
				c.id,
				{
					...base(c.version),
					updateOn: s.sentOn ?? today,
					note: `${kindTitle(s)} (${s.organisation})`,
					proceduralTo: s.kind === 'extension' ? 'extension_requested' : 'drop_requested',
					requestedUntil: s.requestedUntil,
					reason: s.body,
					evidence: [ministryEvidence]
				},
				today
			);
			evidenceId = await evidenceOfUpdate(trx, requested);
			// … and decided.
			const after = await getMinistryCommitment(trx, c.id, today);
			const pending = await findPendingRequest(trx, c.id);
			if (!pending) throw new StaleRecordError();
			const granted = args.decision === 'granted';
			await recordUpdateIn(
				trx,
				author,
				c.id,
				{
					...base(after!.version),
					dueTo: s.kind === 'extension' && granted ? grantedUntil : null,
					reason: s.kind === 'extension' && granted ? s.body : null,
					decision: {
						requestId: pending.id,
						outcome: granted ? 'granted' : 'refused',
						decidedOn: today,
						grantedUntil: s.kind === 'extension' && granted ? grantedUntil : null,
						note
					},
					existingEvidenceIds: evidenceId !== null ? [evidenceId] : []
				},
				today
			);
		}

		const ok = await updateSubmissionIf(
			trx,
			s.id,
			{ state: 'sent', version },
			{
				state: 'decided',
				decision: args.decision,
				decided_on: today,
				decided_by: clerk.id,
				decision_note: note,
				granted_until: grantedUntil,
				evidence_id: evidenceId
			}
		);
		if (!ok) throw new StaleRecordError();
		await recordAudit(trx, actor, {
			action: 'submission.decided',
			entityId: s.id,
			before: { state: 'sent' },
			after: { state: 'decided', decision: args.decision, note, grantedUntil, decidedOn: today }
		});
	});
}

function kindTitle(s: Pick<Submission, 'kind'>): string {
	return s.kind === 'report'
		? 'Implementation report'
		: s.kind === 'extension'
			? 'Request for more time'
			: 'Request to drop the undertaking';
}

/** The organisations a clerk may invite liaison officers for: those its committees oversee. */
export async function invitableOrganisations(db: Kysely<DB>, person: Person) {
	return listOrganisationsOfCommittees(
		db,
		person.role === 'admin' ? 'all' : [...person.committeeIds]
	);
}

/**
 * A clerk (or an admin) invites a ministry's liaison officer for one organisation its committees
 * oversee. Returns the one-time link's token, to be shown once to the person inviting.
 */
export async function inviteLiaisonOfficer(
	db: Kysely<DB>,
	person: Person,
	input: { name: string; email: string; organisationId: number }
) {
	const allowed = await invitableOrganisations(db, person);
	if (!allowed.some((o) => o.id === input.organisationId)) {
		throw InputError.of('organisation_id', m.mr_organisation_not_yours());
	}
	return inviteUser(db, actorOf(person), {
		email: input.email,
		name: input.name,
		role: 'ministry',
		committeeIds: [],
		organisationIds: [input.organisationId]
	});
}

/** Invited and never signed in through the link: the only officers a new link is for. */
export function awaitsInvitation(u: { invited_at: string | null; accepted_at: string | null }) {
	return u.invited_at !== null && u.accepted_at === null;
}

/**
 * A new link for a liaison officer of one of the clerk's organisations who has not yet used
 * theirs. Never for an officer who already signs in (invited and accepted, or given a password
 * another way): the link sets the password, so whoever asked for it could sign in as them.
 */
export async function reinviteLiaisonOfficer(db: Kysely<DB>, person: Person, userId: number) {
	const allowed = await invitableOrganisations(db, person);
	const users = await listMinistryUsers(
		db,
		allowed.map((o) => o.id)
	);
	if (!users.some((u) => u.id === userId && awaitsInvitation(u))) throw new NotFoundError();
	return reinviteUser(db, actorOf(person), userId);
}
