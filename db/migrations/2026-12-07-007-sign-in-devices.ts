// Frozen in time: this migration must never import application code. Browsers trusted for
// signing in to an account (OWASP's "device cookies"): after a successful sign-in the browser
// keeps a random token in a cookie, and only the token's SHA-256 is stored here. An attempt
// from such a browser is throttled on its own, so strangers failing against the account from
// elsewhere cannot lock its owner out.
import type { Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('sign_in_devices')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		// Milliseconds since the epoch, like sessions.expires_at and login_throttle.
		.addColumn('created_at', 'bigint', (c) => c.notNull())
		.addColumn('last_used_at', 'bigint', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('sign_in_devices_user_idx')
		.on('sign_in_devices')
		.columns(['user_id', 'last_used_at'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('sign_in_devices').execute();
}
