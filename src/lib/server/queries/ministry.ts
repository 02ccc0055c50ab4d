// The ministry's right of reply: the undertakings a ministry answers for, its submissions and
// their documents, the committee's inbox, and the reply figures of the scorecards. Only
// published commitments are ever read for a ministry; drafts of either side are filtered here.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type {
	DB,
	DeliveryStatus,
	MinistrySubmissionTable,
	ProceduralStatus,
	SubmissionState
} from '../db/schema';
import type { Submission } from '../../domain';
import { effectiveDeadline, overdueCondition, type EB } from './deadline-sql';

type Handle = Kysely<DB> | Transaction<DB>;

/** The organisations a ministry user answers for. */
export async function listUserOrganisationIds(db: Handle, userId: number): Promise<number[]> {
	const rows = await db
		.selectFrom('user_organisations')
		.select('organisation_id')
		.where('user_id', '=', userId)
		.orderBy('organisation_id')
		.execute();
	return rows.map((r) => r.organisation_id);
}

export async function replaceUserOrganisations(
	trx: Transaction<DB>,
	userId: number,
	organisationIds: number[]
): Promise<void> {
	await trx.deleteFrom('user_organisations').where('user_id', '=', userId).execute();
	if (organisationIds.length === 0) return;
	await trx
		.insertInto('user_organisations')
		.values(organisationIds.map((organisation_id) => ({ user_id: userId, organisation_id })))
		.execute();
}

