// One layout for every mail Ahadi sends, as plain text and as HTML: an introduction, sections of
// items (each a title with its link and a few lines), "and N more" with a link when a section is
// longer than MAX_ITEMS, and a footer. Recorded content (titles, notes) is escaped in the HTML.
import { createHash } from 'node:crypto';

/** Items listed in one message before "and N more". */
export const MAX_ITEMS = 10;

export interface MailItem {
	title: string;
	url: string;
	lines: string[];
}

export interface MailSection {
	heading: string;
	items: MailItem[];
	/** Where the whole list is, for "and N more". */
	moreUrl: string;
	/** How many there are in all, when `items` holds only the first few. */
	total?: number;
}

export interface MailContent {
	subject: string;
	intro: string[];
	sections: MailSection[];
	/** Footer paragraphs, each optionally with a link after it. */
	footer: { text: string; url?: string }[];
	/** "and {count} more" in the message's language. */
	more: (count: number) => string;
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

export function escapeHtml(s: string): string {
	return s
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** Caps a whole message at `MAX_ITEMS` items, counting the rest of each section. */
function capped(sections: MailSection[]): { section: MailSection; hidden: number }[] {
	let room = MAX_ITEMS;
	return sections.map((section) => {
		const shown = section.items.slice(0, Math.max(0, room));
		room -= shown.length;
		return {
			section: { ...section, items: shown },
			hidden: (section.total ?? section.items.length) - shown.length
		};
	});
}

export function renderMail(content: MailContent, lang: 'en' | 'sw'): RenderedMail {
	const parts = capped(content.sections.filter((s) => s.items.length > 0));
	const text: string[] = [...content.intro, ''];
	const html: string[] = [
		`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(content.subject)}</title></head>`,
		'<body style="font-family:sans-serif;line-height:1.4;max-width:40rem">',
		...content.intro.map((p) => `<p>${escapeHtml(p)}</p>`)
	];
	for (const { section, hidden } of parts) {
		text.push(section.heading, '-'.repeat(section.heading.length));
		html.push(`<h2 style="font-size:1.1em">${escapeHtml(section.heading)}</h2><ul>`);
		for (const item of section.items) {
			text.push(`* ${item.title}`, ...item.lines.map((l) => `  ${l}`), `  ${item.url}`, '');
			html.push(
				`<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>` +
					item.lines.map((l) => `<br>${escapeHtml(l)}`).join('') +
					'</li>'
			);
		}
		html.push('</ul>');
		if (hidden > 0) {
			text.push(`${content.more(hidden)}: ${section.moreUrl}`, '');
			html.push(
				`<p><a href="${escapeHtml(section.moreUrl)}">${escapeHtml(content.more(hidden))}</a></p>`
			);
		}
	}
	text.push('-- ');
	html.push('<hr>');
	for (const f of content.footer) {
		text.push(f.url ? `${f.text} ${f.url}` : f.text);
		html.push(
			`<p style="font-size:0.9em">${escapeHtml(f.text)}${f.url ? ` <a href="${escapeHtml(f.url)}">${escapeHtml(f.url)}</a>` : ''}</p>`
		);
	}
	html.push('</body></html>');
	return { subject: content.subject, text: text.join('\n') + '\n', html: html.join('\n') };
}

/** The headers every message carries, and the unsubscribe ones where a subscription exists. */
export function mailHeaders({
	dedupeKey,
	origin,
	lang,
	automatic,
	unsubscribeUrl
}: {
	dedupeKey: string;
	origin: string;
	lang: 'en' | 'sw';
	automatic: boolean;
	unsubscribeUrl?: string;
}): Record<string, string> {
	// Stable: the same event for the same recipient always has the same Message-ID, so a copy
	// sent again after a crash is recognised as the same message.
	const id = createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32);
	const host = new URL(origin).hostname || 'ahadi.invalid';
	const headers: Record<string, string> = {
		'Message-ID': `<${id}@${host}>`,
		'Content-Language': lang
	};
	if (automatic) headers['Auto-Submitted'] = 'auto-generated';
	if (unsubscribeUrl) {
		headers['List-Unsubscribe'] = `<${unsubscribeUrl}>`;
		headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
	}
	return headers;
}

/** ORIGIN without a trailing slash (http://localhost:3000 when unset). */
export function originFromEnv(env = process.env): string {
	return (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, '');
}

/** An absolute link to `path` in `lang` (Kiswahili pages live under /sw). */
export function absoluteUrl(origin: string, lang: 'en' | 'sw', path: string): string {
	return `${origin}${lang === 'sw' ? (path === '/' ? '/sw' : `/sw${path}`) : path}`;
}
