import { db } from '$lib/server/db/client';
import { cachedJson } from '$lib/server/open-data/http';
import { fiscalDataPackage } from '$lib/server/open-data/fiscal-data-package';
import { getBudgetFiscalYearSpan } from '$lib/server/queries/budget-lines';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, request }) =>
	cachedJson(request, fiscalDataPackage(url.origin, await getBudgetFiscalYearSpan(db)));
