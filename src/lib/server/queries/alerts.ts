// What reminders, digests and change alerts are about, and who receives them. Only published
// commitments are ever read here: a draft never reaches anyone through a mail.
import type { Kysely, Transaction } from 'kysely';
import {
	DELIVERY_STATUSES,
	isDeliveryClosed,
	type BudgetPhase,
	type MilestoneStatus
} from '../../domain';
import type { DB, DigestFrequency, MailLanguage } from '../db/schema';
import { effectiveDeadline } from './deadline-sql';

type Handle = Kysely<DB> | Transaction<DB>;

const CLOSED_DELIVERY = DELIVERY_STATUSES.filter(isDeliveryClosed);

export interface DeadlineItem {
	id: number;
	ref: string;
	title: string;
	committeeId: number;
	committeeSlug: string;
	committeeName: string;
	organisationId: number;
	organisationSlug: string;
	organisationName: string;
	deadline: string;
	dueBasis: string | null;
	ruleName: string | null;
}

/**
 * Published commitments still open whose effective deadline (granted extensions included, the
 * one SQL expression of deadline-sql.ts) is on or before `until`: the overdue ones and those
 * falling due by then. Oldest deadline first.
 */
export async function listOpenCommitmentsDueBy(db: Handle, until: string): Promise<DeadlineItem[]> {
	const rows = await db
		.selectFrom('commitments as c')
		.innerJoin('committees as k', 'k.id', 'c.committee_id')
		.innerJoin('organisations as o', 'o.id', 'c.organisation_id')
		.leftJoin('deadline_rules as r', 'r.id', 'c.deadline_rule_id')
		.select((eb) => [
			'c.id',
			'c.ref',
			'c.title',
			'c.committee_id as committeeId',
			'k.slug as committeeSlug',
			'k.name as committeeName',
			'c.organisation_id as organisationId',
			'o.slug as organisationSlug',
			'o.name as organisationName',
			effectiveDeadline(eb).as('deadline'),
			'c.due_basis as dueBasis',
			'r.name as ruleName'
		])
		.where('c.visibility', '=', 'published')
		.where('c.delivery_status', 'not in', CLOSED_DELIVERY)
		.where('c.due_on', 'is not', null)
		.where((eb) => eb(effectiveDeadline(eb), '<=', until))
		.orderBy('deadline')
		.orderBy('c.id')
		.execute();
	return rows.map((r) => ({ ...r, deadline: r.deadline as string }));
}

export interface UserRecipient {
	userId: number;
	email: string;
	name: string;
	language: MailLanguage;
}

/**
 * Active users of `role` on each committee in `committeeIds`, with their mail language and digest
 * choice (English and "none" when they never chose).
 */
export async function listCommitteeMembers(
	db: Handle,
	role: 'clerk' | 'mp',
	committeeIds: number[]
): Promise<(UserRecipient & { committeeId: number; digest: DigestFrequency })[]> {
	if (committeeIds.length === 0) return [];
	return db
		.selectFrom('user_committees as uc')
		.innerJoin('users as u', 'u.id', 'uc.user_id')
		.leftJoin('alert_settings as s', 's.user_id', 'u.id')
		.select((eb) => [
			'u.id as userId',
			'u.email',
			'u.name',
			eb.fn.coalesce('s.language', eb.val<MailLanguage>('en')).as('language'),
			eb.fn.coalesce('s.digest', eb.val<DigestFrequency>('none')).as('digest'),
			'uc.committee_id as committeeId'
		])
		.where('u.role', '=', role)
		.where('u.disabled_at', 'is', null)
		.where('uc.committee_id', 'in', committeeIds)
		.orderBy('u.id')
		.execute();
}

/** Active clerks of each committee in `committeeIds`, with their mail language. */
export function listClerksOfCommittees(db: Handle, committeeIds: number[]) {
	return listCommitteeMembers(db, 'clerk', committeeIds);
}

export interface DigestRecipient extends UserRecipient {
	digest: DigestFrequency;
	digestThrough: string | null;
}

/** Active MPs whose digest choice is one of `frequencies`. */
export async function listDigestRecipients(
	db: Handle,
	frequencies: DigestFrequency[]
): Promise<DigestRecipient[]> {
	return db
		.selectFrom('alert_settings as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select([
			'u.id as userId',
			'u.email',
			'u.name',
			's.language',
			's.digest',
			's.digest_through as digestThrough'
		])
		.where('u.role', '=', 'mp')
		.where('u.disabled_at', 'is', null)
		.where('s.digest', 'in', frequencies)
		.orderBy('u.id')
		.execute();
}

