import type { Kysely, Transaction } from 'kysely';
import { noteChange } from './db/change-signal';
import type { DB } from './db/schema';

export interface Actor {
	id: number | null;
	label: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, label: 'system' };

export function actorOf(user: { id: number; name: string; email: string } | null): Actor {
	return user ? { id: user.id, label: `${user.name} <${user.email}>` } : SYSTEM_ACTOR;
}

/**
 * Every action the audit log records, `entity.verb` in the past tense, the entity singular. The
 * entity of a row is the part before the dot. The admin's audit log page shows each in words
 * (routes/(admin)/admin/audit-labels.ts); rows written before this list keep their old codes.
 */
export const AUDIT_ACTIONS = [
	'session.started',
	'session.ended',
	'user.created',
	'user.updated',
	'user.disabled',
	'user.enabled',
	'user.temporary_password_set',
	'user.password_changed',
	'committee.created',
	'committee.updated',
	'deadline_rule.created',
	'deadline_rule.updated',
	'deadline_rule.activated',
	'deadline_rule.deactivated',
	'person.created',
	'person.merged',
	'person.retired',
	'organisation.created',
	'organisation.merged',
	'organisation.retired',
	'office.created',
	'office.merged',
	'office.retired',
	'office_holding.created',
	'sitting.created',
	'sitting.updated',
	'sitting.published',
	'commitment.created',
	'commitment.updated',
	'commitment.published',
	'commitment.withdrawn',
	'commitment.update_recorded',
	'commitment_request.created',
	'commitment_request.decided',
	'due_date_change.created',
	'update.created',
	'evidence.created',
	'milestone.created',
	'milestone.updated',
	'milestone.marked',
	'funding_link.created',
	'funding_link.updated',
	'funding_link.removed',
	'budget_line.created',
	'budget_line.updated',
	'budget_figure.created',
	'budget_figure.corrected',
	'import.previewed',
	'import.confirmed',
	'import.applied',
	'import.finished',
	'import.failed',
	'transcript.uploaded',
	'transcript.reviewed',
	'invitation.created',
	'invitation.accepted',
	'submission.drafted',
	'submission.saved',
	'submission.sent',
	'submission.deleted',
	'submission.recorded',
	'submission.decided',
	'submission_document.added',
	'submission_document.removed',
	'private_note.created',
	'private_note.deleted',
	'watchlist.added',
	'watchlist.removed',
	'alert_subscription.requested',
	'alert_subscription.confirmed',
	'alert_subscription.removed',
	'alert_settings.updated',
	'alert_pass.completed',
	'demo.seeded'
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** The entity an action is about: what comes before its dot. */
export type AuditEntity = AuditAction extends `${infer E}.${string}` ? E : never;

export function entityOf(action: AuditAction): AuditEntity {
	return action.slice(0, action.indexOf('.')) as AuditEntity;
}

/**
 * Spellings of an entity in rows written before AUDIT_ACTIONS (the log is append-only, so they
 * stay): a query for an entity's history reads them too.
 */
const OLD_SPELLINGS: Partial<Record<AuditEntity, string[]>> = {
	budget_figure: ['budget_figures'],
	budget_line: ['budget_lines'],
	import: ['import_job'],
	watchlist: []
};

/** Every spelling under which `entity` occurs in the log, the current one first. */
export function entitySpellings(entity: AuditEntity): string[] {
	return [entity, ...(OLD_SPELLINGS[entity] ?? [])];
}

export interface AuditEntry {
	action: AuditAction;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
}

const SECRET_KEYS = new Set(['password_hash', 'password', 'token']);

function serialise(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	return JSON.stringify(value, (key, v) => (SECRET_KEYS.has(key) ? '[redacted]' : v));
}

/**
 * Appends to the audit log. Call it inside the same transaction as the write it records, so a
 * write can never land without its audit row. The table rejects UPDATE and DELETE (triggers).
 */
export async function recordAudit(
	db: Kysely<DB> | Transaction<DB>,
	actor: Actor,
	entry: AuditEntry
): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			at: new Date().toISOString(),
			user_id: actor.id,
			actor: actor.label,
			action: entry.action,
			entity: entityOf(entry.action),
			entity_id: entry.entityId == null ? null : String(entry.entityId),
			before_json: serialise(entry.before),
			after_json: serialise(entry.after)
		})
		.execute();
	noteChange();
}
