// Frozen in time: this migration must never import application code. Reminders and alerts:
// - outbox_messages: every mail Ahadi sends, written in the transaction (or scheduled pass) that
//   decides it and delivered later by a sender that claims rows with a lease (claimed_until), so
//   two instances never send the same row at once; dedupe_key (one per event and recipient) makes
//   a re-run of a pass harmless.
// - alert_settings: a user's digest choice (instant, daily, weekly, none) and mail language.
// - alert_addresses, alert_subscriptions, alert_tokens: people without an account following a
//   commitment, committee or organisation, confirmed by a link first; tokens are stored only as
//   their SHA-256.
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
		.createTable('outbox_messages')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
		.addColumn('recipient', 'text', (c) => c.notNull())
		.addColumn('language', 'text', (c) => c.notNull().check(inList('language', ['en', 'sw'])))
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('text_body', 'text', (c) => c.notNull())
		.addColumn('html_body', 'text', (c) => c.notNull())
		.addColumn('headers_json', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(inList('status', ['pending', 'sending', 'sent', 'failed']))
		)
		.addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
		// Milliseconds since the epoch, like sessions.expires_at.
		.addColumn('next_attempt_at', 'bigint', (c) => c.notNull())
		.addColumn('claimed_until', 'bigint')
		.addColumn('claimed_by', 'text')
		.addColumn('last_error', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('sent_at', 'text')
		.execute();
	await db.schema
		.createIndex('outbox_messages_due_idx')
		.on('outbox_messages')
		.columns(['status', 'next_attempt_at'])
		.execute();
	await db.schema
		.createIndex('outbox_messages_created_idx')
		.on('outbox_messages')
		.column('created_at')
		.execute();

	await db.schema
		.createTable('alert_settings')
		.addColumn('user_id', 'integer', (c) =>
			c.primaryKey().references('users.id').onDelete('cascade')
		)
		.addColumn('digest', 'text', (c) =>
			c
				.notNull()
				.defaultTo('none')
				.check(inList('digest', ['instant', 'daily', 'weekly', 'none']))
		)
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('en')
				.check(inList('language', ['en', 'sw']))
		)
		// The end of the period the last digest covered (ISO timestamp).
		.addColumn('digest_through', 'text')
		.addColumn('updated_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('alert_addresses')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('language', 'text', (c) =>
			c
				.notNull()
				.defaultTo('en')
				.check(inList('language', ['en', 'sw']))
		)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.execute();

	await db.schema
		.createTable('alert_subscriptions')
		.addColumn('id', 'integer', (c) => autoId(db, c))
		.addColumn('address_id', 'integer', (c) =>
			c.notNull().references('alert_addresses.id').onDelete('cascade')
		)
		.addColumn('target_kind', 'text', (c) =>
			c.notNull().check(inList('target_kind', ['commitment', 'committee', 'organisation']))
		)
		.addColumn('target_id', 'integer', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c.notNull().check(inList('status', ['pending', 'confirmed']))
		)
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('confirmed_at', 'text')
		// An unconfirmed subscription is gone after this (milliseconds since the epoch).
		.addColumn('expires_at', 'bigint')
		.addUniqueConstraint('alert_subscriptions_target_key', [
			'address_id',
			'target_kind',
			'target_id'
		])
		.execute();
	await db.schema
		.createIndex('alert_subscriptions_target_idx')
		.on('alert_subscriptions')
		.columns(['target_kind', 'target_id', 'status'])
		.execute();

	await db.schema
		.createTable('alert_tokens')
		// The hex SHA-256 of the token; the token itself is only in the message that carries it.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('address_id', 'integer', (c) =>
			c.notNull().references('alert_addresses.id').onDelete('cascade')
		)
		.addColumn('purpose', 'text', (c) =>
			c.notNull().check(inList('purpose', ['confirm', 'manage']))
		)
		// For a confirmation: the subscription it confirms.
		.addColumn('subscription_id', 'integer', (c) =>
			c.references('alert_subscriptions.id').onDelete('cascade')
		)
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('alert_tokens_address_idx')
		.on('alert_tokens')
		.columns(['address_id', 'expires_at'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('alert_tokens').execute();
	await db.schema.dropTable('alert_subscriptions').execute();
	await db.schema.dropTable('alert_addresses').execute();
	await db.schema.dropTable('alert_settings').execute();
	await db.schema.dropTable('outbox_messages').execute();
}
