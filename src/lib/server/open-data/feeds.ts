// Atom feeds of the public change log: what changed, why, and the evidence cited.
import {
	deliveryStatusLabel,
	evidenceTypeLabel,
	formatDate,
	proceduralStatusLabel
} from '$lib/domain';
import { escapeHtml, renderAtom, type AtomEntry } from './atom';
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

export function updatesFeed(
	url: URL,
	opts: { title: string; subtitle: string; alternatePath: string; updates: PublishedUpdate[] }
): string {
	return renderAtom({
		id: `tag:${url.hostname},2026:ahadi:feed:${url.pathname}`,
		title: opts.title,
		subtitle: opts.subtitle,
		selfUrl: url.origin + url.pathname,
		alternateUrl: url.origin + opts.alternatePath,
		rights: FEED_RIGHTS,
		entries: opts.updates.map((u) => entryOf(u, url.origin, url.hostname))
	});
}
