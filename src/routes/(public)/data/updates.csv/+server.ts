import { readSlugs, type ParamError } from '$lib/domain/query-params';
import { CSV_CONTENT_TYPE, csvHeaders, toCsv } from '$lib/server/open-data/csv';
import { db } from '$lib/server/db/client';
import { badRequestFrom, cachedText } from '$lib/server/open-data/http';
import { updateColumns } from '$lib/server/open-data/downloads';
import { getCommitteeBySlug } from '$lib/server/queries/committees';
import { listPublishedUpdates } from '$lib/server/queries/updates';
import type { RequestHandler } from './$types';

/** The change log of every published commitment (or one committee's), newest first. */
export const GET: RequestHandler = async ({ url, request }) => {
	const errors: ParamError[] = [];
	const [slug, ...more] = readSlugs(url.searchParams, 'committee', errors);
	if (more.length > 0) errors.push({ param: 'committee', message: 'give one committee slug' });
	if (errors.length > 0) return badRequestFrom(errors);
	let committeeId: number | undefined;
	if (slug !== undefined) {
		// An unknown committee has no updates: an empty file, not an error.
		committeeId = (await getCommitteeBySlug(db, slug))?.id ?? -1;
	}
	const updates = await listPublishedUpdates(db, { committeeId });
	const body = toCsv(updateColumns(url.origin), updates);
	return cachedText(request, body, CSV_CONTENT_TYPE, csvHeaders('ahadi-updates.csv'));
};
