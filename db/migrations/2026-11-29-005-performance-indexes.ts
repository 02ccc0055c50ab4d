// Frozen in time: this migration must never import application code. Covering indexes for the
// aggregates and lists that read every published commitment (dashboard, explorer choices, API
// counts, briefing pack), so that they read an index instead of the table, plus the lookups by
// budget line, tag and commitment that the budget page, explorer and briefing pack make. Plain
// composite indexes: SQLite and PostgreSQL both accept them, and a partial index on
// `visibility = 'published'` would not be used by SQLite for a bound parameter.
import type { Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const INDEXES: ReadonlyArray<[name: string, table: string, columns: string[]]> = [
	// Counts per committee / organisation (with the overdue test), explorer filters.
	[
		'commitments_pub_committee_idx',
		'commitments',
		['visibility', 'committee_id', 'delivery_status', 'due_on']
	],
	[
		'commitments_pub_org_idx',
		'commitments',
		['visibility', 'organisation_id', 'delivery_status', 'due_on']
	],
	// The overdue count and the "most overdue first" list: a range on due_on, status read from
	// the index.
	['commitments_overdue_idx', 'commitments', ['visibility', 'due_on', 'delivery_status']],
	// Progress buckets and the milestone facts of a page: read from the index alone.
	['milestones_progress_idx', 'milestones', ['commitment_id', 'status', 'weight']],
	// Commitments funded by a page of budget lines; shares per line for the dashboard.
	[
		'funding_links_line_commitment_idx',
		'funding_links',
		['budget_line_id', 'commitment_id', 'share_kind', 'share_basis_points', 'share_amount_kes']
	],
	// Tags in use: one probe per tag.
	['commitment_tags_tag_commitment_idx', 'commitment_tags', ['tag_id', 'commitment_id']],
	// Due-date changes and updates of one committee since a date (briefing pack).
	['due_date_changes_changed_idx', 'due_date_changes', ['commitment_id', 'changed_on']]
];

export async function up(db: Db): Promise<void> {
	for (const [name, table, columns] of INDEXES) {
		await db.schema.createIndex(name).on(table).columns(columns).execute();
	}
}

export async function down(db: Db): Promise<void> {
	for (const [name] of [...INDEXES].reverse()) await db.schema.dropIndex(name).execute();
}
