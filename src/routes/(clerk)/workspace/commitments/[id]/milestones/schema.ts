// The milestone forms' fields (see validateForm).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { MILESTONE_STATUSES } from '$lib/domain';
import { idField, isoDate, text, versionField, wholeNumber } from '$lib/server/forms/fields';
import { evidenceFields, evidenceLabels } from '$lib/server/services/evidence';

const plan = {
	title: text(200),
	planned_on: isoDate(),
	weight: wholeNumber(1, 100)
};

export const addSchema = z.object(plan);

export const editSchema = z.object({
	...plan,
	milestone_id: idField(),
	version: versionField()
});

export const markSchema = z.object({
	milestone_id: idField(),
	version: versionField(),
	status: z.enum(MILESTONE_STATUSES),
	actual_on: isoDate().optional(),
	existing_evidence: idField().optional(),
	...evidenceFields(1)
});

export const labels = {
	title: m.ml_col_milestone,
	planned_on: m.ml_planned_date,
	weight: m.ml_col_weight,
	status: m.ml_col_outcome,
	actual_on: m.ml_actual_date,
	existing_evidence: m.ml_recorded_evidence,
	...evidenceLabels(1)
};
