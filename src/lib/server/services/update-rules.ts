// The rules of an update that depend on the stored commitment: dates, evidence for a status
// change, reasons, one pending request at a time, and where the committee's decision on a
// request moves the commitment. Read inside recordUpdate's transaction.
import type { Transaction } from 'kysely';
import {
	deliveryStatusLabel,
	proceduralStatusLabel,
	type DeliveryStatus,
	type ProceduralStatus
} from '../../domain';
import type { Commitment, DB } from '../db/schema';
import {
	countCommitmentEvidence,
	findPendingRequest,
	proceduralBeforeRequest,
	type PendingRequest
} from '../queries/workspace-updates';
import { checkEvidenceDrafts, evidenceKey, type EvidenceDraft } from './evidence';
import { InputError, throwIfErrors } from './workspace-errors';

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
			note: 'This commitment has been withdrawn; it no longer takes updates'
		});
	}
	if (input.updateOn > today) errors.update_on = 'The date of the update cannot be in the future';
	else if (input.updateOn < c.given_on) {
		errors.update_on = 'The date of the update cannot be before the commitment was given';
	}
	if (input.deliveryTo === c.delivery_status) {
		errors.delivery_to = `The delivery status is already ${deliveryStatusLabel[c.delivery_status]}; choose “No change”`;
	}
	if (input.proceduralTo === c.procedural_status) {
		errors.procedural_to = `The committee process is already at ${proceduralStatusLabel[c.procedural_status]}; choose “No change”`;
	}
	if (input.proceduralTo === 'extension_granted') {
		errors.procedural_to =
			'An extension is granted by recording the committee’s decision on the request';
	}
	if (input.dueTo !== null) {
		if (input.dueTo === c.due_on) errors.due_to = 'This is already the due date';
		else if (input.dueTo < c.given_on) {
			errors.due_to = 'The due date cannot be before the commitment was given';
		}
	}

	const pending = await findPendingRequest(trx, c.id);
	const kind = input.proceduralTo ? REQUEST_KIND[input.proceduralTo] : undefined;
	if (kind && pending) {
		errors.procedural_to = `A${pending.kind === 'extension' ? 'n extension' : ' drop'} request is already waiting for the committee’s decision; record that decision first`;
	}
	if (kind === 'extension') {
		if (!input.requestedUntil)
			errors.requested_until = 'Enter the date the extension is asked until';
		else if (input.requestedUntil < input.updateOn) {
			errors.requested_until = 'The extension must be asked until a date after the update';
		}
	} else if (input.requestedUntil) {
		errors.requested_until =
			'Leave this empty unless the committee process moves to “Extension requested”';
	}

	let decided: Plan['decided'] = null;
	if (input.decision) {
		const d = input.decision;
		if (!pending || pending.id !== d.requestId) {
			errors.decision = 'There is no request waiting for a decision; reload the page';
		} else {
			if (d.decidedOn > today) errors.decided_on = 'The decision date cannot be in the future';
			else if (d.decidedOn < pending.requestedOn) {
				errors.decided_on = 'The decision date cannot be before the request was made';
			}
			if (pending.kind === 'extension' && d.outcome === 'granted') {
				if (!d.grantedUntil)
					errors.granted_until = 'Enter the date the extension was granted until';
				else if (d.grantedUntil < d.decidedOn) {
					errors.granted_until = 'The extension must run to a date after the decision';
				}
			} else if (d.grantedUntil) {
				errors.granted_until = 'Only a granted extension runs until a date; leave this empty';
			}
			if (!d.note) errors.decision_note = 'Enter the committee’s decision as minuted';
			const effect = await decisionEffect(trx, c, pending, d.outcome);
			decided = effect;
			if (input.proceduralTo && input.proceduralTo !== effect.procedural) {
				errors.procedural_to = `The decision moves the committee process to ${proceduralStatusLabel[effect.procedural]}; choose “No change”`;
			}
			if (effect.delivery && input.deliveryTo && input.deliveryTo !== effect.delivery) {
				errors.delivery_to = `A granted drop request makes the delivery status ${deliveryStatusLabel[effect.delivery]}; choose “No change”`;
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
		errors.existing_evidence = 'Select evidence from the list';
	}
	const citesEvidence = input.evidence.length + existing.length > 0;
	if ((plan.delivery || plan.procedural) && !citesEvidence) {
		errors[evidenceKey('type', 1)] =
			'A change of status needs at least one evidence item: add one, or cite one already recorded';
	}
	const needsReason =
		plan.delivery === 'not_pursued'
			? 'Enter why the commitment is not being pursued'
			: input.dueTo !== null
				? 'Enter why the due date changes'
				: kind
					? `Enter the reason given for the ${kind} request`
					: null;
	if (needsReason && !input.reason && !(plan.delivery === 'not_pursued' && input.decision?.note)) {
		errors.reason = needsReason;
	}
	throwIfErrors(errors);
	return { plan, pending, newEvidence };
}
