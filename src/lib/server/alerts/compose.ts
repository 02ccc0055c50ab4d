// The words of each kind of mail, in the recipient's language (English or Kiswahili), laid out by
// render.ts. Dates are Nairobi dates; links are absolute (ORIGIN) and in the recipient's language.
import { daysOverdue, formatKesFull } from '../../domain';
import type { ReminderStage } from '../../domain/reminders';
import { formatDate, formatDateTime } from '../../i18n/format';
import { label } from '../../i18n/labels';
import { m } from '../../paraglide/messages';
import type { MailLanguage } from '../db/schema';
import type { ChangeDetail, ChangeItem, DeadlineItem } from '../queries/alerts';
import { commitmentPath } from '../queries/alert-subscriptions';
import {
	absoluteUrl,
	renderMail,
	type MailContent,
	type MailItem,
	type RenderedMail
} from './render';

/** Who the message is for: a user (footer: account page) or a follower (footer: manage link). */
export type Footer = { kind: 'account' } | { kind: 'follower'; manageUrl: string };

interface Base {
	lang: MailLanguage;
	origin: string;
	footer: Footer;
}

function footerLines({ lang, origin, footer }: Base): MailContent['footer'] {
	const o = { locale: lang };
	const second =
		footer.kind === 'account'
			? { text: m.alerts_footer_account({}, o), url: absoluteUrl(origin, lang, '/account') }
			: { text: m.alerts_footer_manage({}, o), url: footer.manageUrl };
	return [{ text: m.alerts_footer_auto({}, o) }, second];
}

function more(lang: MailLanguage) {
	return (count: number) => m.alerts_more({ count: String(count) }, { locale: lang });
}

function stageText(stage: ReminderStage, lang: MailLanguage): string {
	const o = { locale: lang };
	if (stage.kind === 'before') return m.alerts_rule_before({ days: String(stage.days) }, o);
	if (stage.kind === 'due') return m.alerts_rule_due({}, o);
	return m.alerts_rule_overdue({ days: String(stage.days) }, o);
}

/** Where an item links: the public page, or for a ministry the page where it replies. */
export type LinkTo = (item: DeadlineItem) => string;
export const publicLink: LinkTo = (item) => commitmentPath(item.ref);
export const replyLink: LinkTo = (item) => `/ministry/commitments/${item.id}`;

function deadlineItem(
	item: DeadlineItem,
	lang: MailLanguage,
	origin: string,
	first: string | null,
	linkTo: LinkTo
): MailItem {
	const o = { locale: lang };
	const lines = [
		...(first ? [first] : []),
		m.alerts_due_on({ date: formatDate(item.deadline, lang) }, o),
		item.ruleName
			? m.alerts_rule_named({ rule: item.ruleName }, o)
			: item.dueBasis
				? m.alerts_rule_basis({ basis: item.dueBasis }, o)
				: null,
		m.alerts_who({ organisation: item.organisationName, committee: item.committeeName }, o)
	].filter((l): l is string => l !== null);
	return {
		title: `${item.ref}: ${item.title}`,
		url: absoluteUrl(origin, lang, linkTo(item)),
		lines
	};
}

/** Deadline reminders (14 and 3 days before, on the day, weekly while overdue), bundled. */
export function composeReminders(
	base: Base & {
		today: string;
		items: { item: DeadlineItem; stage: ReminderStage }[];
		moreUrl: string;
		linkTo?: LinkTo;
	}
): RenderedMail {
	const { lang, origin, today, items } = base;
	const o = { locale: lang };
	return renderMail(
		{
			subject: m.alerts_reminder_subject({ date: formatDate(today, lang) }, o),
			intro: [m.alerts_reminder_intro({ date: formatDate(today, lang) }, o)],
			sections: [
				{
					heading: m.alerts_section_reminders({}, o),
					items: items.map(({ item, stage }) =>
						deadlineItem(item, lang, origin, stageText(stage, lang), base.linkTo ?? publicLink)
					),
					moreUrl: absoluteUrl(origin, lang, base.moreUrl)
				}
			],
			footer: footerLines(base),
			more: more(lang)
		},
		lang
	);
}

/**
 * A clerk's Monday digest (overdue, and falling due in the next 30 days in their committees), or
 * a ministry's monthly one (overdue, and everything else pending for its organisations).
 */
