// Frozen in time: this migration must never import application code. The ministry's right of
// reply: a `ministry` role attached to organisations, one-time invitation links, and the
// submissions a ministry sends (implementation reports, requests for more time or to drop an
// undertaking) with their documents and the committee's decision on each.
import { sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const OLD_ROLES = "role in ('mp', 'clerk', 'admin')";
const NEW_ROLES = "role in ('mp', 'clerk', 'admin', 'ministry')";
const KINDS = ['report', 'extension', 'drop'];
const STATES = ['draft', 'sent', 'decided'];
const DECISIONS = ['received', 'returned', 'granted', 'refused'];
const CHANNELS = ['ahadi', 'paper', 'email'];
const DELIVERY = [
	'not_started',
	'on_track',
	'with_challenges',
	'off_track',
	'completed',
	'completed_modified',
	'not_pursued',
	'cannot_assess'
];

const inList = (column: string, values: string[]) =>
	sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
const ISO_DATE = (column: string) =>
	sql.raw(`${column} is null or (length(${column}) = 10 and ${column} like '____-__-__')`);

function isPostgres(db: Db) {
	return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

function autoId(db: Db, c: ColumnDefinitionBuilder) {
	return isPostgres(db)
		? c.primaryKey().generatedByDefaultAsIdentity()
		: c.primaryKey().autoIncrement();
}

/**
 * Lets `users.role` hold 'ministry'. PostgreSQL swaps the check; SQLite cannot alter a check,
 * so the table is rebuilt from its own stored definition (SQLite's documented procedure:
 * foreign keys off, new table, copy, drop, rename, indexes back, foreign_key_check).
 */
async function allowMinistryRole(db: Db) {
	if (isPostgres(db)) {
		await sql`alter table users drop constraint users_role_check`.execute(db);
		await sql
			.raw(`alter table users add constraint users_role_check check (${NEW_ROLES})`)
			.execute(db);
		return;
	}
	const table = await sql<{ sql: string }>`
		select sql from sqlite_master where type = 'table' and name = 'users'`.execute(db);
	const definition = table.rows[0]!.sql;
	if (!definition.includes(OLD_ROLES)) throw new Error('users.role check not as expected');
	const indexes = await sql<{ sql: string }>`
		select sql from sqlite_master
		where type = 'index' and tbl_name = 'users' and sql is not null`.execute(db);
	await sql`pragma foreign_keys = off`.execute(db);
	try {
		await db.transaction().execute(async (trx) => {
			const create = definition
				.replace(OLD_ROLES, NEW_ROLES)
				.replace(/^CREATE TABLE\s+("?)users\1/i, 'create table "users_new"');
			await sql.raw(create).execute(trx);
			await sql`insert into users_new select * from users`.execute(trx);
			await sql`drop table users`.execute(trx);
			await sql`alter table users_new rename to users`.execute(trx);
			for (const index of indexes.rows) await sql.raw(index.sql).execute(trx);
			const broken = await sql`pragma foreign_key_check`.execute(trx);
			if (broken.rows.length > 0) throw new Error('foreign keys broken by the users rebuild');
		});
	} finally {
		await sql`pragma foreign_keys = on`.execute(db);
	}
}

export async function up(db: Db): Promise<void> {
	await allowMinistryRole(db);

	// A ministry user answers for these organisations (State Departments, agencies).
	await db.schema
		.createTable('user_organisations')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addPrimaryKeyConstraint('user_organisations_pk', ['user_id', 'organisation_id'])
		.execute();

	// A one-time link to set one's password; only the SHA-256 of its token is kept.
	await db.schema
		.createTable('user_invitations')
		.addColumn('token_hash', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'text', (c) => c.notNull())
		.addColumn('used_at', 'text')
		.execute();
	await db.schema
		.createIndex('user_invitations_user_idx')
		.on('user_invitations')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('ministry_submissions')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', KINDS)))
		.addColumn('state', 'text', (c) =>
			c.notNull().defaultTo('draft').check(inList('state', STATES))
		)
		// The report's text, or the reasons for the request.
		.addColumn('body', 'text', (c) => c.notNull())
		// A report: the delivery status the ministry claims.
		.addColumn('claimed_status', 'text', (c) =>
			c.check(sql`claimed_status is null or ${inList('claimed_status', DELIVERY)}`)
		)
		// A request for more time: the date asked for, and who approved asking and when.
		.addColumn('requested_until', 'text', (c) => c.check(ISO_DATE('requested_until')))
		.addColumn('approved_by', 'text')
		.addColumn('approved_on', 'text', (c) => c.check(ISO_DATE('approved_on')))
		// How it reached the committee: through Ahadi, or on paper or by e-mail (recorded by
		// a clerk on the ministry's behalf).
		.addColumn('channel', 'text', (c) =>
			c.notNull().defaultTo('ahadi').check(inList('channel', CHANNELS))
		)
		.addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.addColumn('sent_on', 'text', (c) => c.check(ISO_DATE('sent_on')))
		.addColumn('sent_at', 'text')
		.addColumn('sent_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decision', 'text', (c) =>
			c.check(sql`decision is null or ${inList('decision', DECISIONS)}`)
		)
		.addColumn('decided_on', 'text', (c) => c.check(ISO_DATE('decided_on')))
		.addColumn('decided_by', 'integer', (c) => c.references('users.id'))
		.addColumn('decision_note', 'text')
		// A granted extension may be shorter than asked.
		.addColumn('granted_until', 'text', (c) => c.check(ISO_DATE('granted_until')))
		// The evidence a received report became.
		.addColumn('evidence_id', 'integer', (c) => c.references('evidence.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.execute();
	await db.schema
		.createIndex('ministry_submissions_commitment_idx')
		.on('ministry_submissions')
		.columns(['commitment_id', 'state'])
		.execute();
	await db.schema
		.createIndex('ministry_submissions_state_idx')
		.on('ministry_submissions')
		.columns(['state', 'sent_at'])
		.execute();

	await db.schema
		.createTable('submission_documents')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('submission_id', 'integer', (c) =>
			c.notNull().references('ministry_submissions.id').onDelete('cascade')
		)
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('media_type', 'text', (c) => c.notNull())
		.addColumn('byte_size', 'integer', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		.addColumn('content', isPostgres(db) ? sql`bytea` : 'blob', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('submission_documents_submission_idx')
		.on('submission_documents')
		.column('submission_id')
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('submission_documents').execute();
	await db.schema.dropTable('ministry_submissions').execute();
	await db.schema.dropTable('user_invitations').execute();
	await db.schema.dropTable('user_organisations').execute();
}
