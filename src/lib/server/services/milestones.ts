// Milestones of a commitment: add, edit the plan, and mark met, partly met or missed with
// evidence. Each use case is one transaction with its audit rows. Marking a milestone also adds
// a line to the commitment's public change log, citing the evidence.
import type { Kysely, Transaction } from 'kysely';
import { milestoneStatusLabel, todayInNairobi, type MilestoneStatus } from '../../domain';
import { recordAudit, type Actor } from '../audit';
import type { Commitment, DB } from '../db/schema';
import {
	getMilestone,
	insertMilestone,
	milestoneLastSaved,
	updateMilestoneIfVersion
} from '../queries/milestones';
import {
	countCommitmentEvidence,
	insertEvidence,
	insertUpdate,
	linkUpdateEvidence
} from '../queries/workspace-updates';
import { checkEvidenceDrafts, evidenceKey, type EvidenceDraft } from './evidence';
import type { Author } from './updates';
import { InputError, NotFoundError, StaleRecordError, throwIfErrors } from '../errors';
import { enqueueChangeAlerts } from './alert-changes';
import { label as statusLabel } from '../../i18n/labels';
import { m as msg } from '../../paraglide/messages';

export interface MilestonePlan {
	title: string;
	plannedOn: string;
	weight: number;
}

export interface MilestoneMark {
	version: number;
	status: MilestoneStatus;
	actualOn: string | null;
	evidence: EvidenceDraft | null;
	existingEvidenceId: number | null;
}

const actorOf = (a: Author): Actor => ({ id: a.id, label: `${a.name} <${a.email}>` });

/** Followers and instant MPs hear of a milestone's change (never a draft's: see there). */
function alertMilestone(
	trx: Transaction<DB>,
	c: Commitment,
	milestone: { id: number; version: number; title: string; plannedOn: string },
	change: 'added' | 'edited' | 'marked',
	status: MilestoneStatus,
	evidence: string[] = []
) {
	return enqueueChangeAlerts(trx, c.id, {
		key: `milestone:${milestone.id}:v${milestone.version}`,
		note: null,
		detail: {
			kind: 'milestone',
			change,
			title: milestone.title,
			plannedOn: milestone.plannedOn,
			status
		},
		evidence
	});
}

function checkOpen(c: Commitment): void {
	if (c.visibility === 'withdrawn') {
		throw new InputError({
			title: msg.svc_ms_withdrawn()
		});
	}
}

function checkPlan(c: Commitment, plan: MilestonePlan, errors: Record<string, string>) {
	if (plan.plannedOn < c.given_on) {
		errors.planned_on = msg.svc_ms_planned_before();
	}
}

export async function addMilestone(
	db: Kysely<DB>,
	author: Author,
	c: Commitment,
	plan: MilestonePlan
): Promise<number> {
	checkOpen(c);
	const errors: Record<string, string> = {};
	checkPlan(c, plan, errors);
	throwIfErrors(errors);
	return db.transaction().execute(async (trx) => {
		const id = await insertMilestone(trx, { commitmentId: c.id, ...plan });
		await recordAudit(trx, actorOf(author), {
			action: 'milestone.created',
			entityId: id,
			after: {
				commitment_id: c.id,
				title: plan.title,
				planned_on: plan.plannedOn,
				weight: plan.weight
			}
		});
		await alertMilestone(trx, c, { id, version: 1, ...plan }, 'added', 'planned');
		return id;
	});
}

async function loadForEdit(
	trx: Transaction<DB>,
	c: Commitment,
	milestoneId: number,
	version: number
) {
	const m = await getMilestone(trx, c.id, milestoneId);
	if (!m) throw new NotFoundError();
	if (m.version !== version) {
		const last = await milestoneLastSaved(trx, m.id);
		throw new StaleRecordError(last.by, last.at ?? m.updated_at);
	}
	return m;
}

async function saveIfVersion(
	trx: Transaction<DB>,
	milestoneId: number,
	version: number,
	changes: Parameters<typeof updateMilestoneIfVersion>[3]
) {
	if (!(await updateMilestoneIfVersion(trx, milestoneId, version, changes))) {
		const last = await milestoneLastSaved(trx, milestoneId);
		throw new StaleRecordError(last.by, last.at);
	}
}

