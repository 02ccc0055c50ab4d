import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { loadDashboard } from '$lib/server/services/dashboard';
import type { PageServerLoad } from './$types';

// `?year=2025/26` chooses the money chain's fiscal year; one without figures falls back to the
// default (the current year, or the latest before it with figures).
export const load: PageServerLoad = async ({ url }) =>
	loadDashboard(db, todayInNairobi(), url.searchParams.get('year'));
