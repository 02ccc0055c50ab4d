// The commitment form: what was undertaken, the verbatim quote and its source, who is
// responsible, and how the due date was set (a deadline rule, by hand, or not yet).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FieldLabel } from './validation';
import { COMMITMENT_TYPES } from '../../domain';
import {
	idField,
	isoDate,
	optionalId,
	optionalText,
	optionalUrl,
	text,
	versionField
} from './fields';

export const DUE_MODES = ['rule', 'hand', 'none'] as const;
const MAX_TAGS = 20;

const tagsField = z
	.string()
	.max(1000)
	.optional()
	.transform((v) =>
		[...new Set((v ?? '').split(',').map((t) => t.trim().replace(/\s+/g, ' ')))].filter(Boolean)
	)
	.refine((tags) => tags.length <= MAX_TAGS, {
		error: () => m.v_tags_max({ max: String(MAX_TAGS) })
	})
	.refine((tags) => tags.every((t) => t.length <= 60), { error: () => m.v_tag_length() });

export const detailFields = {
	title: text(200),
	summary: text(2000),
	quote: text(5000),
	quote_source_title: text(300),
	quote_source_url: optionalUrl(),
	quote_source_locator: optionalText(200),
	organisation_id: idField(m.f_the_organisation),
	office_id: idField(m.f_the_lead_office),
	person_id: optionalId(m.f_the_person),
	type: z.enum(COMMITMENT_TYPES, { error: () => m.v_select_commitment_type() }),
	tags: tagsField,
	measurable_target: optionalText(1000)
};

const dueFields = {
	given_on: isoDate(),
	due_mode: z.enum(DUE_MODES, { error: () => m.v_choose_due_mode() }),
	deadline_rule_id: optionalId(m.f_a_deadline_rule),
	due_on: isoDate().optional(),
	due_basis: optionalText(500)
};

export const newCommitmentSchema = z.object({ ...detailFields, ...dueFields });

/** The sitting page's form: "Who gave it" (`personId:officeId` of an appearance, or `other`). */
export const sittingCommitmentSchema = newCommitmentSchema.extend({ giver: optionalText(40) });

/**
 * Applies "Who gave it" to the posted form before it is validated: a pair fills the person and
 * the lead office when their own fields are left empty. The pair must be one of the sitting's
 * appearances, and fields filled in as well must agree with it (else an error on `giver`).
 */
export function withGiver(
	formData: FormData,
	appearances: { personId: number; officeId: number }[]
): { formData: FormData; errors: Record<string, string> } {
	const giver = formData.get('giver');
	if (typeof giver !== 'string' || giver === '' || giver === 'other') {
		return { formData, errors: {} };
	}
	const match = /^(\d{1,12}):(\d{1,12})$/.exec(giver);
	const pair = match
		? appearances.find((a) => a.personId === Number(match[1]) && a.officeId === Number(match[2]))
		: undefined;
	if (!pair) return { formData, errors: { giver: m.v_giver_not_appeared() } };
	const filled = new FormData();
	for (const [key, value] of formData) filled.append(key, value);
	const errors: Record<string, string> = {};
	for (const [field, id] of [
		['person_id', pair.personId],
		['office_id', pair.officeId]
	] as const) {
		const typed = formData.get(field);
		if (typeof typed === 'string' && typed !== '' && typed !== String(id)) {
			errors.giver = m.v_giver_disagrees();
		} else filled.set(field, String(id));
	}
	return { formData: Object.keys(errors).length ? formData : filled, errors };
}

/** The edit form; the date and due fields are used only while the record is a draft. */
export const editCommitmentSchema = z.object({
	...detailFields,
	given_on: dueFields.given_on.optional(),
	due_mode: dueFields.due_mode.optional(),
	deadline_rule_id: dueFields.deadline_rule_id,
	due_on: dueFields.due_on,
	due_basis: dueFields.due_basis,
	version: versionField()
});

export const publishSchema = z.object({ version: versionField() });
export const withdrawSchema = z.object({ reason: text(2000), version: versionField() });

export const commitmentLabels: Record<string, FieldLabel> = {
	title: m.f_title,
	summary: m.f_summary,
	quote: m.f_quote,
	quote_source_title: m.f_quote_source_title,
	quote_source_url: m.f_quote_source_url,
	quote_source_locator: m.f_source_locator,
	organisation_id: m.f_organisation,
	office_id: m.f_lead_office,
	person_id: m.f_person,
	type: m.f_type,
	tags: m.f_tags,
	measurable_target: m.f_target,
	given_on: m.f_given_on,
	due_mode: m.f_due_mode,
	deadline_rule_id: m.f_deadline_rule,
	due_on: m.f_due_date,
	due_basis: m.f_due_basis,
	reason: m.f_withdraw_reason,
	giver: m.f_giver,
	version: m.f_version
};

type DueInput =
	| { mode: 'rule'; ruleId: number }
	| { mode: 'hand'; dueOn: string; basis: string }
	| { mode: 'none' };

/**
 * The errors of the due-date fields from the raw values, for a form that failed elsewhere too,
 * so that every problem shows at once.
 */
export function dueErrorsOf(values: Record<string, unknown>): Record<string, string> {
	const mode = values.due_mode;
	if (mode !== 'rule' && mode !== 'hand') return {};
	const result = dueOf({
		due_mode: mode,
		deadline_rule_id: values.deadline_rule_id === undefined ? undefined : 1,
		due_on: values.due_on === undefined ? undefined : 'present',
		due_basis: values.due_basis === undefined ? null : 'present'
	});
	return result.errors;
}

/** The due-date choice, or the errors of its fields (a rule or a date with its reason). */
export function dueOf(data: {
	due_mode?: (typeof DUE_MODES)[number];
	deadline_rule_id?: number;
	due_on?: string;
	due_basis?: string | null;
}): { due?: DueInput; errors: Record<string, string> } {
	switch (data.due_mode) {
		case undefined:
			return { errors: {} };
		case 'none':
			return { due: { mode: 'none' }, errors: {} };
		case 'rule':
			return data.deadline_rule_id === undefined
				? { errors: { deadline_rule_id: m.v_select_deadline_rule() } }
				: { due: { mode: 'rule', ruleId: data.deadline_rule_id }, errors: {} };
		case 'hand': {
			const errors: Record<string, string> = {};
			if (!data.due_on) errors.due_on = m.v_enter_due_date();
			if (!data.due_basis) errors.due_basis = m.v_enter_due_basis();
			if (!data.due_on || !data.due_basis) return { errors };
			return { due: { mode: 'hand', dueOn: data.due_on, basis: data.due_basis }, errors };
		}
	}
}

/** The parsed form as the service's input. */
export function detailsOf(d: z.output<typeof newCommitmentSchema | typeof editCommitmentSchema>) {
	return {
		title: d.title,
		summary: d.summary,
		quote: d.quote,
		quoteSourceTitle: d.quote_source_title,
		quoteSourceUrl: d.quote_source_url,
		quoteSourceLocator: d.quote_source_locator,
		organisationId: d.organisation_id,
		officeId: d.office_id,
		personId: d.person_id ?? null,
		type: d.type,
		tags: d.tags,
		measurableTarget: d.measurable_target
	};
}
