// Frozen in time: this migration must never import application code. Indexes for the commitment
// explorer's filters and sorts and for the overdue test (a granted extension covering today).
import type { Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const INDEXES: ReadonlyArray<[name: string, table: string, columns: string[]]> = [
	['commitments_procedural_idx', 'commitments', ['visibility', 'procedural_status']],
	['commitments_funding_idx', 'commitments', ['visibility', 'funding_status']],
	['commitments_title_idx', 'commitments', ['visibility', 'title']],
	['commitments_updated_idx', 'commitments', ['visibility', 'updated_at']],
	[
		'commitment_requests_granted_idx',
		'commitment_requests',
		['commitment_id', 'kind', 'decision', 'granted_until']
	]
];

export async function up(db: Db): Promise<void> {
	for (const [name, table, columns] of INDEXES) {
		await db.schema.createIndex(name).on(table).columns(columns).execute();
	}
}

export async function down(db: Db): Promise<void> {
	for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
