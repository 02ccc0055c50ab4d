// Frozen in time: this migration must never import application code. A commitment page lists
// its evidence with the update each piece backs (evidence left join update_evidence on
// evidence_id); update_evidence's key starts with update_id, so without this index every
// evidence row scanned the whole link table (7 ms a page at 100,000 commitments).
import type { Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
	await db.schema
		.createIndex('update_evidence_evidence_idx')
		.on('update_evidence')
		.columns(['evidence_id', 'update_id'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropIndex('update_evidence_evidence_idx').execute();
}
