// The scheduled pass, as of one Nairobi date: deadline reminders (14 and 3 days before, on the
// day, weekly while overdue) to the clerks of the committee and to followers; on Mondays each
// clerk's digest of what is overdue or falls due within 30 days in their committees; MPs' daily
// and weekly digests of changes; and, SITTING_NOTE_LEAD_DAYS before an announced sitting, a note
// to each MP of its committee (who chose any mail) with the briefing pack's link. One message per
// recipient and kind per run, each with a dedupe key made of the kind, the date (for a sitting
// note: the sitting and its date) and the recipient, so running the pass again for the same date
// (a second instance, a restart after a crash mid-pass) queues nothing twice. Each message is
// written in its own transaction, with the digest period it closes, so a pass killed half-way
// leaves only whole messages and the next run writes the rest.
import type { Kysely } from 'kysely';
import { addDays } from '../../domain';
import { DUE_SOON_DAYS } from '../../domain/briefing';
import {
	digestDueOn,
	isMonday,
	reminderStage,
	SITTING_NOTE_LEAD_DAYS,
	type ReminderStage
} from '../../domain/reminders';
import { recordAudit, SYSTEM_ACTOR } from '../audit';
import type { DB, MailLanguage } from '../db/schema';
import {
	composeDigest,
	composeReminders,
	composeSittingNote,
	composeWeekly,
	publicLink,
	replyLink,
	type Footer,
	type LinkTo
} from '../alerts/compose';
import { absoluteUrl, mailHeaders, type RenderedMail } from '../alerts/render';
import { MANAGE_TTL_MS, newAlertToken } from '../alerts/tokens';
import {
	listChangesForUser,
	listClerksOfCommittees,
	listCommitteeMembers,
	listDigestRecipients,
	listMinistryUsersOfOrganisations,
	listOpenCommitmentsDueBy,
	listScheduledSittings,
	setDigestThrough,
	type DeadlineItem
} from '../queries/alerts';
import {
	deleteExpiredAlertRows,
	insertAlertToken,
	listConfirmedSubscriptions
} from '../queries/alert-subscriptions';
import { existingDedupeKeys, insertOutboxMessage } from '../queries/outbox';

/** The clerk's weekly digest looks this far ahead (as far as the briefing pack's "due soon"). */
const WEEKLY_HORIZON_DAYS = DUE_SOON_DAYS;

/** Changes read for one digest; more are counted as "and N more" up to this. */
const DIGEST_READ_LIMIT = 200;

export interface PassOptions {
	/** The Nairobi date the pass runs as of. */
	today: string;
	origin: string;
	dryRun?: boolean;
	/** Clock for the outbox rows and tokens (ms). */
	now?: number;
	/** The instant digests cover changes up to (ISO); by default the end of `today` in Nairobi. */
	through?: string;
}

export interface PlannedMessage {
	kind: 'reminders' | 'weekly' | 'monthly' | 'digest' | 'sitting';
	dedupeKey: string;
	recipient: string;
	language: MailLanguage;
	subject: string;
	items: number;
	/** False when an earlier run already queued it. */
	isNew: boolean;
}

export interface PassReport {
	today: string;
	messages: PlannedMessage[];
	queued: number;
}

/** Midnight at the end of `date` in Nairobi (UTC+3, no daylight saving), as an ISO instant. */
export function endOfNairobiDay(date: string): string {
	return `${date}T21:00:00.000Z`;
}

interface Draft {
	plan: PlannedMessage;
	/** Composes the message; `manageUrl` is given for followers (a new token per message). */
	render: (footer: Footer) => RenderedMail;
	follower: { addressId: number } | null;
	digestThrough: { userId: number; through: string } | null;
}

function committeesUrl(items: DeadlineItem[]): string {
	const slugs = [...new Set(items.map((i) => i.committeeSlug))].sort();
	return `/commitments?${slugs.map((s) => `committee=${encodeURIComponent(s)}`).join('&')}`;
}