export function composeWeekly(
	base: Base & {
		today: string;
		items: DeadlineItem[];
		moreUrl: string;
		period?: 'weekly' | 'monthly';
		linkTo?: LinkTo;
	}
): RenderedMail {
	const { lang, origin, today } = base;
	const o = { locale: lang };
	const monthly = base.period === 'monthly';
	const linkTo = base.linkTo ?? publicLink;
	const overdue = base.items.filter((i) => i.deadline < today);
	const soon = base.items.filter((i) => i.deadline >= today);
	const overdueLine = (i: DeadlineItem) =>
		m.alerts_rule_overdue(
			{ days: String(daysOverdue({ dueOn: i.deadline, deliveryStatus: 'not_started' }, today)) },
			o
		);
	return renderMail(
		{
			subject: (monthly ? m.alerts_monthly_subject : m.alerts_weekly_subject)(
				{ date: formatDate(today, lang) },
				o
			),
			intro: [
				(monthly ? m.alerts_monthly_intro : m.alerts_weekly_intro)(
					{ date: formatDate(today, lang) },
					o
				)
			],
			sections: [
				{
					heading: m.alerts_section_overdue({}, o),
					items: overdue.map((i) => deadlineItem(i, lang, origin, overdueLine(i), linkTo)),
					moreUrl: absoluteUrl(
						origin,
						lang,
						monthly ? base.moreUrl : `${base.moreUrl}&overdue=true`
					)
				},
				{
					heading: (monthly ? m.alerts_section_pending : m.alerts_section_due_soon)({}, o),
					items: soon.map((i) => deadlineItem(i, lang, origin, null, linkTo)),
					moreUrl: absoluteUrl(origin, lang, base.moreUrl)
				}
			],
			footer: footerLines(base),
			more: more(lang)
		},
		lang
	);
}

function detailLines(detail: ChangeDetail, lang: MailLanguage): string[] {
	const o = { locale: lang };
	switch (detail.kind) {
		case 'milestone': {
			const args = { title: detail.title, date: formatDate(detail.plannedOn, lang) };
			if (detail.change === 'added') return [m.alerts_change_milestone_added(args, o)];
			if (detail.change === 'edited') return [m.alerts_change_milestone_edited(args, o)];
			const status = label('milestone', detail.status, lang);
			return [m.alerts_change_milestone_marked({ title: detail.title, status }, o)];
		}
		case 'funding':
			return [
				{
					linked: m.alerts_change_funding_linked,
					edited: m.alerts_change_funding_edited,
					unlinked: m.alerts_change_funding_unlinked
				}[detail.change]({ line: detail.line }, o)
			];
		case 'figure':
			return [
				(detail.change === 'added'
					? m.alerts_change_figure_added
					: m.alerts_change_figure_corrected)(
					{
						line: detail.line,
						phase: label('phase', detail.phase, lang),
						amount: formatKesFull(detail.amountKes),
						date: formatDate(detail.asOf, lang)
					},
					o
				)
			];
		case 'withdrawn':
			return [m.alerts_change_withdrawn({ reason: detail.reason }, o)];
	}
}

function changeLines(change: ChangeItem, lang: MailLanguage): string[] {
	const o = { locale: lang };
	const lines = change.detail ? detailLines(change.detail, lang) : [];
	if (change.note !== null) lines.push(m.alerts_change_note({ note: change.note }, o));
	else if (!change.detail) lines.push(m.alerts_change_published({}, o));
	if (change.dueTo) {
		lines.push(
			m.alerts_change_due(
				{
					from: change.dueFrom ? formatDate(change.dueFrom, lang) : '–',
					to: formatDate(change.dueTo, lang)
				},
				o
			)
		);
	}
	for (const title of change.evidence ?? []) {
		lines.push(m.alerts_change_evidence({ title }, o));
	}
	return lines;
}

/** An MP's digest of changes on their watchlist and in their committees. */
export function composeDigest(
	base: Base & { today: string; since: string; changes: ChangeItem[]; total: number }
): RenderedMail {
	const { lang, origin } = base;
	const o = { locale: lang };
	const items = base.changes.map((c) => ({
		title: `${c.ref}: ${c.title}`,
		url: absoluteUrl(origin, lang, commitmentPath(c.ref)),
		lines: [formatDateTime(c.at, lang), ...changeLines(c, lang)]
	}));
	return renderMail(
		{
			subject: m.alerts_digest_subject({ date: formatDate(base.today, lang) }, o),
			intro: [m.alerts_digest_intro({ since: formatDateTime(base.since, lang) }, o)],
			sections: [
				{
					heading: m.alerts_section_changes({}, o),
					items,
					total: base.total,
					moreUrl: absoluteUrl(origin, lang, '/watchlist')
				}
			],
			footer: footerLines(base),
			more: more(lang)
		},
		lang
	);
}

