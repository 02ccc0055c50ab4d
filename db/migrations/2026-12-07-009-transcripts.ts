// Frozen in time: this migration must never import application code. A sitting's transcript as
// uploaded (the bytes themselves, so a quote can be checked against its source later) and the
// sentences Ahadi proposed from it as undertakings, each with the clerk's decision. The decisions
// are what Ahadi's precision and recall are measured from.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DECISIONS = ['pending', 'accepted', 'edited', 'merged', 'rejected'];
const KINDS = ['pdf', 'text', 'html'];

const inList = (column: string, values: string[]) =>
	sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

function isPostgres(db: Db) {
	return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

/** An auto-numbered integer primary key in either dialect. */
function autoId(db: Db, c: ColumnDefinitionBuilder) {
	return isPostgres(db)
		? c.primaryKey().generatedByDefaultAsIdentity()
		: c.primaryKey().autoIncrement();
}

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('transcripts')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
		// Set once the clerk has created the sitting from the transcript.
		.addColumn('sitting_id', 'integer', (c) => c.references('sittings.id'))
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', KINDS)))
		.addColumn('byte_size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', isPostgres(db) ? sql`bytea` : 'blob', (c) => c.notNull())
		.addColumn('pages', 'integer', (c) => c.notNull())
		.addColumn('speeches', 'integer', (c) => c.notNull())
		// What was found about the sitting (committee, date, subject, who appeared), as JSON.
		.addColumn('sitting_json', 'text', (c) => c.notNull())
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('transcripts_sitting_idx')
		.on('transcripts')
		.column('sitting_id')
		.execute();
	await db.schema
		.createIndex('transcripts_committee_idx')
		.on('transcripts')
		.columns(['committee_id', 'created_at'])
		.execute();

	await db.schema
		.createTable('transcript_candidates')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('transcript_id', 'integer', (c) =>
			c.notNull().references('transcripts.id').onDelete('cascade')
		)
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('quote', 'text', (c) => c.notNull())
		.addColumn('context', 'text', (c) => c.notNull())
		.addColumn('speaker_name', 'text')
		.addColumn('speaker_title', 'text')
		.addColumn('speaker_role', 'text', (c) => c.notNull())
		.addColumn('page', 'integer', (c) => c.notNull())
		.addColumn('line', 'integer', (c) => c.notNull())
		.addColumn('score', 'real', (c) => c.notNull())
		.addColumn('signals', 'text', (c) => c.notNull())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('type', 'text', (c) => c.notNull())
		.addColumn('due_on', 'text')
		.addColumn('due_reason', 'text')
		.addColumn('decision', 'text', (c) =>
			c.notNull().defaultTo('pending').check(inList('decision', DECISIONS))
		)
		.addColumn('reason', 'text')
		// The draft an accepted (or edited) candidate became; a merged one points at its partner's.
		.addColumn('commitment_id', 'integer', (c) => c.references('commitments.id'))
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decided_at', 'text')
		.addUniqueConstraint('transcript_candidates_position_key', ['transcript_id', 'position'])
		.execute();
	await db.schema
		.createIndex('transcript_candidates_commitment_idx')
		.on('transcript_candidates')
		.column('commitment_id')
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('transcript_candidates').execute();
	await db.schema.dropTable('transcripts').execute();
}