export async function runAlertPass(db: Kysely<DB>, options: PassOptions): Promise<PassReport> {
	const { today, origin } = options;
	const now = options.now ?? Date.now();
	const through = options.through ?? endOfNairobiDay(today);
	if (!options.dryRun) await deleteExpiredAlertRows(db, now);

	const open = await listOpenCommitmentsDueBy(db, addDays(today, WEEKLY_HORIZON_DAYS));
	const reminders: { item: DeadlineItem; stage: ReminderStage }[] = [];
	for (const item of open) {
		const stage = reminderStage(item.deadline, today);
		if (stage) reminders.push({ item, stage });
	}
	const drafts: Draft[] = [];

	// Reminders and the Monday digest for clerks, by committee.
	const committeeIds = [...new Set(open.map((i) => i.committeeId))];
	const clerks = new Map<
		number,
		{ email: string; language: MailLanguage; committees: Set<number> }
	>();
	for (const row of await listClerksOfCommittees(db, committeeIds)) {
		const entry = clerks.get(row.userId) ?? {
			email: row.email,
			language: row.language,
			committees: new Set<number>()
		};
		entry.committees.add(row.committeeId);
		clerks.set(row.userId, entry);
	}
	for (const [userId, clerk] of clerks) {
		const lang = clerk.language;
		const mine = reminders.filter((r) => clerk.committees.has(r.item.committeeId));
		if (mine.length > 0) {
			drafts.push(reminderDraft(`u${userId}`, clerk.email, lang, mine, null));
		}
		const weekly = open.filter((i) => clerk.committees.has(i.committeeId));
		if (isMonday(today) && weekly.length > 0) {
			const dedupeKey = `weekly:${today}:u${userId}`;
			drafts.push({
				plan: plan('weekly', dedupeKey, clerk.email, lang, weekly.length, ''),
				render: (footer) =>
					composeWeekly({
						lang,
						origin,
						footer,
						today,
						items: weekly,
						moreUrl: committeesUrl(weekly)
					}),
				follower: null,
				digestThrough: null
			});
		}
	}

	// Ministries (liaison officers of the lead organisation): the same reminders, linking to where
	// they reply, and on the first of each month everything pending for their organisations.
	const firstOfMonth = today.endsWith('-01');
	const everything = firstOfMonth ? await listOpenCommitmentsDueBy(db, '9999-12-31') : [];
	const organisationIds = [...new Set([...open, ...everything].map((i) => i.organisationId))];
	const officers = new Map<
		number,
		{ email: string; language: MailLanguage; organisations: Set<number> }
	>();
	for (const row of await listMinistryUsersOfOrganisations(db, organisationIds)) {
		const entry = officers.get(row.userId) ?? {
			email: row.email,
			language: row.language,
			organisations: new Set<number>()
		};
		entry.organisations.add(row.organisationId);
		officers.set(row.userId, entry);
	}
	for (const [userId, officer] of officers) {
		const lang = officer.language;
		const mine = reminders.filter((r) => officer.organisations.has(r.item.organisationId));
		if (mine.length > 0) {
			drafts.push(reminderDraft(`u${userId}`, officer.email, lang, mine, null, replyLink));
		}
		const pending = everything.filter((i) => officer.organisations.has(i.organisationId));
		if (pending.length > 0) {
			const dedupeKey = `monthly:${today.slice(0, 7)}:u${userId}`;
			drafts.push({
				plan: plan('monthly', dedupeKey, officer.email, lang, pending.length, ''),
				render: (footer) =>
					composeWeekly({
						lang,
						origin,
						footer,
						today,
						items: pending,
						moreUrl: '/ministry',
						period: 'monthly',
						linkTo: replyLink
					}),
				follower: null,
				digestThrough: null
			});
		}
	}

	// Reminders for followers of a commitment, its committee or its organisation.
	const followers = new Map<
		number,
		{ email: string; language: MailLanguage; targets: Set<string> }
	>();
	for (const s of await listConfirmedSubscriptions(db)) {
		const entry = followers.get(s.addressId) ?? {
			email: s.email,
			language: s.language,
			targets: new Set<string>()
		};
		entry.targets.add(`${s.kind}:${s.targetId}`);
		followers.set(s.addressId, entry);
	}
	// Reminders by what may be followed, so each follower's are found without a scan.
	const byTarget = new Map<string, { item: DeadlineItem; stage: ReminderStage }[]>();
	for (const r of reminders) {
		for (const key of [
			`commitment:${r.item.id}`,
			`committee:${r.item.committeeId}`,
			`organisation:${r.item.organisationId}`
		]) {
			const list = byTarget.get(key) ?? [];
			list.push(r);
			byTarget.set(key, list);
		}
	}
	for (const [addressId, f] of followers) {
		const mine = new Set<{ item: DeadlineItem; stage: ReminderStage }>();
		for (const target of f.targets) for (const r of byTarget.get(target) ?? []) mine.add(r);
		if (mine.size > 0) {
			// In the order of `reminders` (oldest deadline first).
			const items = [...mine].sort(
				(a, b) => a.item.deadline.localeCompare(b.item.deadline) || a.item.id - b.item.id
			);
			drafts.push(reminderDraft(`a${addressId}`, f.email, f.language, items, { addressId }));
		}
	}

	// MPs' digests of changes since their last one.
	const due = (await listDigestRecipients(db, ['daily', 'weekly'])).filter((u) =>
		digestDueOn(u.digest, today)
	);
	for (const u of due) {
		const since =
			u.digestThrough ??
			new Date(Date.parse(through) - (u.digest === 'daily' ? 1 : 7) * 864e5).toISOString();
		if (since >= through) continue;
		const changes = await listChangesForUser(db, u.userId, since, through, DIGEST_READ_LIMIT);
		if (changes.length === 0) continue;
		const lang = u.language;
		const dedupeKey = `digest:${today}:u${u.userId}`;
		drafts.push({
			plan: plan('digest', dedupeKey, u.email, lang, changes.length, ''),
			render: (footer) =>
				composeDigest({ lang, origin, footer, today, since, changes, total: changes.length }),
			follower: null,
			digestThrough: { userId: u.userId, through }
		});
	}

	// MPs' notes before the announced sittings of their committees, from tomorrow to the lead.
	const sittings = await listScheduledSittings(
		db,
		addDays(today, 1),
		addDays(today, SITTING_NOTE_LEAD_DAYS)
	);
	// MPs who chose "none" (or never chose) get no mail at all, this note included.
	const members = (
		await listCommitteeMembers(db, 'mp', [...new Set(sittings.map((x) => x.committeeId))])
	).filter((u) => u.digest !== 'none');
	for (const sitting of sittings) {
		const items = open.filter((i) => i.committeeId === sitting.committeeId);
		const overdue = items.filter((i) => i.deadline < today).length;
		const dueSoon = items.length - overdue;
		for (const u of members.filter((x) => x.committeeId === sitting.committeeId)) {
			const lang = u.language;
			// The date in the key: a sitting moved to another day is noted again.
			const dedupeKey = `sitting:${sitting.id}:${sitting.satOn}:u${u.userId}`;
			drafts.push({
				plan: plan('sitting', dedupeKey, u.email, lang, items.length, ''),
				render: (footer) =>
					composeSittingNote({
						lang,
						origin,
						footer,
						sitting,
						overdue,
						dueSoon,
						dueSoonDays: WEEKLY_HORIZON_DAYS
					}),
				follower: null,
				digestThrough: null
			});
		}
	}

	const existing = await existingDedupeKeys(
		db,
		drafts.map((d) => d.plan.dedupeKey)
	);
	let queued = 0;
	for (const draft of drafts) {
		draft.plan.isNew = !existing.has(draft.plan.dedupeKey);
		if (!draft.plan.isNew) continue;
		if (options.dryRun) {
			draft.plan.subject = draft.render({ kind: 'account' }).subject;
			continue;
		}
		if (await writeDraft(db, draft, origin, now)) queued++;
	}
	if (queued > 0) {
		await recordAudit(db, SYSTEM_ACTOR, {
			action: 'alert_pass.completed',
			entityId: today,
			after: { today, queued }
		});
	}
	return { today, messages: drafts.map((d) => d.plan), queued };

	function reminderDraft(
		who: string,
		email: string,
		lang: MailLanguage,
		items: { item: DeadlineItem; stage: ReminderStage }[],
		follower: { addressId: number } | null,
		linkTo: LinkTo = publicLink
	): Draft {
		const dedupeKey = `reminders:${today}:${who}`;
		return {
			plan: plan('reminders', dedupeKey, email, lang, items.length, ''),
			render: (footer) =>
				composeReminders({
					lang,
					origin,
					footer,
					today,
					items,
					linkTo,
					moreUrl: linkTo === replyLink ? '/ministry' : committeesUrl(items.map((i) => i.item))
				}),
			follower,
			digestThrough: null
		};
	}
}

