import { cachedJson } from '$lib/server/http';
import { fiscalDataPackage } from '$lib/server/open-data/fiscal-data-package';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url, request }) =>
	cachedJson(request, fiscalDataPackage(url.origin));