/**
 * A change that is not a recorded update, described in words in the recipient's language
 * (alerts/compose.ts): a milestone added, re-planned or marked, a funding link made, changed or
 * removed, a figure entered on a linked budget line, a withdrawal.
 */
export type ChangeDetail =
	| {
			kind: 'milestone';
			change: 'added' | 'edited' | 'marked';
			title: string;
			plannedOn: string;
			status: MilestoneStatus;
	  }
	| { kind: 'funding'; change: 'linked' | 'edited' | 'unlinked'; line: string }
	| {
			kind: 'figure';
			change: 'added' | 'corrected';
			line: string;
			phase: BudgetPhase;
			asOf: string;
			amountKes: number;
	  }
	| { kind: 'withdrawn'; reason: string };

export interface ChangeItem {
	commitmentId: number;
	ref: string;
	title: string;
	at: string;
	/** The update's note; null when the change is the commitment's publication. */
	note: string | null;
	dueFrom: string | null;
	dueTo: string | null;
	/** What changed, when it is not (only) an update's note. */
	detail?: ChangeDetail | null;
	/** Titles of the evidence published with the change. */
	evidence?: string[];
}

/**
 * Changes to published commitments on `userId`'s watchlist or in their committees after `since`
 * up to `through` (timestamps): updates recorded and commitments published. Newest first.
 */
export async function listChangesForUser(
	db: Handle,
	userId: number,
	since: string,
	through: string,
	limit: number
): Promise<ChangeItem[]> {
	const followed = (eb: import('kysely').ExpressionBuilder<DB & { c: DB['commitments'] }, 'c'>) =>
		eb.or([
			eb(
				'c.id',
				'in',
				eb.selectFrom('watchlist as w').select('w.commitment_id').where('w.user_id', '=', userId)
			),
			eb(
				'c.committee_id',
				'in',
				eb
					.selectFrom('user_committees as uc')
					.select('uc.committee_id')
					.where('uc.user_id', '=', userId)
			)
		]);
	const updates = await db
		.selectFrom('updates as u')
		.innerJoin('commitments as c', 'c.id', 'u.commitment_id')
		.select([
			'c.id as commitmentId',
			'c.ref',
			'c.title',
			'u.created_at as at',
			'u.note',
			'u.due_from as dueFrom',
			'u.due_to as dueTo'
		])
		.where('c.visibility', '=', 'published')
		.where('u.created_at', '>', since)
		.where('u.created_at', '<=', through)
		.where(followed)
		.orderBy('u.created_at', 'desc')
		.limit(limit)
		.execute();
	const published = await db
		.selectFrom('commitments as c')
		.select(['c.id as commitmentId', 'c.ref', 'c.title', 'c.published_at as at'])
		.where('c.visibility', '=', 'published')
		.where('c.published_at', '>', since)
		.where('c.published_at', '<=', through)
		.where(followed)
		.orderBy('c.published_at', 'desc')
		.limit(limit)
		.execute();
	return [
		...updates,
		...published.map((p) => ({ ...p, at: p.at as string, note: null, dueFrom: null, dueTo: null }))
	]
		.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
		.slice(0, limit);
}

/** Records that `userId`'s digests have covered everything up to `through`. */
export async function setDigestThrough(
	trx: Transaction<DB>,
	userId: number,
	through: string
): Promise<void> {
	await trx
		.updateTable('alert_settings')
		.set({ digest_through: through })
		.where('user_id', '=', userId)
		.execute();
}

export interface CommitmentForAlert {
	id: number;
	ref: string;
	title: string;
	visibility: string;
	committeeId: number;
	organisationId: number;
}

export async function getCommitmentForAlert(
	db: Handle,
	id: number
): Promise<CommitmentForAlert | undefined> {
	return db
		.selectFrom('commitments')
		.select([
			'id',
			'ref',
			'title',
			'visibility',
			'committee_id as committeeId',
			'organisation_id as organisationId'
		])
		.where('id', '=', id)
		.executeTakeFirst();
}

