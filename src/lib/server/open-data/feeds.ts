// Atom feeds of the public change log: what changed, why, and the evidence cited.
import {
	deliveryStatusLabel,
	evidenceTypeLabel,
	formatDate,
	proceduralStatusLabel,
	todayInNairobi
} from '$lib/domain';
import { escapeHtml, renderAtom, type AtomEntry } from './atom';
import type { Submission } from '$lib/domain';
import { kindName } from '$lib/i18n/submission-words';
import type { PublicationRow } from '../queries/public-commitments';
import type { PublishedUpdate } from '../queries/updates';
import { evidenceUrl, links } from './serialize';

/** Entries per feed: enough for any reader polling daily. */
export const FEED_LIMIT = 50;

export const FEED_RIGHTS =
	'Data: Creative Commons Attribution 4.0 (CC BY 4.0), credit "Ahadi". Quoted sources belong to their publishers.';

function changes(u: PublishedUpdate): string[] {
	const out: string[] = [];
	if (u.deliveryTo) {
		const from = u.deliveryFrom ? `${deliveryStatusLabel[u.deliveryFrom].toLowerCase()} → ` : '';
		out.push(`delivery ${from}${deliveryStatusLabel[u.deliveryTo].toLowerCase()}`);
	}
	if (u.proceduralTo) {
		const from = u.proceduralFrom
			? `${proceduralStatusLabel[u.proceduralFrom].toLowerCase()} → `
			: '';
		out.push(`committee process ${from}${proceduralStatusLabel[u.proceduralTo].toLowerCase()}`);
	}
	if (u.dueTo) {
		const from = u.dueFrom ? `${formatDate(u.dueFrom)} → ` : '';
		out.push(`due date ${from}${formatDate(u.dueTo)}`);
	}
	return out;
}

/** Only web links are rendered as links: a feed reader must never get a javascript: URL. */
function safeHref(url: string | null): string | null {
	return url && /^https?:\/\//i.test(url) ? url : null;
}

function entryOf(u: PublishedUpdate, origin: string, host: string): AtomEntry {
	const changed = changes(u);
	const evidence = u.evidence
		.map((e) => {
			const href = safeHref(evidenceUrl(e.url, origin));
			const title = escapeHtml(e.title);
			const label = href ? `<a href="${escapeHtml(href)}">${title}</a>` : title;
			const date = e.publishedOn ? `, ${escapeHtml(formatDate(e.publishedOn))}` : '';
			return `<li>${escapeHtml(evidenceTypeLabel[e.type])}: ${label}${date}</li>`;
		})
		.join('');
	const html = [
		`<p><strong>${escapeHtml(u.commitment.ref)}</strong>: ${escapeHtml(u.commitment.title)}</p>`,
		changed.length > 0 ? `<p>Changed: ${escapeHtml(changed.join('; '))}.</p>` : '',
		`<p>${escapeHtml(u.note)}</p>`,
		u.reason ? `<p>Reason: ${escapeHtml(u.reason)}</p>` : '',
		evidence ? `<p>Evidence:</p><ul>${evidence}</ul>` : ''
	].join('');
	return {
		// Update ids never change or get reused, so a reader never sees an entry twice.
		id: `tag:${host},2026:ahadi:update:${u.id}`,
		title: `${u.commitment.ref}: ${changed.length > 0 ? changed.join('; ') : 'update'}`,
		updated: `${u.updateOn}T00:00:00+03:00`,
		link: links.commitmentPage(origin, u.commitment.ref),
		summary: u.note,
		contentHtml: html,
		categories: [{ term: u.committee.slug, label: u.committee.name }],
		authorName: u.authorName
	};
}

