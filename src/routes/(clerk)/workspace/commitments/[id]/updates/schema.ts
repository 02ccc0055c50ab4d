// The update form's fields (see validateForm). The rules that depend on the stored commitment
// (evidence for a status change, reasons, dates) are checked by recordUpdate.
import { z } from 'zod';
import { DELIVERY_STATUSES, PROCEDURAL_STATUSES } from '$lib/domain';
import {
	idField,
	isoDate,
	optionalText,
	requiredText,
	versionField
} from '$lib/server/form-fields';
import { evidenceFields, evidenceLabels } from '$lib/server/services/evidence';

export const EVIDENCE_SLOTS = 3;

export const updateSchema = z.object({
	version: versionField(),
	update_on: isoDate(),
	note: requiredText(5000),
	delivery_to: z.enum(DELIVERY_STATUSES).optional(),
	procedural_to: z.enum(PROCEDURAL_STATUSES).optional(),
	due_to: isoDate().optional(),
	reason: optionalText(2000),
	requested_until: isoDate().optional(),
	request_id: idField().optional(),
	decision: z.enum(['granted', 'refused']).optional(),
	decided_on: isoDate().optional(),
	granted_until: isoDate().optional(),
	decision_note: optionalText(2000),
	existing_evidence: z.array(idField()).max(50).default([]),
	...evidenceFields(EVIDENCE_SLOTS)
});

export const labels = {
	update_on: 'Date of the update',
	note: 'What happened',
	delivery_to: 'New delivery status',
	procedural_to: 'New committee process status',
	due_to: 'New due date',
	reason: 'Reason',
	requested_until: 'Extension asked until',
	decision: 'Decision',
	decided_on: 'Date of the decision',
	granted_until: 'Extension granted until',
	decision_note: 'The committee’s decision',
	existing_evidence: 'Evidence already recorded',
	...evidenceLabels(EVIDENCE_SLOTS)
};
