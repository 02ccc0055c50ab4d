// Frozen in time: this migration must never import application code. Where SQLite and
// PostgreSQL differ (identity columns, append-only enforcement) it branches on the dialect.
import { sql, type Kysely, type CreateTableBuilder } from 'kysely';

type Db = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

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
const PROCEDURAL = [
	'recorded',
	'communicated',
	'response_due',
	'response_received',
	'under_review',
	'extension_requested',
	'extension_granted',
	'drop_requested',
	'closed'
];
const FUNDING = [
	'no_line_identified',
	'requested',
	'allocated',
	'adjusted',
	'partly_released',
	'released',
	'spent'
];
const COMMITMENT_TYPES = ['policy', 'legislation', 'institution', 'funding', 'information'];
const VISIBILITY = ['draft', 'published', 'withdrawn'];
const MILESTONE_STATUS = ['planned', 'met', 'missed', 'partly_met'];
const EVIDENCE_TYPES = [
	'hansard',
	'committee_report',
	'gazette_notice',
	'policy_document',
	'treasury_document',
	'cob_report',
	'ministry_response',
	'news',
	'other'
];
const PHASES = [
	'requested',
	'ceiling',
	'approved',
	'supplementary_1',
	'supplementary_2',
	'released',
	'spent'
];
const ECONOMIC_CLASSES = ['recurrent', 'development'];
const ORG_KINDS = [
	'ministry',
	'state_department',
	'agency',
	'treasury',
	'committee',
	'parliament',
	'other'
];
const HOUSES = ['national_assembly', 'senate'];
const ROLES = ['mp', 'clerk', 'admin'];
const REQUEST_KINDS = ['extension', 'drop'];
const DECISIONS = ['pending', 'granted', 'refused'];
const RULE_UNITS = ['days', 'months'];
const SHARE_KINDS = ['percent', 'amount'];
const BASES = ['earmarked', 'indicative'];

