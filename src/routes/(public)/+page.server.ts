import { todayInNairobi } from '$lib/domain';
import { db } from '$lib/server/db/client';
import { loadDashboard } from '$lib/server/services/dashboard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => loadDashboard(db, todayInNairobi());
