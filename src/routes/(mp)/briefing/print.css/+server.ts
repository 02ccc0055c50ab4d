// The running head and foot of the printed pack: the committee, the window and the date printed
// at the top of every page, the page number at the foot (@page margin boxes, Chromium 131+). A
// stylesheet of its own because the CSP allows no inline style, and a margin box can only show
// text written in CSS.
import { todayInNairobi } from '$lib/domain';
import { parseBriefingParams } from '$lib/domain/briefing';
import { formatDate } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listBriefingCommittees } from '$lib/server/queries/briefing';
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** A CSS string: every character but plain letters, digits and spaces escaped, so nothing breaks out. */
function cssString(text: string): string {
	const escaped = [...text]
		.map((ch) => (/^[A-Za-z0-9 ]$/.test(ch) ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
		.join('');
	return `"${escaped}"`;
}

/** "Page {page} of {pages}" as CSS content: the words as strings, the numbers as counters. */
function pageContent(template: string): string {
	return template
		.split(/(\{pages?\})/)
		.filter((part) => part !== '')
		.map((part) =>
			part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part)
		)
		.join(' ');
}

export const GET: RequestHandler = async ({ url, locals }) => {
	requireRole(locals.user, 'mp', 'admin');
	const today = todayInNairobi();
	const params = parseBriefingParams(url.searchParams, today);
	if (!params.committee || !params.since) error(404);
	const committee = (await listBriefingCommittees(db, today)).find(
		(k) => k.slug === params.committee
	);
	if (!committee) error(404);
	const head = m.briefing_running_head({
		committee: `${committee.name} (${committee.abbreviation})`,
		since: formatDate(params.since),
		date: formatDate(today)
	});
	const font = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #333;';
	const css = `@page {
	@top-left { content: ${cssString(head)}; ${font} vertical-align: bottom; }
	@bottom-right { content: ${pageContent(m.briefing_page_of({ page: '{page}', pages: '{pages}' }))}; ${font} }
}
`;
	return new Response(css, {
		headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'private, no-store' }
	});
};
