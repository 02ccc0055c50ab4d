// Frozen in time: this migration must never import application code. Budget imports waiting
// for confirmation, and running ones: the uploaded text is kept in the database (not in one
// process's memory) so that any app instance can confirm it and show its progress.
import { sql, type Kysely } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const STATUSES = ['pending', 'running', 'done', 'failed'];

export async function up(db: Db): Promise<void> {
	await db.schema
		.createTable('import_jobs')
		// Random and unguessable, so a job id in a URL reveals nothing about other jobs.
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull())
		.addColumn('file_name', 'text', (c) => c.notNull())
		.addColumn('sha256', 'text', (c) => c.notNull())
		// Emptied once the job has finished: the figures themselves are then in budget_figures.
		.addColumn('csv_text', 'text', (c) => c.notNull())
		.addColumn('status', 'text', (c) =>
			c
				.notNull()
				.defaultTo('pending')
				.check(sql.raw(`status in (${STATUSES.map((s) => `'${s}'`).join(', ')})`))
		)
		.addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('preview_json', 'text')
		.addColumn('result_json', 'text')
		.addColumn('error', 'text')
		.addColumn('started_at', 'text')
		.addColumn('finished_at', 'text')
		.execute();
	await db.schema
		.createIndex('import_jobs_user_idx')
		.on('import_jobs')
		.columns(['user_id', 'created_at'])
		.execute();
}

export async function down(db: Db): Promise<void> {
	await db.schema.dropTable('import_jobs').execute();
}
