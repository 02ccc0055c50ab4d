import { db } from '$lib/server/db/client';
import { cachedJson } from '$lib/server/open-data/http';
import { toOrganisation } from '$lib/server/open-data/serialize';
import { listOrganisationsWithCounts } from '$lib/server/queries/organisations';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) => {
	const organisations = await listOrganisationsWithCounts(db);
	return cachedJson(request, {
		data: organisations.map((o) => toOrganisation(o, url.origin)),
		total: organisations.length
	});
};
