// The update form's fields (see validateForm). The rules that depend on the stored commitment
// (evidence for a status change, reasons, dates) are checked by recordUpdate.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { DELIVERY_STATUSES, PROCEDURAL_STATUSES } from '$lib/domain';
import { idField, isoDate, optionalText, text, versionField } from '$lib/server/forms/fields';
import { evidenceFields, evidenceLabels } from '$lib/server/services/evidence';

export const EVIDENCE_SLOTS = 3;

export const updateSchema = z.object({
	version: versionField(),
	update_on: isoDate(),
	note: text(5000),
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
	update_on: m.up_date,
	note: m.up_note,
	delivery_to: m.up_delivery_to,
	procedural_to: m.up_procedural_to,
	due_to: m.up_due_to,
	reason: m.up_reason,
	requested_until: m.up_requested_until,
	decision: m.up_decision,
	decided_on: m.up_decided_on,
	granted_until: m.up_granted_until,
	decision_note: m.up_decision_note,
	existing_evidence: m.up_existing,
	...evidenceLabels(EVIDENCE_SLOTS)
};
