// Frozen in time: this migration must never import application code. A ministry's documents are
// stored in chunks of at most 256 KiB (submission_document_chunks) rather than one value per
// document, so that neither storing nor serving a document ever holds all of it in memory: an
// upload is copied in from its temporary file chunk by chunk, and a download streams them out.
// The content of documents stored so far becomes each one's single chunk.
import { type Kysely, sql } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function isPostgres(db: Db) {
	return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('submission_document_chunks')
		.addColumn('document_id', 'integer', (c) =>
			c.notNull().references('submission_documents.id').onDelete('cascade')
		)
		.addColumn('seq', 'integer', (c) => c.notNull())
		.addColumn('bytes', isPostgres(db) ? sql`bytea` : 'blob', (c) => c.notNull())
		.addPrimaryKeyConstraint('submission_document_chunks_pk', ['document_id', 'seq'])
		.execute();
	await sql`insert into submission_document_chunks (document_id, seq, bytes)
		select id, 0, content from submission_documents`.execute(db);
	await db.schema.alterTable('submission_documents').dropColumn('content').execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema
		.alterTable('submission_documents')
		.addColumn('content', isPostgres(db) ? sql`bytea` : 'blob')
		.execute();
	// Chunks are joined back in order; documents of one chunk (all those made before 012) exactly.
	if (isPostgres(db)) {
		await sql`update submission_documents d set content = (
			select string_agg(k.bytes, ''::bytea order by k.seq) from submission_document_chunks k
			where k.document_id = d.id)`.execute(db);
	} else {
		await sql`update submission_documents set content = (
			select group_concat(bytes, x'') from (select bytes from submission_document_chunks k
			where k.document_id = submission_documents.id order by k.seq))`.execute(db);
	}
	await db.schema.dropTable('submission_document_chunks').execute();
}
