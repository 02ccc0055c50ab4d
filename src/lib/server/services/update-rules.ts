// The rules of an update that depend on the stored commitment: dates, evidence for a status
// change, reasons, one pending request at a time, and where the committee's decision on a
// request moves the commitment. Read inside recordUpdate's transaction.
import type { Transaction } from 'kysely';
import type { DeliveryStatus, ProceduralStatus } from '../../domain';
import type { Commitment, DB } from '../db/schema';
import {
	countCommitmentEvidence,
	findPendingRequest,
	proceduralBeforeRequest,
	type PendingRequest
} from '../queries/workspace-updates';
import { checkEvidenceDrafts, evidenceKey, type EvidenceDraft } from './evidence';
import { InputError, throwIfErrors } from '../errors';
import { label as statusLabel } from '../../i18n/labels';
import { m } from '../../paraglide/messages';

export interface DecisionInput {
	requestId: number;
	outcome: 'granted' | 'refused';
	decidedOn: string;
	grantedUntil: string | null;
	note: string | null;
}

export interface UpdateInput {
	/** The commitment's version when the form was opened. */
	version: number;
	updateOn: string;
	note: string;
	deliveryTo: DeliveryStatus | null;
	proceduralTo: ProceduralStatus | null;
	dueTo: string | null;
	reason: string | null;
	/** For an extension request: the date the ministry asks for. */
	requestedUntil: string | null;
	decision: DecisionInput | null;
	evidence: EvidenceDraft[];
	/** Evidence already recorded for this commitment, cited again. */
	existingEvidenceIds: number[];
}

export interface Author {
	id: number;
	name: string;
	email: string;
}

/** Requests are recorded by moving the committee process to one of these. */
export const REQUEST_KIND: Partial<Record<ProceduralStatus, 'extension' | 'drop'>> = {
	extension_requested: 'extension',
	drop_requested: 'drop'
};

export interface Plan {
	delivery: DeliveryStatus | null;
	procedural: ProceduralStatus | null;
	/** Where the decision on a request moves the commitment (null without a decision). */
	decided: { procedural: ProceduralStatus; delivery: DeliveryStatus | null } | null;
}

/** What a decision implies: granted extension → extension granted; granted drop → closed. */
async function decisionEffect(
	trx: Transaction<DB>,
	c: Commitment,
	request: PendingRequest,
	outcome: 'granted' | 'refused'
): Promise<NonNullable<Plan['decided']>> {
	if (outcome === 'granted') {
		return request.kind === 'extension'
			? { procedural: 'extension_granted', delivery: null }
			: { procedural: 'closed', delivery: 'not_pursued' };
	}
	// Refused: back to where the process stood before the request.
	const before = (await proceduralBeforeRequest(trx, c.id)) ?? 'under_review';
	return { procedural: before, delivery: null };
}

/** Every rule that depends on the stored commitment; throws InputError listing all problems. */
export async function checkRules(
	trx: Transaction<DB>,
	c: Commitment,
	input: UpdateInput,
	today: string
): Promise<{
	plan: Plan;
	pending: PendingRequest | null;
	newEvidence: ReturnType<typeof checkEvidenceDrafts>;
}> {
	const errors: Record<string, string> = {};
	if (c.visibility === 'withdrawn') {
		throw new InputError({
			note: m.svc_up_withdrawn()
		});
	}
	if (input.updateOn > today) errors.update_on = m.svc_up_date_future();
	else if (input.updateOn < c.given_on) {
		errors.update_on = m.svc_up_date_before();
	}
	if (input.deliveryTo === c.delivery_status) {
		errors.delivery_to = m.svc_up_delivery_already({
			status: statusLabel('delivery', c.delivery_status)
		});
	}
	if (input.proceduralTo === c.procedural_status) {
		errors.procedural_to = m.svc_up_process_already({
			status: statusLabel('procedural', c.procedural_status)
		});
	}
	if (input.proceduralTo === 'extension_granted') {
		errors.procedural_to = m.svc_up_extension_granted();
	}
	if (input.dueTo !== null) {
		if (input.dueTo === c.due_on) errors.due_to = m.svc_up_already_due();
		else if (input.dueTo < c.given_on) {
			errors.due_to = m.svc_up_due_before();
		}
	}

	const pending = await findPendingRequest(trx, c.id);
	const kind = input.proceduralTo ? REQUEST_KIND[input.proceduralTo] : undefined;
	if (kind && pending) {
		errors.procedural_to = (
			pending.kind === 'extension' ? m.svc_up_extension_waiting : m.svc_up_drop_waiting
		)();
	}
	if (kind === 'extension') {
		if (!input.requestedUntil) errors.requested_until = m.svc_up_enter_requested_until();
		else if (input.requestedUntil < input.updateOn) {
			errors.requested_until = m.svc_up_requested_after();
		}
	} else if (input.requestedUntil) {
		errors.requested_until = m.svc_up_requested_empty();
	}

	let decided: Plan['decided'] = null;
	if (input.decision) {
		const d = input.decision;
		if (!pending || pending.id !== d.requestId) {
			errors.decision = m.svc_up_no_request();
		} else {
			if (d.decidedOn > today) errors.decided_on = m.svc_up_decision_future();
			else if (d.decidedOn < pending.requestedOn) {
				errors.decided_on = m.svc_up_decision_before();
			}
			if (pending.kind === 'extension' && d.outcome === 'granted') {
				if (!d.grantedUntil) errors.granted_until = m.svc_up_enter_granted_until();
				else if (d.grantedUntil < d.decidedOn) {
					errors.granted_until = m.svc_up_granted_after();
				}
			} else if (d.grantedUntil) {
				errors.granted_until = m.svc_up_granted_empty();
			}
			if (!d.note) errors.decision_note = m.svc_up_enter_decision();
			const effect = await decisionEffect(trx, c, pending, d.outcome);
			decided = effect;
			if (input.proceduralTo && input.proceduralTo !== effect.procedural) {
				errors.procedural_to = m.svc_up_decision_moves({
					status: statusLabel('procedural', effect.procedural)
				});
			}
			if (effect.delivery && input.deliveryTo && input.deliveryTo !== effect.delivery) {
				errors.delivery_to = m.svc_up_drop_makes({
					status: statusLabel('delivery', effect.delivery)
				});
			}
		}
	}

	const delivery = decided?.delivery ?? input.deliveryTo;
	const procedural = decided?.procedural ?? input.proceduralTo;
	const plan: Plan = {
		delivery: delivery !== c.delivery_status ? delivery : null,
		procedural: procedural !== c.procedural_status ? procedural : null,
		decided
	};

	const newEvidence = checkEvidenceDrafts(input.evidence, today, errors);
	const existing = [...new Set(input.existingEvidenceIds)];
	if ((await countCommitmentEvidence(trx, c.id, existing)) !== existing.length) {
		errors.existing_evidence = m.svc_select_evidence();
	}
	const citesEvidence = input.evidence.length + existing.length > 0;
	if ((plan.delivery || plan.procedural) && !citesEvidence) {
		errors[evidenceKey('type', 1)] = m.svc_up_evidence_needed();
	}
	const needsReason =
		plan.delivery === 'not_pursued'
			? m.svc_up_reason_not_pursued()
			: input.dueTo !== null
				? m.svc_up_reason_due()
				: kind
					? (kind === 'extension' ? m.svc_up_reason_extension : m.svc_up_reason_drop)()
					: null;
	if (needsReason && !input.reason && !(plan.delivery === 'not_pursued' && input.decision?.note)) {
		errors.reason = needsReason;
	}
	throwIfErrors(errors);
	return { plan, pending, newEvidence };
}
