import type { Database } from '../../src/lib/server/db/index';

// A fresh migrated database of the dialect under test (SQLite in memory, or PostgreSQL).
export { freshDb } from './test-db';

/** The minimum rows a commitment needs: organisation, office, committee, sitting. */
export async function insertBasics(db: Database) {
	const org = await db
		.insertInto('organisations')
		.values({ slug: 'ministry', name: 'Ministry', kind: 'ministry' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const office = await db
		.insertInto('offices')
		.values({ slug: 'cs', title: 'Cabinet Secretary', organisation_id: org.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	const committee = await db
		.insertInto('committees')
		.values({ slug: 'k', name: 'Committee', abbreviation: 'K', house: 'national_assembly' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const sitting = await db
		.insertInto('sittings')
		.values({
			committee_id: committee.id,
			sat_on: '2025-04-10',
			subject: 'Estimates',
			source_title: 'Hansard'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return { orgId: org.id, officeId: office.id, committeeId: committee.id, sittingId: sitting.id };
}

/** A second responsible organisation with its office, for tests that group or filter by it. */
export async function insertTreasury(db: Database) {
	const org = await db
		.insertInto('organisations')
		.values({ slug: 'treasury', name: 'National Treasury', kind: 'treasury' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const office = await db
		.insertInto('offices')
		.values({ slug: 'ps', title: 'Principal Secretary', organisation_id: org.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { orgId: org.id, officeId: office.id };
}

export function commitmentValues(
	basics: Awaited<ReturnType<typeof insertBasics>>,
	overrides: Record<string, unknown> = {}
) {
	return {
		ref: 'K/2025/001',
		committee_id: basics.committeeId,
		sitting_id: basics.sittingId,
		title: 'Create a unit',
		summary: 'A unit',
		quote: 'We will create a unit',
		quote_source_title: 'Hansard',
		organisation_id: basics.orgId,
		office_id: basics.officeId,
		type: 'institution' as const,
		given_on: '2025-04-10',
		...overrides
	};
}
