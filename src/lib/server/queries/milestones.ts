// A commitment's milestones for the clerk workspace. Writes take a Transaction.
import type { Kysely, Transaction } from 'kysely';
import type { DB, EvidenceType, MilestoneStatus } from '../db/schema';

export interface WorkspaceMilestone {
	id: number;
	title: string;
	plannedOn: string;
	actualOn: string | null;
	weight: number;
	status: MilestoneStatus;
	version: number;
	updatedAt: string;
	evidence: { id: number; type: EvidenceType; title: string; url: string | null } | null;
}

/** Milestones in planned order, each with its evidence (one query). */
export async function listMilestones(
	db: Kysely<DB>,
	commitmentId: number
): Promise<WorkspaceMilestone[]> {
	const rows = await db
		.selectFrom('milestones as m')
		.leftJoin('evidence as e', 'e.id', 'm.evidence_id')
		.select([
			'm.id',
			'm.title',
			'm.planned_on',
			'm.actual_on',
			'm.weight',
			'm.status',
			'm.version',
			'm.updated_at',
			'e.id as evidence_id',
			'e.type as evidence_type',
			'e.title as evidence_title',
			'e.url as evidence_url'
		])
		.where('m.commitment_id', '=', commitmentId)
		.orderBy('m.planned_on')
		.orderBy('m.id')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		title: r.title,
		plannedOn: r.planned_on,
		actualOn: r.actual_on,
		weight: r.weight,
		status: r.status,
		version: r.version,
		updatedAt: r.updated_at,
		evidence:
			r.evidence_id !== null && r.evidence_type !== null && r.evidence_title !== null
				? { id: r.evidence_id, type: r.evidence_type, title: r.evidence_title, url: r.evidence_url }
				: null
	}));
}

/** One milestone of the commitment, or undefined (an id of another commitment is not found). */
export async function getMilestone(
	db: Kysely<DB> | Transaction<DB>,
	commitmentId: number,
	milestoneId: number
) {
	return db
		.selectFrom('milestones')
		.selectAll()
		.where('id', '=', milestoneId)
		.where('commitment_id', '=', commitmentId)
		.executeTakeFirst();
}

export async function insertMilestone(
	trx: Transaction<DB>,
	m: { commitmentId: number; title: string; plannedOn: string; weight: number }
): Promise<number> {
	const now = new Date().toISOString();
	const row = await trx
		.insertInto('milestones')
		.values({
			commitment_id: m.commitmentId,
			title: m.title,
			planned_on: m.plannedOn,
			weight: m.weight,
			status: 'planned',
			version: 1,
			created_at: now,
			updated_at: now
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

/**
 * Compare-and-swap on the version (SQLite has no SELECT ... FOR UPDATE): false when someone
 * saved the milestone since `version` was read, and then nothing is written.
 */
export async function updateMilestoneIfVersion(
	trx: Transaction<DB>,
	milestoneId: number,
	version: number,
	changes: {
		title?: string;
		planned_on?: string;
		weight?: number;
		status?: MilestoneStatus;
		actual_on?: string | null;
		evidence_id?: number | null;
	}
): Promise<boolean> {
	const result = await trx
		.updateTable('milestones')
		.set((eb) => ({
			...changes,
			version: eb('version', '+', 1),
			updated_at: new Date().toISOString()
		}))
		.where('id', '=', milestoneId)
		.where('version', '=', version)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

/**
 * Who last changed a milestone and when, from the audit log (milestones keep no author column).
 */
export async function milestoneLastSaved(
	db: Kysely<DB> | Transaction<DB>,
	milestoneId: number
): Promise<{ by: string | null; at: string | null }> {
	const row = await db
		.selectFrom('audit_log as a')
		.leftJoin('users as u', 'u.id', 'a.user_id')
		.select(['u.name', 'a.actor', 'a.at'])
		.where('a.entity', '=', 'milestone')
		.where('a.entity_id', '=', String(milestoneId))
		.orderBy('a.at', 'desc')
		.orderBy('a.id', 'desc')
		.executeTakeFirst();
	return { by: row ? (row.name ?? row.actor) : null, at: row?.at ?? null };
}