/** One change to a followed commitment, sent at once. */
export function composeChange(
	base: Base & { commitment: { ref: string; title: string }; change: ChangeItem }
): RenderedMail {
	const { lang, origin, commitment } = base;
	const o = { locale: lang };
	return renderMail(
		{
			subject: m.alerts_change_subject({ ref: commitment.ref }, o),
			intro: [m.alerts_change_intro({}, o)],
			sections: [
				{
					heading: m.alerts_section_changes({}, o),
					items: [
						{
							title: `${commitment.ref}: ${commitment.title}`,
							url: absoluteUrl(origin, lang, commitmentPath(commitment.ref)),
							lines: changeLines(base.change, lang)
						}
					],
					moreUrl: absoluteUrl(origin, lang, commitmentPath(commitment.ref))
				}
			],
			footer: footerLines(base),
			more: more(lang)
		},
		lang
	);
}

/** To an MP of the committee, a few days before an announced sitting: the briefing pack. */
export function composeSittingNote(
	base: Base & {
		sitting: { satOn: string; subject: string; committeeName: string; committeeSlug: string };
		overdue: number;
		dueSoon: number;
		dueSoonDays: number;
	}
): RenderedMail {
	const { lang, origin, sitting } = base;
	const o = { locale: lang };
	const names = { committee: sitting.committeeName, date: formatDate(sitting.satOn, lang) };
	const packUrl = absoluteUrl(
		origin,
		lang,
		`/briefing?committee=${encodeURIComponent(sitting.committeeSlug)}`
	);
	return renderMail(
		{
			subject: m.alerts_sitting_subject(names, o),
			intro: [
				m.alerts_sitting_intro(names, o),
				m.alerts_sitting_agenda({ subject: sitting.subject }, o)
			],
			sections: [
				{
					heading: m.alerts_section_sitting({}, o),
					items: [
						{
							title: m.alerts_sitting_pack({ committee: sitting.committeeName }, o),
							url: packUrl,
							lines: [
								m.alerts_sitting_overdue({ count: String(base.overdue) }, o),
								m.alerts_sitting_due_soon(
									{ days: String(base.dueSoonDays), count: String(base.dueSoon) },
									o
								)
							]
						}
					],
					moreUrl: packUrl
				}
			],
			footer: footerLines(base),
			more: more(lang)
		},
		lang
	);
}

/** The double opt-in message: a link to confirm a new subscription. */
export function composeConfirmation({
	lang,
	name,
	confirmUrl
}: {
	lang: MailLanguage;
	name: string;
	confirmUrl: string;
}): RenderedMail {
	const o = { locale: lang };
	return renderMail(
		{
			subject: m.alerts_confirm_subject({ name }, o),
			intro: [m.alerts_confirm_intro({ name }, o)],
			sections: [
				{
					heading: m.alerts_confirm_title({}, o),
					items: [{ title: name, url: confirmUrl, lines: [] }],
					moreUrl: confirmUrl
				}
			],
			footer: [{ text: m.alerts_confirm_ignore({}, o) }],
			more: more(lang)
		},
		lang
	);
}

const SUBMISSION_KINDS = {
	report: m.mr_kind_report,
	extension: m.mr_kind_extension,
	drop: m.mr_kind_drop
};

/** To a committee's clerks, at once: a ministry has sent a submission. */
export function composeSubmission(
	base: Base & {
		submission: {
			id: number;
			kind: 'report' | 'extension' | 'drop';
			commitmentRef: string;
			commitmentTitle: string;
			organisationName: string;
		};
	}
): RenderedMail {
	const { lang, origin, submission: s } = base;
	const o = { locale: lang };
	const url = absoluteUrl(origin, lang, `/workspace/submissions/${s.id}`);
	return renderMail(
		{
			subject: m.alerts_submission_subject(
				{ organisation: s.organisationName, ref: s.commitmentRef },
				o
			),
			intro: [m.alerts_submission_intro({}, o)],
			sections: [
				{
					heading: s.organisationName,
					items: [
						{
							title: `${s.commitmentRef}: ${s.commitmentTitle}`,
							url,
							lines: [m.alerts_submission_kind({ kind: SUBMISSION_KINDS[s.kind]({}, o) }, o)]
						}
					],
					moreUrl: url
				}
			],
			footer: footerLines(base),
			more: more(lang)
		},
		lang
	);
}