function oneOf(column: string, values: string[]) {
	return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

const ISO_DATE = (column: string) =>
	sql.raw(`${column} is null or (length(${column}) = 10 and ${column} like '____-__-__')`);

function isPostgres(db: Db) {
	return db.getExecutor().adapter.constructor.name === 'PostgresAdapter';
}

/** An auto-numbered integer primary key in either dialect. */
function withId<T extends string>(db: Db, table: CreateTableBuilder<T, never>) {
	return isPostgres(db)
		? table.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
		: table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

const now = sql`CURRENT_TIMESTAMP`;

export async function up(db: Db): Promise<void> {
	const create = (name: string) => withId(db, db.schema.createTable(name) as never);

	await create('organisations')
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('short_name', 'text')
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ORG_KINDS)))
		.addColumn('parent_id', 'integer', (c) => c.references('organisations.id'))
		.addColumn('retired_at', 'text')
		.addColumn('merged_into_id', 'integer', (c) => c.references('organisations.id'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await create('people')
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('retired_at', 'text')
		.addColumn('merged_into_id', 'integer', (c) => c.references('people.id'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await create('offices')
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addColumn('retired_at', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	// A person holding an office for a period (Popolo "membership"); history is kept.
	await create('office_holdings')
		.addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
		.addColumn('start_on', 'text', (c) => c.check(ISO_DATE('start_on')))
		.addColumn('end_on', 'text', (c) => c.check(ISO_DATE('end_on')))
		.execute();

	await create('committees')
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('abbreviation', 'text', (c) => c.notNull().unique())
		.addColumn('house', 'text', (c) => c.notNull().check(oneOf('house', HOUSES)))
		.addColumn('chair_person_id', 'integer', (c) => c.references('people.id'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await create('users')
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) => c.notNull().check(oneOf('role', ROLES)))
		.addColumn('password_hash', 'text', (c) => c.notNull())
		.addColumn('must_change_password', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`must_change_password in (0, 1)`)
		)
		.addColumn('disabled_at', 'text')
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await db.schema
		.createTable('user_committees')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
		.addPrimaryKeyConstraint('user_committees_pk', ['user_id', 'committee_id'])
		.execute();

	// Only the SHA-256 of the session token is stored (the Lucia authors' session design).
	await db.schema
		.createTable('sessions')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('expires_at', 'bigint', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

	// Sign-in throttling lives in the database so it holds across restarts and instances.
	await db.schema
		.createTable('login_throttle')
		.addColumn('key', 'text', (c) => c.primaryKey())
		.addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
		.addColumn('window_started_at', 'bigint', (c) => c.notNull())
		.addColumn('locked_until', 'bigint')
		.execute();

	await create('deadline_rules')
		.addColumn('name', 'text', (c) => c.notNull().unique())
		.addColumn('description', 'text', (c) => c.notNull())
		.addColumn('unit', 'text', (c) => c.notNull().check(oneOf('unit', RULE_UNITS)))
		.addColumn('amount', 'integer', (c) => c.notNull().check(sql`amount > 0`))
		.addColumn('authority', 'text')
		.addColumn('active', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`active in (0, 1)`)
		)
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	await create('sittings')
		.addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
		.addColumn('sat_on', 'text', (c) => c.notNull().check(ISO_DATE('sat_on')))
		.addColumn('subject', 'text', (c) => c.notNull())
		.addColumn('source_title', 'text', (c) => c.notNull())
		.addColumn('source_url', 'text')
		.addColumn('source_locator', 'text')
		.addColumn('visibility', 'text', (c) =>
			c.notNull().defaultTo('draft').check(oneOf('visibility', VISIBILITY))
		)
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('sittings_committee_idx')
		.on('sittings')
		.columns(['committee_id', 'sat_on'])
		.execute();

	await create('sitting_appearances')
		.addColumn('sitting_id', 'integer', (c) =>
			c.notNull().references('sittings.id').onDelete('cascade')
		)
		.addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
		.execute();

	await create('commitments')
		.addColumn('ref', 'text', (c) => c.notNull().unique())
		.addColumn('committee_id', 'integer', (c) => c.notNull().references('committees.id'))
		.addColumn('sitting_id', 'integer', (c) => c.notNull().references('sittings.id'))
		.addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) > 0`))
		.addColumn('summary', 'text', (c) => c.notNull())
		.addColumn('quote', 'text', (c) => c.notNull())
		.addColumn('quote_source_title', 'text', (c) => c.notNull())
		.addColumn('quote_source_url', 'text')
		.addColumn('quote_source_locator', 'text')
		.addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
		.addColumn('office_id', 'integer', (c) => c.notNull().references('offices.id'))
		.addColumn('person_id', 'integer', (c) => c.references('people.id'))
		.addColumn('type', 'text', (c) => c.notNull().check(oneOf('type', COMMITMENT_TYPES)))
		.addColumn('given_on', 'text', (c) => c.notNull().check(ISO_DATE('given_on')))
		.addColumn('due_on', 'text', (c) => c.check(ISO_DATE('due_on')))
		.addColumn('deadline_rule_id', 'integer', (c) => c.references('deadline_rules.id'))
		.addColumn('due_basis', 'text')
		.addColumn('measurable_target', 'text')
		.addColumn('delivery_status', 'text', (c) =>
			c.notNull().defaultTo('not_started').check(oneOf('delivery_status', DELIVERY))
		)
		.addColumn('procedural_status', 'text', (c) =>
			c.notNull().defaultTo('recorded').check(oneOf('procedural_status', PROCEDURAL))
		)
		// Derived from funding links and budget figures by the application; never typed in.
		.addColumn('funding_status', 'text', (c) =>
			c.notNull().defaultTo('no_line_identified').check(oneOf('funding_status', FUNDING))
		)
		.addColumn('status_reason', 'text')
		.addColumn('visibility', 'text', (c) =>
			c.notNull().defaultTo('draft').check(oneOf('visibility', VISIBILITY))
		)
		.addColumn('published_at', 'text')
		.addColumn('withdrawn_at', 'text')
		.addColumn('withdrawn_reason', 'text')
		.addColumn('version', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`version > 0`)
		)
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_by', 'integer', (c) => c.references('users.id'))
		.addCheckConstraint(
			'commitments_not_pursued_reason',
			sql`delivery_status <> 'not_pursued' or (status_reason is not null and length(status_reason) > 0)`
		)
		.addCheckConstraint('commitments_due_after_given', sql`due_on is null or due_on >= given_on`)
		.execute();
	for (const [name, cols] of [
		['commitments_committee_idx', ['committee_id', 'visibility']],
		['commitments_org_idx', ['organisation_id']],
		['commitments_sitting_idx', ['sitting_id']],
		['commitments_due_idx', ['visibility', 'due_on']],
		['commitments_delivery_idx', ['visibility', 'delivery_status']],
		['commitments_given_idx', ['visibility', 'given_on']]
	] as const) {
		await db.schema
			.createIndex(name)
			.on('commitments')
			.columns([...cols])
			.execute();
	}

	await create('tags')
		.addColumn('slug', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.execute();
	await db.schema
		.createTable('commitment_tags')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
		.addPrimaryKeyConstraint('commitment_tags_pk', ['commitment_id', 'tag_id'])
		.execute();
	await db.schema
		.createIndex('commitment_tags_tag_idx')
		.on('commitment_tags')
		.column('tag_id')
		.execute();

	await create('evidence')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('type', 'text', (c) => c.notNull().check(oneOf('type', EVIDENCE_TYPES)))
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('url', 'text')
		.addColumn('published_on', 'text', (c) => c.check(ISO_DATE('published_on')))
		.addColumn('excerpt', 'text')
		.addColumn('illustrative', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`illustrative in (0, 1)`)
		)
		.addColumn('created_by', 'integer', (c) => c.references('users.id'))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('evidence_commitment_idx')
		.on('evidence')
		.column('commitment_id')
		.execute();

	await create('milestones')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('title', 'text', (c) => c.notNull())
		.addColumn('planned_on', 'text', (c) => c.notNull().check(ISO_DATE('planned_on')))
		.addColumn('actual_on', 'text', (c) => c.check(ISO_DATE('actual_on')))
		.addColumn('weight', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(1)
				.check(sql`weight > 0`)
		)
		.addColumn('status', 'text', (c) =>
			c.notNull().defaultTo('planned').check(oneOf('status', MILESTONE_STATUS))
		)
		.addColumn('evidence_id', 'integer', (c) => c.references('evidence.id'))
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('milestones_commitment_idx')
		.on('milestones')
		.column('commitment_id')
		.execute();

	// The public change log of a commitment.
	await create('updates')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('update_on', 'text', (c) => c.notNull().check(ISO_DATE('update_on')))
		.addColumn('delivery_from', 'text', (c) =>
			c.check(sql`delivery_from is null or ${oneOf('delivery_from', DELIVERY)}`)
		)
		.addColumn('delivery_to', 'text', (c) =>
			c.check(sql`delivery_to is null or ${oneOf('delivery_to', DELIVERY)}`)
		)
		.addColumn('procedural_from', 'text', (c) =>
			c.check(sql`procedural_from is null or ${oneOf('procedural_from', PROCEDURAL)}`)
		)
		.addColumn('procedural_to', 'text', (c) =>
			c.check(sql`procedural_to is null or ${oneOf('procedural_to', PROCEDURAL)}`)
		)
		.addColumn('due_from', 'text', (c) => c.check(ISO_DATE('due_from')))
		.addColumn('due_to', 'text', (c) => c.check(ISO_DATE('due_to')))
		.addColumn('reason', 'text')
		.addColumn('note', 'text', (c) => c.notNull())
		.addColumn('author_id', 'integer', (c) => c.references('users.id'))
		.addColumn('author_name', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();
	await db.schema
		.createIndex('updates_commitment_idx')
		.on('updates')
		.columns(['commitment_id', 'update_on'])
		.execute();
	await db.schema.createIndex('updates_date_idx').on('updates').column('update_on').execute();

	await db.schema
		.createTable('update_evidence')
		.addColumn('update_id', 'integer', (c) =>
			c.notNull().references('updates.id').onDelete('cascade')
		)
		.addColumn('evidence_id', 'integer', (c) => c.notNull().references('evidence.id'))
		.addPrimaryKeyConstraint('update_evidence_pk', ['update_id', 'evidence_id'])
		.execute();

	// Every due-date change with its reason: slippage is itself a signal.
	await create('due_date_changes')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('changed_on', 'text', (c) => c.notNull().check(ISO_DATE('changed_on')))
		.addColumn('from_on', 'text', (c) => c.check(ISO_DATE('from_on')))
		.addColumn('to_on', 'text', (c) => c.check(ISO_DATE('to_on')))
		.addColumn('deadline_rule_id', 'integer', (c) => c.references('deadline_rules.id'))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('update_id', 'integer', (c) => c.references('updates.id'))
		.execute();
	await db.schema
		.createIndex('due_date_changes_commitment_idx')
		.on('due_date_changes')
		.column('commitment_id')
		.execute();

	// Extension and drop requests, with the committee's decision.
	await create('commitment_requests')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', REQUEST_KINDS)))
		.addColumn('requested_on', 'text', (c) => c.notNull().check(ISO_DATE('requested_on')))
		.addColumn('requested_until', 'text', (c) => c.check(ISO_DATE('requested_until')))
		.addColumn('reason', 'text', (c) => c.notNull())
		.addColumn('decision', 'text', (c) =>
			c.notNull().defaultTo('pending').check(oneOf('decision', DECISIONS))
		)
		.addColumn('decided_on', 'text', (c) => c.check(ISO_DATE('decided_on')))
		.addColumn('granted_until', 'text', (c) => c.check(ISO_DATE('granted_until')))
		.addColumn('decision_note', 'text')
		.addCheckConstraint(
			'commitment_requests_extension_until',
			sql`kind <> 'extension' or decision <> 'granted' or granted_until is not null`
		)
		.execute();
	await db.schema
		.createIndex('commitment_requests_commitment_idx')
		.on('commitment_requests')
		.column('commitment_id')
		.execute();

	await create('budget_lines')
		.addColumn('fiscal_year', 'text', (c) =>
			c.notNull().check(sql`length(fiscal_year) = 7 and fiscal_year like '____/__'`)
		)
		.addColumn('vote_code', 'text', (c) => c.notNull())
		.addColumn('vote_name', 'text', (c) => c.notNull())
		.addColumn('programme', 'text', (c) => c.notNull())
		.addColumn('sub_programme', 'text', (c) => c.notNull().defaultTo(''))
		.addColumn('economic_class', 'text', (c) =>
			c.notNull().check(oneOf('economic_class', ECONOMIC_CLASSES))
		)
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addUniqueConstraint('budget_lines_natural_key', [
			'fiscal_year',
			'vote_code',
			'programme',
			'sub_programme',
			'economic_class'
		])
		.execute();
	await db.schema
		.createIndex('budget_lines_vote_idx')
		.on('budget_lines')
		.columns(['vote_code', 'fiscal_year'])
		.execute();

	await create('budget_figures')
		.addColumn('budget_line_id', 'integer', (c) =>
			c.notNull().references('budget_lines.id').onDelete('cascade')
		)
		.addColumn('phase', 'text', (c) => c.notNull().check(oneOf('phase', PHASES)))
		.addColumn('amount_kes', 'bigint', (c) => c.notNull().check(sql`amount_kes >= 0`))
		.addColumn('as_of', 'text', (c) => c.notNull().check(ISO_DATE('as_of')))
		.addColumn('source_title', 'text', (c) => c.notNull())
		.addColumn('source_url', 'text')
		.addColumn('illustrative', 'integer', (c) =>
			c
				.notNull()
				.defaultTo(0)
				.check(sql`illustrative in (0, 1)`)
		)
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addUniqueConstraint('budget_figures_natural_key', ['budget_line_id', 'phase', 'as_of'])
		.execute();

	await create('funding_links')
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('budget_line_id', 'integer', (c) => c.notNull().references('budget_lines.id'))
		.addColumn('share_kind', 'text', (c) => c.notNull().check(oneOf('share_kind', SHARE_KINDS)))
		// Percent in basis points (1 % = 100) so it stays an integer.
		.addColumn('share_basis_points', 'integer', (c) =>
			c.check(
				sql`share_basis_points is null or (share_basis_points > 0 and share_basis_points <= 10000)`
			)
		)
		.addColumn('share_amount_kes', 'bigint', (c) =>
			c.check(sql`share_amount_kes is null or share_amount_kes > 0`)
		)
		.addColumn('basis', 'text', (c) => c.notNull().check(oneOf('basis', BASES)))
		.addColumn('note', 'text')
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addUniqueConstraint('funding_links_pair', ['commitment_id', 'budget_line_id'])
		.addCheckConstraint(
			'funding_links_share',
			sql`(share_kind = 'percent' and share_basis_points is not null and share_amount_kes is null) or (share_kind = 'amount' and share_amount_kes is not null and share_basis_points is null)`
		)
		.execute();
	await db.schema
		.createIndex('funding_links_line_idx')
		.on('funding_links')
		.column('budget_line_id')
		.execute();

	// MP workspace: private to each MP.
	await db.schema
		.createTable('watchlist')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addPrimaryKeyConstraint('watchlist_pk', ['user_id', 'commitment_id'])
		.execute();
	await create('private_notes')
		.addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('commitment_id', 'integer', (c) =>
			c.notNull().references('commitments.id').onDelete('cascade')
		)
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
		.addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
		.execute();

	// Append-only: who, when, what, before and after.
	await create('audit_log')
		.addColumn('at', 'text', (c) => c.notNull())
		.addColumn('user_id', 'integer', (c) => c.references('users.id'))
		.addColumn('actor', 'text', (c) => c.notNull())
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('entity', 'text', (c) => c.notNull())
		.addColumn('entity_id', 'text')
		.addColumn('before_json', 'text')
		.addColumn('after_json', 'text')
		.execute();
	await db.schema
		.createIndex('audit_log_entity_idx')
		.on('audit_log')
		.columns(['entity', 'entity_id'])
		.execute();
	await db.schema
		.createIndex('audit_log_user_idx')
		.on('audit_log')
		.columns(['user_id', 'at'])
		.execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

	if (isPostgres(db)) {
		await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
			begin raise exception 'audit_log is append-only'; end $$`.execute(db);
		await sql`create trigger audit_log_no_update before update or delete on audit_log
			for each row execute function audit_log_append_only()`.execute(db);
	} else {
		await sql`create trigger audit_log_no_update before update on audit_log
			begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
		await sql`create trigger audit_log_no_delete before delete on audit_log
			begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
	}
}

export async function down(): Promise<void> {
	throw new Error('The initial migration cannot be reverted; restore from a backup instead.');
}