export async function countOrganisationsById(db: Handle, ids: number[]): Promise<number> {
	if (ids.length === 0) return 0;
	const row = await db
		.selectFrom('organisations')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('id', 'in', ids)
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

export async function findOrganisationIdsBySlug(db: Handle, slugs: string[]) {
	if (slugs.length === 0) return [];
	return db.selectFrom('organisations').select(['id', 'slug']).where('slug', 'in', slugs).execute();
}

/** Organisations a ministry user may be attached to, by name. */
export async function listAnswerableOrganisations(db: Handle) {
	return db
		.selectFrom('organisations')
		.select(['id', 'name', 'slug'])
		.where('kind', 'in', ['ministry', 'state_department', 'agency', 'treasury'])
		.orderBy('name')
		.execute();
}

/** The organisations led by the committees of a clerk (or all, for an admin). */
export async function listOrganisationsOfCommittees(db: Handle, committeeIds: number[] | 'all') {
	let q = db
		.selectFrom('organisations as o')
		.select(['o.id', 'o.name', 'o.slug'])
		.where((eb) =>
			eb.exists(
				eb
					.selectFrom('commitments as c')
					.select('c.id')
					.whereRef('c.organisation_id', '=', 'o.id')
					.where('c.visibility', '=', 'published')
			)
		);
	if (committeeIds !== 'all') {
		if (committeeIds.length === 0) return [];
		q = q.where((eb) =>
			eb.exists(
				eb
					.selectFrom('commitments as c2')
					.select('c2.id')
					.whereRef('c2.organisation_id', '=', 'o.id')
					.where('c2.committee_id', 'in', committeeIds)
			)
		);
	}
	return q.orderBy('o.name').execute();
}

// ---------------------------------------------------------------------------------------------
// Invitations

export async function insertInvitation(
	trx: Transaction<DB>,
	values: { tokenHash: string; userId: number; createdBy: number | null; expiresAt: string }
): Promise<void> {
	await trx
		.insertInto('user_invitations')
		.values({
			token_hash: values.tokenHash,
			user_id: values.userId,
			created_by: values.createdBy,
			created_at: new Date().toISOString(),
			expires_at: values.expiresAt
		})
		.execute();
}

export async function findInvitation(db: Handle, tokenHash: string) {
	return db
		.selectFrom('user_invitations as i')
		.innerJoin('users as u', 'u.id', 'i.user_id')
		.select([
			'i.token_hash',
			'i.user_id',
			'i.expires_at',
			'i.used_at',
			'u.email',
			'u.name',
			'u.disabled_at'
		])
		.where('i.token_hash', '=', tokenHash)
		.executeTakeFirst();
}

/** Uses the invitation once: false when it was used in between (a second tab, a replay). */
export async function useInvitation(trx: Transaction<DB>, tokenHash: string): Promise<boolean> {
	const result = await trx
		.updateTable('user_invitations')
		.set({ used_at: new Date().toISOString() })
		.where('token_hash', '=', tokenHash)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/** A new invitation replaces the unused ones of the same user. */
export async function dropUnusedInvitations(trx: Transaction<DB>, userId: number): Promise<void> {
	await trx
		.deleteFrom('user_invitations')
		.where('user_id', '=', userId)
		.where('used_at', 'is', null)
		.execute();
}

// ---------------------------------------------------------------------------------------------
// Undertakings as a ministry sees them

export interface MinistryCommitment {
	id: number;
	ref: string;
	title: string;
	organisation: string;
	organisationId: number;
	committee: string;
	committeeId: number;
	givenOn: string;
	dueOn: string | null;
	deadline: string | null;
	dueBasis: string | null;
	ruleName: string | null;
	overdue: boolean;
	deliveryStatus: DeliveryStatus;
	proceduralStatus: ProceduralStatus;
	statusReason: string | null;
	latestUpdate: { on: string; note: string } | null;
	drafts: number;
	awaiting: number;
}

function ministryBase(db: Handle, today: string) {
	return db
		.selectFrom('commitments as c')
		.innerJoin('organisations as o', 'o.id', 'c.organisation_id')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.leftJoin('deadline_rules as dr', 'dr.id', 'c.deadline_rule_id')
		.select((eb) => [
			'c.id',
			'c.ref',
			'c.title',
			'c.organisation_id',
			'o.name as organisation_name',
			'k.name as committee_name',
			'c.committee_id',
			'c.given_on',
			'c.due_on',
			'c.due_basis',
			'c.delivery_status',
			'c.procedural_status',
			'c.status_reason',
			'c.version',
			'dr.name as rule_name',
			effectiveDeadline(eb as unknown as EB).as('deadline'),
			eb
				.case()
				.when(overdueCondition(eb as unknown as EB, today))
				.then(1)
				.else(0)
				.end()
				.as('overdue'),
			eb
				.selectFrom('updates as u')
				.select('u.update_on')
				.whereRef('u.commitment_id', '=', 'c.id')
				.orderBy('u.update_on', 'desc')
				.orderBy('u.id', 'desc')
				.limit(1)
				.as('latest_on'),
			eb
				.selectFrom('updates as u')
				.select('u.note')
				.whereRef('u.commitment_id', '=', 'c.id')
				.orderBy('u.update_on', 'desc')
				.orderBy('u.id', 'desc')
				.limit(1)
				.as('latest_note'),
			eb
				.selectFrom('ministry_submissions as s')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('s.commitment_id', '=', 'c.id')
				.where('s.state', '=', 'draft')
				.as('drafts'),
			eb
				.selectFrom('ministry_submissions as s')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('s.commitment_id', '=', 'c.id')
				.where('s.state', '=', 'sent')
				.as('awaiting')
		])
		.where('c.visibility', '=', 'published');
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof ministryBase>['execute']>>[number];

function toMinistryCommitment(r: BaseRow): MinistryCommitment {
	return {
		id: r.id,
		ref: r.ref,
		title: r.title,
		organisation: r.organisation_name,
		organisationId: r.organisation_id,
		committee: r.committee_name,
		committeeId: r.committee_id,
		givenOn: r.given_on,
		dueOn: r.due_on,
		deadline: (r.deadline as string | null) ?? null,
		dueBasis: r.due_basis,
		ruleName: r.rule_name,
		overdue: Number(r.overdue) === 1,
		deliveryStatus: r.delivery_status,
		proceduralStatus: r.procedural_status,
		statusReason: r.status_reason,
		latestUpdate:
			r.latest_on !== null && r.latest_note !== null
				? { on: r.latest_on, note: r.latest_note }
				: null,
		drafts: Number(r.drafts ?? 0),
		awaiting: Number(r.awaiting ?? 0)
	};
}

/**
 * The published undertakings of `organisationIds`: overdue first (the longest overdue first),
 * then by deadline, soonest first; those without a deadline last.
 */
export async function listMinistryCommitments(
	db: Handle,
	organisationIds: number[],
	today: string
): Promise<MinistryCommitment[]> {
	if (organisationIds.length === 0) return [];
	const rows = await ministryBase(db, today)
		.where('c.organisation_id', 'in', organisationIds)
		.execute();
	return rows.map(toMinistryCommitment).sort(byUrgency);
}

function byUrgency(a: MinistryCommitment, b: MinistryCommitment): number {
	if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
	if (a.deadline !== b.deadline) {
		if (a.deadline === null) return 1;
		if (b.deadline === null) return -1;
		return a.deadline < b.deadline ? -1 : 1;
	}
	return a.ref < b.ref ? -1 : 1;
}

/** One published undertaking as a ministry (or the clerk deciding) sees it. */
export async function getMinistryCommitment(
	db: Handle,
	id: number,
	today: string
): Promise<(MinistryCommitment & { version: number; quote: string }) | null> {
	const row = await ministryBase(db, today)
		.select('c.quote')
		.where('c.id', '=', id)
		.executeTakeFirst();
	return row ? { ...toMinistryCommitment(row), version: row.version, quote: row.quote } : null;
}

// ---------------------------------------------------------------------------------------------
// Submissions

export type { Submission, SubmissionDocument } from '../../domain';

function submissionBase(db: Handle) {
	return db
		.selectFrom('ministry_submissions as s')
		.innerJoin('commitments as c', 'c.id', 's.commitment_id')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.innerJoin('organisations as o', 'o.id', 's.organisation_id')
		.innerJoin('users as u', 'u.id', 's.created_by')
		.select((eb) => [
			's.id',
			's.commitment_id',
			'c.ref',
			'c.title',
			'c.committee_id',
			'k.name as committee_name',
			'k.slug as committee_slug',
			's.organisation_id',
			'o.name as organisation_name',
			's.kind',
			's.state',
			's.body',
			's.claimed_status',
			's.requested_until',
			's.approved_by',
			's.approved_on',
			's.channel',
			'u.name as author_name',
			's.created_at',
			's.sent_on',
			's.sent_at',
			's.decision',
			's.decided_on',
			's.decision_note',
			's.granted_until',
			's.version',
			effectiveDeadline(eb as unknown as EB).as('deadline')
		])
		.where('c.visibility', '=', 'published');
}

type SubmissionRow = Awaited<ReturnType<ReturnType<typeof submissionBase>['execute']>>[number];

async function withDocuments(db: Handle, rows: SubmissionRow[]): Promise<Submission[]> {
	const ids = rows.map((r) => r.id);
	const docs =
		ids.length === 0
			? []
			: await db
					.selectFrom('submission_documents')
					.select(['id', 'submission_id', 'file_name', 'media_type', 'byte_size', 'sha256'])
					.where('submission_id', 'in', ids)
					.orderBy('id')
					.execute();
	return rows.map((r) => ({
		id: r.id,
		commitmentId: r.commitment_id,
		commitmentRef: r.ref,
		commitmentTitle: r.title,
		committeeId: r.committee_id,
		committee: r.committee_name,
		committeeSlug: r.committee_slug,
		organisationId: r.organisation_id,
		organisation: r.organisation_name,
		kind: r.kind,
		state: r.state,
		body: r.body,
		claimedStatus: r.claimed_status,
		requestedUntil: r.requested_until,
		approvedBy: r.approved_by,
		approvedOn: r.approved_on,
		channel: r.channel,
		author: r.author_name,
		createdAt: r.created_at,
		sentOn: r.sent_on,
		sentAt: r.sent_at,
		decision: r.decision,
		decidedOn: r.decided_on,
		decisionNote: r.decision_note,
		grantedUntil: r.granted_until,
		deadline: (r.deadline as string | null) ?? null,
		version: r.version,
		documents: docs
			.filter((d) => d.submission_id === r.id)
			.map((d) => ({
				id: d.id,
				fileName: d.file_name,
				mediaType: d.media_type,
				byteSize: Number(d.byte_size),
				sha256: d.sha256
			}))
	}));
}

export async function getSubmission(db: Handle, id: number): Promise<Submission | null> {
	const row = await submissionBase(db).where('s.id', '=', id).executeTakeFirst();
	if (!row) return null;
	return (await withDocuments(db, [row]))[0]!;
}

/**
 * The submissions on one commitment: those sent (everyone may see them once the commitment is
 * published) and, for the ministry's own organisations, its drafts too. Newest first.
 */
export async function listCommitmentSubmissions(
	db: Handle,
	commitmentId: number,
	draftsOf: number[] = []
): Promise<Submission[]> {
	const rows = await submissionBase(db)
		.where('s.commitment_id', '=', commitmentId)
		.where((eb) =>
			draftsOf.length > 0
				? eb.or([eb('s.state', '!=', 'draft'), eb('s.organisation_id', 'in', draftsOf)])
				: eb('s.state', '!=', 'draft')
		)
		.orderBy('s.created_at', 'desc')
		.orderBy('s.id', 'desc')
		.execute();
	return withDocuments(db, rows);
}

/**
 * The clerk's inbox: submissions sent to `committeeIds` (or all), those awaiting a decision first
 * (the undertaking's deadline soonest first, then the newest), then the latest decided ones.
 */
export async function listInbox(
	db: Handle,
	committeeIds: number[] | 'all',
	limit = 100
): Promise<Submission[]> {
	if (committeeIds !== 'all' && committeeIds.length === 0) return [];
	const scoped = () => {
		let q = submissionBase(db);
		if (committeeIds !== 'all') q = q.where('c.committee_id', 'in', committeeIds);
		return q;
	};
	const [awaiting, decided] = await Promise.all([
		scoped().where('s.state', '=', 'sent').orderBy('s.sent_at', 'desc').limit(limit).execute(),
		scoped()
			.where('s.state', '=', 'decided')
			.orderBy('s.decided_on', 'desc')
			.orderBy('s.id', 'desc')
			.limit(limit)
			.execute()
	]);
	awaiting.sort((a, b) => {
		const da = (a.deadline as string | null) ?? '9999-12-31';
		const dbb = (b.deadline as string | null) ?? '9999-12-31';
		if (da !== dbb) return da < dbb ? -1 : 1;
		return (a.sent_at ?? '') > (b.sent_at ?? '') ? -1 : 1;
	});
	return withDocuments(db, [...awaiting, ...decided]);
}

/**
 * The latest submissions sent on published commitments (of one commitment or committee), newest
 * first: the feeds' entries beside the change log.
 */
export async function listRecentSubmissions(
	db: Handle,
	f: { commitmentId?: number; committeeId?: number; limit: number }
): Promise<Submission[]> {
	const rows = await submissionBase(db)
		.where('s.state', '!=', 'draft')
		.$if(f.commitmentId !== undefined, (q) => q.where('s.commitment_id', '=', f.commitmentId!))
		.$if(f.committeeId !== undefined, (q) => q.where('c.committee_id', '=', f.committeeId!))
		.orderBy('s.sent_at', 'desc')
		.orderBy('s.id', 'desc')
		.limit(f.limit)
		.execute();
	return withDocuments(db, rows);
}

/** Every submission once sent, for the open data (documents by link). */
export async function listSentSubmissions(db: Handle): Promise<Submission[]> {
	const rows = await submissionBase(db)
		.where('s.state', '!=', 'draft')
		.orderBy('s.sent_at')
		.orderBy('s.id')
		.execute();
	return withDocuments(db, rows);
}

export async function insertSubmission(
	trx: Transaction<DB>,
	values: Insertable<MinistrySubmissionTable>
): Promise<number> {
	const { id } = await trx
		.insertInto('ministry_submissions')
		.values(values)
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

/** Changes a submission if it is still in `state` at `version`; false otherwise. */
export async function updateSubmissionIf(
	trx: Transaction<DB>,
	id: number,
	expected: { state: SubmissionState; version: number },
	changes: Updateable<MinistrySubmissionTable>
): Promise<boolean> {
	const result = await trx
		.updateTable('ministry_submissions')
		.set((eb) => ({
			...changes,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', id)
		.where('state', '=', expected.state)
		.where('version', '=', expected.version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraftSubmission(
	trx: Transaction<DB>,
	id: number,
	version: number
): Promise<boolean> {
	const result = await trx
		.deleteFrom('ministry_submissions')
		.where('id', '=', id)
		.where('state', '=', 'draft')
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function insertDocument(
	trx: Transaction<DB>,
	values: {
		submissionId: number;
		fileName: string;
		mediaType: string;
		byteSize: number;
		sha256: string;
	},
	content: AsyncIterable<Uint8Array>
): Promise<number> {
	const { id } = await trx
		.insertInto('submission_documents')
		.values({
			submission_id: values.submissionId,
			file_name: values.fileName,
			media_type: values.mediaType,
			byte_size: values.byteSize,
			sha256: values.sha256,
			created_at: new Date().toISOString()
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	let seq = 0;
	for await (const bytes of content) {
		await trx
			.insertInto('submission_document_chunks')
			.values({ document_id: id, seq: seq++, bytes })
			.execute();
	}
	return id;
}

/** Chunk `seq` of a document's content (undefined past its last). */
export async function getDocumentChunk(db: Handle, documentId: number, seq: number) {
	const row = await db
		.selectFrom('submission_document_chunks')
		.select('bytes')
		.where('document_id', '=', documentId)
		.where('seq', '=', seq)
		.executeTakeFirst();
	return row?.bytes;
}

export async function deleteDocument(
	trx: Transaction<DB>,
	submissionId: number,
	documentId: number
): Promise<boolean> {
	const result = await trx
		.deleteFrom('submission_documents')
		.where('id', '=', documentId)
		.where('submission_id', '=', submissionId)
		.executeTakeFirst();
	return Number(result.numDeletedRows) === 1;
}

export async function documentTotals(db: Handle, submissionId: number) {
	const row = await db
		.selectFrom('submission_documents')
		.select((eb) => [
			eb.fn.countAll<number>().as('n'),
			eb.fn.coalesce(eb.fn.sum<number>('byte_size'), eb.val(0)).as('bytes')
		])
		.where('submission_id', '=', submissionId)
		.executeTakeFirstOrThrow();
	return { count: Number(row.n), bytes: Number(row.bytes) };
}

/** A document with its bytes and what decides who may read it. */
export async function getDocumentFile(db: Handle, submissionId: number, documentId: number) {
	return db
		.selectFrom('submission_documents as d')
		.innerJoin('ministry_submissions as s', 's.id', 'd.submission_id')
		.innerJoin('commitments as c', 'c.id', 's.commitment_id')
		.select([
			'd.file_name',
			'd.media_type',
			'd.byte_size',
			'd.sha256',
			's.state',
			's.organisation_id',
			'c.committee_id',
			'c.visibility'
		])
		.where('d.id', '=', documentId)
		.where('d.submission_id', '=', submissionId)
		.executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Reply figures for the scorecards and the briefing pack

export interface ReplyFactsRow {
	commitmentId: number;
	committeeId: number;
	organisationId: number;
	deadline: string | null;
	givenOn: string;
	firstReportOn: string | null;
	extensionsGranted: number;
	extensionsRefused: number;
}

/** Per published commitment: its deadline, its first report's date, and the extension decisions. */
export async function listReplyFacts(
	db: Handle,
	scope: { by: 'committee' | 'organisation'; slug: string } | { committeeIds: number[] }
): Promise<ReplyFactsRow[]> {
	let q = db
		.selectFrom('commitments as c')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.innerJoin('organisations as o', 'o.id', 'c.organisation_id')
		.select((eb) => [
			'c.id',
			'c.committee_id',
			'c.organisation_id',
			'c.given_on',
			eb.ref('c.due_on').as('deadline'),
			eb
				.selectFrom('ministry_submissions as s')
				.select((e) => e.fn.min('s.sent_on').as('d'))
				.whereRef('s.commitment_id', '=', 'c.id')
				.where('s.kind', '=', 'report')
				.where('s.state', '!=', 'draft')
				.where((e) => e.or([e('s.decision', 'is', null), e('s.decision', '!=', 'returned')]))
				.as('first_report_on'),
			eb
				.selectFrom('ministry_submissions as s')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('s.commitment_id', '=', 'c.id')
				.where('s.kind', '=', 'extension')
				.where('s.decision', '=', 'granted')
				.as('granted'),
			eb
				.selectFrom('ministry_submissions as s')
				.select((e) => e.fn.countAll<number>().as('n'))
				.whereRef('s.commitment_id', '=', 'c.id')
				.where('s.kind', '=', 'extension')
				.where('s.decision', '=', 'refused')
				.as('refused')
		])
		.where('c.visibility', '=', 'published');
	if ('committeeIds' in scope) {
		if (scope.committeeIds.length === 0) return [];
		q = q.where('c.committee_id', 'in', scope.committeeIds);
	} else {
		q = q.where(scope.by === 'committee' ? 'k.slug' : 'o.slug', '=', scope.slug);
	}
	const rows = await q.execute();
	return rows.map((r) => ({
		commitmentId: r.id,
		committeeId: r.committee_id,
		organisationId: r.organisation_id,
		deadline: (r.deadline as string | null) ?? null,
		givenOn: r.given_on,
		firstReportOn: (r.first_report_on as string | null) ?? null,
		extensionsGranted: Number(r.granted ?? 0),
		extensionsRefused: Number(r.refused ?? 0)
	}));
}

/** The evidence an update cited first (the one a decision on a submission created). */
export async function evidenceOfUpdate(
	trx: Transaction<DB>,
	updateId: number
): Promise<number | null> {
	const row = await trx
		.selectFrom('update_evidence')
		.select('evidence_id')
		.where('update_id', '=', updateId)
		.orderBy('evidence_id')
		.limit(1)
		.executeTakeFirst();
	return row?.evidence_id ?? null;
}

export async function listOrganisationNames(db: Handle, ids: readonly number[]) {
	if (ids.length === 0) return [];
	return db
		.selectFrom('organisations')
		.select(['id', 'name', 'slug'])
		.where('id', 'in', [...ids])
		.orderBy('name')
		.execute();
}

/** Ministry users of `organisationIds`, with whether their invitation is still open. */
export async function listMinistryUsers(db: Handle, organisationIds: readonly number[] | 'all') {
	if (organisationIds !== 'all' && organisationIds.length === 0) return [];
	let q = db
		.selectFrom('users as u')
		.innerJoin('user_organisations as uo', 'uo.user_id', 'u.id')
		.innerJoin('organisations as o', 'o.id', 'uo.organisation_id')
		.select((eb) => [
			'u.id',
			'u.name',
			'u.email',
			'u.disabled_at',
			'o.name as organisation',
			eb
				.selectFrom('user_invitations as i')
				.select((e) => e.fn.max('i.used_at').as('used'))
				.whereRef('i.user_id', '=', 'u.id')
				.as('accepted_at'),
			eb
				.selectFrom('user_invitations as i')
				.select((e) => e.fn.min('i.created_at').as('first'))
				.whereRef('i.user_id', '=', 'u.id')
				.as('invited_at'),
			eb
				.selectFrom('user_invitations as i')
				.select((e) => e.fn.max('i.expires_at').as('open'))
				.whereRef('i.user_id', '=', 'u.id')
				.where('i.used_at', 'is', null)
				.as('open_until')
		])
		.where('u.role', '=', 'ministry');
	if (organisationIds !== 'all') q = q.where('uo.organisation_id', 'in', [...organisationIds]);
	return q.orderBy('o.name').orderBy('u.name').execute();
}