/** A ministry's submission as sent (its decision, when made, is an update of its own). */
function submissionEntryOf(s: Submission, origin: string, host: string): AtomEntry {
	const sentOn = s.sentOn ?? s.sentAt?.slice(0, 10) ?? s.createdAt.slice(0, 10);
	const facts = [
		s.claimedStatus
			? `The ministry says: ${deliveryStatusLabel[s.claimedStatus].toLowerCase()}.`
			: '',
		s.requestedUntil ? `Asks for more time until ${formatDate(s.requestedUntil)}.` : '',
		s.approvedBy && s.approvedOn
			? `Approved by ${s.approvedBy} on ${formatDate(s.approvedOn)}.`
			: '',
		s.channel === 'ahadi' ? '' : `Received by ${s.channel === 'paper' ? 'post' : 'e-mail'}.`
	].filter(Boolean);
	const documents = s.documents
		.map((d) => {
			const href = `${origin}/submissions/${s.id}/documents/${d.id}`;
			return `<li><a href="${escapeHtml(href)}">${escapeHtml(d.fileName)}</a></li>`;
		})
		.join('');
	const html = [
		`<p><strong>${escapeHtml(s.commitmentRef)}</strong>: ${escapeHtml(s.commitmentTitle)}</p>`,
		`<p>${escapeHtml(kindName(s.kind))} from ${escapeHtml(s.organisation)}, sent on ${escapeHtml(formatDate(sentOn))}.</p>`,
		facts.length > 0 ? `<p>${escapeHtml(facts.join(' '))}</p>` : '',
		`<p>${escapeHtml(s.body)}</p>`,
		documents ? `<p>Documents:</p><ul>${documents}</ul>` : ''
	].join('');
	return {
		id: `tag:${host},2026:ahadi:submission:${s.id}`,
		title: `${s.commitmentRef}: ${kindName(s.kind).toLowerCase()} from the ministry`,
		// Dated by the day, as updates are: the same day's decision is listed first.
		updated: `${sentOn}T00:00:00+03:00`,
		link: `${links.commitmentPage(origin, s.commitmentRef)}#submission-${s.id}`,
		summary: s.body,
		contentHtml: html,
		categories: [{ term: s.committeeSlug, label: s.committee }],
		authorName: s.organisation
	};
}

/** An undertaking as it was made public: the first entry of its story. */
function publicationEntryOf(c: PublicationRow, origin: string, host: string): AtomEntry {
	const day = todayInNairobi(new Date(c.published_at!));
	const html = [
		`<p><strong>${escapeHtml(c.ref)}</strong>: ${escapeHtml(c.title)}</p>`,
		`<p>Given on ${escapeHtml(formatDate(c.given_on))} to the ${escapeHtml(c.committee_name)}.</p>`,
		`<blockquote><p>“${escapeHtml(c.quote)}”</p></blockquote>`,
		`<p>${escapeHtml(c.summary)}</p>`
	].join('');
	return {
		id: `tag:${host},2026:ahadi:commitment:${c.id}:published`,
		title: `${c.ref}: new undertaking: ${c.title}`,
		updated: `${day}T00:00:00+03:00`,
		link: links.commitmentPage(origin, c.ref),
		summary: c.summary,
		contentHtml: html,
		categories: [{ term: c.committee_slug, label: c.committee_name }],
		authorName: c.committee_name
	};
}

/**
 * A feed of the change log and, when given, the undertakings as they were made public and the
 * ministries' submissions as they were sent, newest first, at most FEED_LIMIT entries. Entries
 * of one day keep this order: updates, then submissions, then publications.
 */
export function updatesFeed(
	url: URL,
	opts: {
		title: string;
		subtitle: string;
		alternatePath: string;
		updates: PublishedUpdate[];
		submissions?: Submission[];
		publications?: PublicationRow[];
	}
): string {
	const entries = [
		...opts.updates.map((u) => entryOf(u, url.origin, url.hostname)),
		...(opts.submissions ?? []).map((s) => submissionEntryOf(s, url.origin, url.hostname)),
		...(opts.publications ?? []).map((c) => publicationEntryOf(c, url.origin, url.hostname))
	]
		.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated))
		.slice(0, FEED_LIMIT);
	return renderAtom({
		id: `tag:${url.hostname},2026:ahadi:feed:${url.pathname}`,
		title: opts.title,
		subtitle: opts.subtitle,
		selfUrl: url.origin + url.pathname,
		alternateUrl: url.origin + opts.alternatePath,
		rights: FEED_RIGHTS,
		entries
	});
}