/** MPs with an instant digest who watch commitment `c` or sit on its committee. */
export async function listInstantMps(
	db: Handle,
	c: { id: number; committeeId: number }
): Promise<UserRecipient[]> {
	return db
		.selectFrom('alert_settings as s')
		.innerJoin('users as u', 'u.id', 's.user_id')
		.select(['u.id as userId', 'u.email', 'u.name', 's.language'])
		.where('u.role', '=', 'mp')
		.where('u.disabled_at', 'is', null)
		.where('s.digest', '=', 'instant')
		.where((eb) =>
			eb.or([
				eb.exists(
					eb
						.selectFrom('watchlist as w')
						.select('w.user_id')
						.whereRef('w.user_id', '=', 'u.id')
						.where('w.commitment_id', '=', c.id)
				),
				eb.exists(
					eb
						.selectFrom('user_committees as uc')
						.select('uc.user_id')
						.whereRef('uc.user_id', '=', 'u.id')
						.where('uc.committee_id', '=', c.committeeId)
				)
			])
		)
		.orderBy('u.id')
		.execute();
}

export interface UserAlertSettings {
	digest: DigestFrequency;
	language: MailLanguage;
}

export async function getAlertSettings(
	db: Handle,
	userId: number
): Promise<UserAlertSettings | undefined> {
	return db
		.selectFrom('alert_settings')
		.select(['digest', 'language'])
		.where('user_id', '=', userId)
		.executeTakeFirst();
}

/** Saves a user's choice; a first choice of a digest starts its period now. */
export async function upsertAlertSettings(
	trx: Transaction<DB>,
	userId: number,
	settings: UserAlertSettings,
	now: string
): Promise<void> {
	await trx
		.insertInto('alert_settings')
		.values({ user_id: userId, ...settings, digest_through: now, updated_at: now })
		.onConflict((oc) => oc.column('user_id').doUpdateSet({ ...settings, updated_at: now }))
		.execute();
}

/** Active ministry liaison officers answering for each organisation in `organisationIds`. */
export async function listMinistryUsersOfOrganisations(
	db: Handle,
	organisationIds: number[]
): Promise<(UserRecipient & { organisationId: number })[]> {
	if (organisationIds.length === 0) return [];
	return db
		.selectFrom('user_organisations as uo')
		.innerJoin('users as u', 'u.id', 'uo.user_id')
		.leftJoin('alert_settings as s', 's.user_id', 'u.id')
		.select((eb) => [
			'u.id as userId',
			'u.email',
			'u.name',
			eb.fn.coalesce('s.language', eb.val<MailLanguage>('en')).as('language'),
			'uo.organisation_id as organisationId'
		])
		.where('u.role', '=', 'ministry')
		.where('u.disabled_at', 'is', null)
		.where('uo.organisation_id', 'in', organisationIds)
		.orderBy('u.id')
		.execute();
}

export interface SubmissionForAlert {
	id: number;
	kind: 'report' | 'extension' | 'drop';
	commitmentRef: string;
	commitmentTitle: string;
	committeeId: number;
	organisationName: string;
}

export async function getSubmissionForAlert(
	db: Handle,
	submissionId: number
): Promise<SubmissionForAlert | undefined> {
	return db
		.selectFrom('ministry_submissions as s')
		.innerJoin('commitments as c', 'c.id', 's.commitment_id')
		.innerJoin('organisations as o', 'o.id', 's.organisation_id')
		.select([
			's.id',
			's.kind',
			'c.ref as commitmentRef',
			'c.title as commitmentTitle',
			'c.committee_id as committeeId',
			'o.name as organisationName'
		])
		.where('s.id', '=', submissionId)
		.executeTakeFirst();
}

export interface ScheduledSitting {
	id: number;
	satOn: string;
	subject: string;
	committeeId: number;
	committeeSlug: string;
	committeeName: string;
}

/**
 * Published sittings dated from `from` to `until` (inclusive): the scheduled ones a clerk has
 * announced. A draft sitting is seen only by clerks and admins, so it is never read here.
 */
export async function listScheduledSittings(
	db: Handle,
	from: string,
	until: string
): Promise<ScheduledSitting[]> {
	return db
		.selectFrom('sittings as s')
		.innerJoin('committees as k', 'k.id', 's.committee_id')
		.select([
			's.id',
			's.sat_on as satOn',
			's.subject',
			's.committee_id as committeeId',
			'k.slug as committeeSlug',
			'k.name as committeeName'
		])
		.where('s.visibility', '=', 'published')
		.where('s.sat_on', '>=', from)
		.where('s.sat_on', '<=', until)
		.orderBy('s.sat_on')
		.orderBy('s.id')
		.execute();
}
