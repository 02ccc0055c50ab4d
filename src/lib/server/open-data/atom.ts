// Atom 1.0 (RFC 4287) documents, written as text: a feed is small and flat enough that a builder
// library would add more than it saves.

export interface AtomEntry {
	id: string;
	title: string;
	/** RFC 3339 date-time. */
	updated: string;
	link: string;
	summary: string;
	/** HTML, escaped into the document as `type="html"` content. */
	contentHtml: string;
	categories: { term: string; label: string }[];
	authorName: string;
}

export interface AtomFeed {
	id: string;
	title: string;
	subtitle: string;
	selfUrl: string;
	alternateUrl: string;
	rights: string;
	entries: AtomEntry[];
}

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** An empty feed still needs an <updated>; a fixed date keeps its ETag stable. */
const NEVER = '1970-01-01T00:00:00Z';

// Characters XML 1.0 forbids, even escaped; they could only come from pasted text.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
	return text
		.replace(FORBIDDEN, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** Escaping for HTML put inside an entry's content (then escaped again as XML). */
export const escapeHtml = escapeXml;

function entryXml(e: AtomEntry): string {
	const categories = e.categories
		.map((c) => `\n    <category term="${escapeXml(c.term)}" label="${escapeXml(c.label)}"/>`)
		.join('');
	return `  <entry>
    <id>${escapeXml(e.id)}</id>
    <title type="text">${escapeXml(e.title)}</title>
    <updated>${escapeXml(e.updated)}</updated>
    <link rel="alternate" type="text/html" href="${escapeXml(e.link)}"/>
    <author><name>${escapeXml(e.authorName)}</name></author>${categories}
    <summary type="text">${escapeXml(e.summary)}</summary>
    <content type="html">${escapeXml(e.contentHtml)}</content>
  </entry>`;
}

export function renderAtom(feed: AtomFeed): string {
	const updated = feed.entries.reduce(
		(latest, e) => (e.updated > latest ? e.updated : latest),
		NEVER
	);
	return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <id>${escapeXml(feed.id)}</id>
  <title type="text">${escapeXml(feed.title)}</title>
  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>
  <updated>${updated}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternateUrl)}"/>
  <author><name>Ahadi</name></author>
  <rights type="text">${escapeXml(feed.rights)}</rights>
${feed.entries.map(entryXml).join('\n')}
</feed>
`;
}