export async function editMilestone(
	db: Kysely<DB>,
	author: Author,
	c: Commitment,
	milestoneId: number,
	input: MilestonePlan & { version: number }
): Promise<void> {
	checkOpen(c);
	await db.transaction().execute(async (trx) => {
		const m = await loadForEdit(trx, c, milestoneId, input.version);
		const errors: Record<string, string> = {};
		checkPlan(c, input, errors);
		throwIfErrors(errors);
		const changes = { title: input.title, planned_on: input.plannedOn, weight: input.weight };
		await saveIfVersion(trx, m.id, input.version, changes);
		await recordAudit(trx, actorOf(author), {
			action: 'milestone.updated',
			entityId: m.id,
			before: { title: m.title, planned_on: m.planned_on, weight: m.weight, version: m.version },
			after: { ...changes, version: m.version + 1 }
		});
		await alertMilestone(
			trx,
			c,
			{ id: m.id, version: m.version + 1, title: input.title, plannedOn: input.plannedOn },
			'edited',
			m.status
		);
	});
}

function checkMark(c: Commitment, input: MilestoneMark, today: string) {
	const errors: Record<string, string> = {};
	const reached = input.status === 'met' || input.status === 'partly_met';
	if (reached) {
		if (!input.actualOn) errors.actual_on = msg.svc_ms_enter_actual();
		else if (input.actualOn > today) errors.actual_on = msg.svc_ms_actual_future();
		else if (input.actualOn < c.given_on) {
			errors.actual_on = msg.svc_ms_actual_before();
		}
	} else if (input.actualOn) {
		errors.actual_on = msg.svc_ms_actual_leave_empty({
			status: statusLabel('milestone', input.status).toLowerCase()
		});
	}
	const items = input.evidence ? checkEvidenceDrafts([input.evidence], today, errors) : [];
	if (input.status === 'planned') {
		if (input.evidence || input.existingEvidenceId) {
			errors.existing_evidence = msg.svc_ms_evidence_planned();
		}
	} else if (input.evidence && input.existingEvidenceId) {
		errors.existing_evidence = msg.svc_ms_evidence_both();
	} else if (!input.evidence && !input.existingEvidenceId) {
		errors[evidenceKey('type', 1)] = msg.svc_ms_evidence_needed();
	}
	throwIfErrors(errors);
	return items[0] ?? null;
}

/** Marks a milestone (or puts it back to planned); returns the change-log update id, if any. */
export async function markMilestone(
	db: Kysely<DB>,
	author: Author,
	c: Commitment,
	milestoneId: number,
	input: MilestoneMark,
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<number | null> {
	checkOpen(c);
	const newEvidence = checkMark(c, input, today);
	const actor = actorOf(author);
	return db.transaction().execute(async (trx) => {
		const m = await loadForEdit(trx, c, milestoneId, input.version);
		if (input.existingEvidenceId !== null) {
			if ((await countCommitmentEvidence(trx, c.id, [input.existingEvidenceId])) !== 1) {
				throw new InputError({ existing_evidence: msg.svc_select_evidence() });
			}
		}
		let evidenceId = input.existingEvidenceId;
		if (newEvidence) {
			evidenceId = await insertEvidence(trx, c.id, author.id, newEvidence);
			await recordAudit(trx, actor, {
				action: 'evidence.created',
				entityId: evidenceId,
				after: newEvidence
			});
		}
		const changes = { status: input.status, actual_on: input.actualOn, evidence_id: evidenceId };
		await saveIfVersion(trx, m.id, input.version, changes);
		await recordAudit(trx, actor, {
			action: 'milestone.marked',
			entityId: m.id,
			before: {
				status: m.status,
				actual_on: m.actual_on,
				evidence_id: m.evidence_id,
				version: m.version
			},
			after: { ...changes, version: m.version + 1 }
		});
		await alertMilestone(
			trx,
			c,
			{ id: m.id, version: m.version + 1, title: m.title, plannedOn: m.planned_on },
			'marked',
			input.status,
			newEvidence ? [newEvidence.title] : []
		);
		if (input.status === 'planned' || evidenceId === null) return null;

		const label = milestoneStatusLabel[input.status].toLowerCase();
		const entry = {
			commitmentId: c.id,
			updateOn: input.actualOn ?? today,
			deliveryFrom: null,
			deliveryTo: null,
			proceduralFrom: null,
			proceduralTo: null,
			dueFrom: null,
			dueTo: null,
			reason: null,
			note: `Milestone “${m.title}” ${label}.`,
			authorId: author.id,
			authorName: author.name
		};
		const updateId = await insertUpdate(trx, entry);
		await linkUpdateEvidence(trx, updateId, [evidenceId]);
		await recordAudit(trx, actor, {
			action: 'update.created',
			entityId: updateId,
			after: { ...entry, evidenceIds: [evidenceId] }
		});
		return updateId;
	});
}
