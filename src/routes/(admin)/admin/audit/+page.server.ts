import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { addDays } from '$lib/domain/dates';
import { requireRole } from '$lib/server/auth/access';
import { db } from '$lib/server/db/client';
import { listAuditEntities, listAuditEntries, type AuditFilters } from '$lib/server/queries/audit';
import { listUserOptions } from '$lib/server/queries/users';
import { validateInput } from '$lib/server/forms/validation';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 50;

const AUDIT_KINDS = ['changes', 'sessions', 'all'] as const;

const filterSchema = z.object({
	kind: z.enum(AUDIT_KINDS).default('changes'),
	user: z.coerce.number().int().positive().optional(),
	entity: z.string().max(100).optional(),
	from: z.iso.date().optional(),
	to: z.iso.date().optional(),
	page: z.coerce.number().int().positive().max(1_000_000).default(1)
});
const labels = {
	kind: m.au_kind,
	user: m.au_user,
	entity: m.au_entity,
	from: m.au_from,
	to: m.au_to,
	page: m.au_page
};

/** The start of a Nairobi calendar day (UTC+3 all year) as a UTC instant. */
const nairobiDayStart = (isoDate: string) => new Date(`${isoDate}T00:00:00+03:00`).toISOString();

function prettyJson(text: string | null): string | null {
	if (text === null) return null;
	try {
		return JSON.stringify(JSON.parse(text), null, 2);
	} catch {
		return text; // shown as stored
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals.user, 'admin');
	const raw = Object.fromEntries(
		['kind', 'user', 'entity', 'from', 'to', 'page'].map((k) => [
			k,
			url.searchParams.get(k) || undefined
		])
	);
	const [users, entities] = await Promise.all([listUserOptions(db), listAuditEntities(db)]);
	const parsed = validateInput(raw, filterSchema, { labels });
	const errors: Record<string, string> = parsed.ok ? {} : parsed.errors;
	if (parsed.ok && parsed.data.from && parsed.data.to && parsed.data.to < parsed.data.from) {
		errors.to = m.au_v_to();
	}
	const base = { users, entities, values: parsed.values, errors, pageSize: PAGE_SIZE };
	if (!parsed.ok || Object.keys(errors).length > 0) {
		return { ...base, rows: [], total: 0, page: 1, pages: 1 };
	}

	const { kind, user, entity, from, to, page } = parsed.data;
	const filters: AuditFilters = {
		kind: kind === 'all' ? undefined : kind,
		userId: user,
		entity,
		fromAt: from ? nairobiDayStart(from) : undefined,
		beforeAt: to ? nairobiDayStart(addDays(to, 1)) : undefined
	};
	const result = await listAuditEntries(db, filters, { page, pageSize: PAGE_SIZE });
	return {
		...base,
		rows: result.rows.map((r) => ({
			...r,
			before: prettyJson(r.before),
			after: prettyJson(r.after)
		})),
		total: result.total,
		page,
		pages: Math.max(1, Math.ceil(result.total / PAGE_SIZE))
	};
};
