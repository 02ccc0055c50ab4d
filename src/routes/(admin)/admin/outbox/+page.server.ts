import { z } from 'zod';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { validateInput } from '$lib/server/forms/validation';
import { countOutboxByStatus, listOutboxMessages } from '$lib/server/queries/outbox';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

const filterSchema = z.object({
	status: z.enum(['pending', 'sending', 'sent', 'failed']).optional(),
	page: z.coerce.number().int().positive().max(100_000).default(1)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const parsed = validateInput(Object.fromEntries(url.searchParams), filterSchema);
	const filters = parsed.ok ? parsed.data : { status: undefined, page: 1 };
	const messages = await listOutboxMessages(db, {
		status: filters.status ?? null,
		limit: PAGE_SIZE + 1,
		offset: (filters.page - 1) * PAGE_SIZE
	});
	return {
		messages: messages.slice(0, PAGE_SIZE),
		hasMore: messages.length > PAGE_SIZE,
		page: filters.page,
		status: filters.status ?? null,
		counts: await countOutboxByStatus(db),
		smtpConfigured: Boolean(process.env.SMTP_URL)
	};
};
