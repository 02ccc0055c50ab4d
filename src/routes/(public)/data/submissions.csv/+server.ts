import { CSV_CONTENT_TYPE, csvHeaders, toCsv } from '$lib/server/open-data/csv';
import { db } from '$lib/server/db/client';
import { cachedText } from '$lib/server/open-data/http';
import { submissionColumns } from '$lib/server/open-data/downloads';
import { listSentSubmissions } from '$lib/server/queries/ministry';
import type { RequestHandler } from './$types';

/** Every submission a ministry sent on a published commitment, with the decision (no drafts). */
export const GET: RequestHandler = async ({ url, request }) => {
	const submissions = await listSentSubmissions(db);
	const body = toCsv(submissionColumns(url.origin), submissions);
	return cachedText(request, body, CSV_CONTENT_TYPE, csvHeaders('ahadi-ministry-submissions.csv'));
};
