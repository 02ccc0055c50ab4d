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

export interface AuditEntry {
	action: string;
	entity: string;
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
			entity: entry.entity,
			entity_id: entry.entityId == null ? null : String(entry.entityId),
			before_json: serialise(entry.before),
			after_json: serialise(entry.after)
		})
		.execute();
	noteChange();
}
