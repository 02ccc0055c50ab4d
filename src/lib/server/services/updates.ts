// Recording an update: a dated note on a commitment's public change log that may change its
// delivery status, its committee-process status or its due date, record an extension or drop
// request, or record the committee's decision on one. The update and all its effects are
// written in one transaction, each write audited, or nothing is. The rules are in update-rules.
import type { Kysely, Transaction } from 'kysely';
import { todayInNairobi } from '../../domain';
import { recordAudit, type Actor } from '../audit';
import type { DB } from '../db/schema';
import {
	commitmentLastSaved,
	decideRequestIfPending,
	insertDueDateChange,
	insertEvidence,
	insertRequest,
	insertUpdate,
	linkUpdateEvidence
} from '../queries/workspace-updates';
import { getCommitmentRow, updateCommitmentIfVersion } from '../queries/workspace-commitments';
import { checkRules, REQUEST_KIND, type Author, type UpdateInput } from './update-rules';
import { NotFoundError, StaleRecordError } from '../errors';
import { enqueueChangeAlerts } from './alert-changes';

export type { DecisionInput, UpdateInput, Author } from './update-rules';

/**
 * Records an update to commitment `commitmentId`. Throws NotFoundError, InputError (field →
 * message) or StaleRecordError (someone saved the commitment since `input.version`), and then
 * writes nothing. Returns the new update's id.
 */
export async function recordUpdate(
	db: Kysely<DB>,
	author: Author,
	commitmentId: number,
	input: UpdateInput,
	{ today = todayInNairobi() }: { today?: string } = {}
): Promise<number> {
	return db.transaction().execute((trx) => recordUpdateIn(trx, author, commitmentId, input, today));
}

/** recordUpdate inside a transaction the caller holds (a decision on a ministry's submission). */
export async function recordUpdateIn(
	trx: Transaction<DB>,
	author: Author,
	commitmentId: number,
	input: UpdateInput,
	today: string
): Promise<number> {
	const actor: Actor = { id: author.id, label: `${author.name} <${author.email}>` };
	{
		const c = await getCommitmentRow(trx, commitmentId);
		if (!c) throw new NotFoundError();
		if (c.version !== input.version) {
			const last = await commitmentLastSaved(trx, c.id);
			throw new StaleRecordError(last.by, last.at);
		}
		const { plan, pending, newEvidence } = await checkRules(trx, c, input, today);
		const reason =
			input.reason ?? (plan.delivery === 'not_pursued' ? input.decision?.note : null) ?? null;

		const before = {
			delivery_status: c.delivery_status,
			procedural_status: c.procedural_status,
			due_on: c.due_on,
			status_reason: c.status_reason,
			version: c.version
		};
		const changes = {
			...(plan.delivery ? { delivery_status: plan.delivery, status_reason: reason } : {}),
			...(plan.procedural ? { procedural_status: plan.procedural } : {}),
			...(input.dueTo !== null
				? {
						due_on: input.dueTo,
						deadline_rule_id: null,
						due_basis: `Set by hand on ${input.updateOn}: ${reason}`.slice(0, 500)
					}
				: {})
		};
		if (!(await updateCommitmentIfVersion(trx, c.id, input.version, author.id, changes))) {
			const last = await commitmentLastSaved(trx, c.id);
			throw new StaleRecordError(last.by, last.at);
		}
		await recordAudit(trx, actor, {
			action: 'commitment.update_recorded',
			entityId: c.id,
			before,
			after: { ...before, ...changes, version: c.version + 1 }
		});

		const evidenceIds: number[] = [];
		for (const item of newEvidence) {
			const id = await insertEvidence(trx, c.id, author.id, item);
			evidenceIds.push(id);
			await recordAudit(trx, actor, {
				action: 'evidence.created',
				entityId: id,
				after: item
			});
		}

		const update = {
			commitmentId: c.id,
			updateOn: input.updateOn,
			deliveryFrom: plan.delivery ? c.delivery_status : null,
			deliveryTo: plan.delivery,
			proceduralFrom: plan.procedural ? c.procedural_status : null,
			proceduralTo: plan.procedural,
			dueFrom: input.dueTo !== null ? c.due_on : null,
			dueTo: input.dueTo,
			reason,
			note: input.note,
			authorId: author.id,
			authorName: author.name
		};
		const updateId = await insertUpdate(trx, update);
		await enqueueChangeAlerts(trx, c.id, {
			key: `update:${updateId}`,
			note: input.note,
			dueFrom: update.dueFrom,
			dueTo: update.dueTo,
			evidence: newEvidence.map((e) => e.title)
		});
		const cited = [...new Set([...evidenceIds, ...input.existingEvidenceIds])];
		await linkUpdateEvidence(trx, updateId, cited);
		await recordAudit(trx, actor, {
			action: 'update.created',
			entityId: updateId,
			after: { ...update, evidenceIds: cited }
		});

		if (input.dueTo !== null) {
			const change = {
				commitmentId: c.id,
				changedOn: input.updateOn,
				fromOn: c.due_on,
				toOn: input.dueTo,
				reason: reason ?? '',
				updateId
			};
			const id = await insertDueDateChange(trx, change);
			await recordAudit(trx, actor, {
				action: 'due_date_change.created',
				entityId: id,
				after: change
			});
		}

		const kind = plan.procedural ? REQUEST_KIND[plan.procedural] : undefined;
		if (kind && !plan.decided) {
			const request = {
				commitmentId: c.id,
				kind,
				requestedOn: input.updateOn,
				requestedUntil: kind === 'extension' ? input.requestedUntil : null,
				reason: reason ?? ''
			};
			const id = await insertRequest(trx, request);
			await recordAudit(trx, actor, {
				action: 'commitment_request.created',
				entityId: id,
				after: request
			});
		}

		if (input.decision && pending) {
			const d = input.decision;
			const decision = {
				decision: d.outcome,
				decidedOn: d.decidedOn,
				grantedUntil: d.outcome === 'granted' ? d.grantedUntil : null,
				note: d.note ?? ''
			};
			if (!(await decideRequestIfPending(trx, pending.id, decision))) {
				const last = await commitmentLastSaved(trx, c.id);
				throw new StaleRecordError(last.by, last.at);
			}
			await recordAudit(trx, actor, {
				action: 'commitment_request.decided',
				entityId: pending.id,
				before: { decision: 'pending' },
				after: decision
			});
		}
		return updateId;
	}
}
