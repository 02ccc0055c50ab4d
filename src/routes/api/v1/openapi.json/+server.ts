import { cachedJson } from '$lib/server/open-data/http';
import { openApiDocument } from '$lib/server/open-data/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) =>
	cachedJson(request, openApiDocument(url.origin));