function plan(
	kind: PlannedMessage['kind'],
	dedupeKey: string,
	recipient: string,
	language: MailLanguage,
	items: number,
	subject: string
): PlannedMessage {
	return { kind, dedupeKey, recipient, language, subject, items, isNew: true };
}

/** Writes one message (with its manage token or closed digest period) in one transaction. */
async function writeDraft(db: Kysely<DB>, draft: Draft, origin: string, now: number) {
	const { plan: p } = draft;
	return db
		.transaction()
		.execute(async (trx) => {
			let footer: Footer = { kind: 'account' };
			let unsubscribeUrl: string | undefined;
			if (draft.follower) {
				const manage = newAlertToken();
				await insertAlertToken(trx, {
					id: manage.id,
					addressId: draft.follower.addressId,
					purpose: 'manage',
					subscriptionId: null,
					expiresAt: now + MANAGE_TTL_MS
				});
				footer = {
					kind: 'follower',
					manageUrl: absoluteUrl(origin, p.language, `/alerts/manage/${manage.token}`)
				};
				unsubscribeUrl = absoluteUrl(origin, p.language, `/alerts/unsubscribe/${manage.token}`);
			}
			const mail = draft.render(footer);
			p.subject = mail.subject;
			const written = await insertOutboxMessage(
				trx,
				{
					dedupeKey: p.dedupeKey,
					recipient: p.recipient,
					language: p.language,
					kind: p.kind,
					...mail,
					headers: mailHeaders({
						dedupeKey: p.dedupeKey,
						origin,
						lang: p.language,
						automatic: true,
						unsubscribeUrl
					})
				},
				now
			);
			if (!written) {
				// Another instance wrote it meanwhile: drop this run's token with it.
				throw new AlreadyQueued();
			}
			if (draft.digestThrough) {
				await setDigestThrough(trx, draft.digestThrough.userId, draft.digestThrough.through);
			}
			return true;
		})
		.catch((e: unknown) => {
			if (e instanceof AlreadyQueued) {
				p.isNew = false;
				return false;
			}
			throw e;
		});
}

class AlreadyQueued extends Error {}
