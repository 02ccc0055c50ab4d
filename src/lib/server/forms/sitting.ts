// The sitting form: when, which committee, the subject, the source, and who appeared.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FieldLabel } from './validation';
import {
	idField,
	isoDate,
	optionalId,
	optionalText,
	optionalUrl,
	text,
	versionField
} from './fields';

/** Rows of person + office on the form; empty rows are ignored, at least one is needed. */
export const APPEARANCE_ROWS = 4;

const appearanceFields: Record<string, z.ZodType> = {};
for (let i = 0; i < APPEARANCE_ROWS; i++) {
	appearanceFields[`appearance_person_${i}`] = optionalId(m.f_the_person);
	appearanceFields[`appearance_office_${i}`] = optionalId(m.f_the_office);
}

const common = {
	sat_on: isoDate(),
	subject: text(500),
	source_title: text(300),
	source_url: optionalUrl(),
	source_locator: optionalText(200),
	...appearanceFields
};

export const newSittingSchema = z.object({ committee_id: idField(m.f_the_committee), ...common });
export const editSittingSchema = z.object({ ...common, version: versionField() });

export const sittingLabels: Record<string, FieldLabel> = {
	committee_id: m.f_committee,
	sat_on: m.f_sat_on,
	subject: m.f_subject,
	source_title: m.f_source_title,
	source_url: m.f_source_url,
	source_locator: m.f_source_locator,
	version: m.f_version
};

type Parsed = Record<string, unknown>;

/**
 * Pairs the person and office of each filled row. A row with only one of the two is an error
 * on that field; no row at all is an error on the first.
 */
export function appearancesOf(data: Parsed): {
	appearances: { personId: number; officeId: number }[];
	errors: Record<string, string>;
} {
	const appearances: { personId: number; officeId: number }[] = [];
	const errors: Record<string, string> = {};
	for (let i = 0; i < APPEARANCE_ROWS; i++) {
		// Parsed ids, or the raw strings when the rest of the form failed (presence is enough).
		const personId = data[`appearance_person_${i}`] as number | undefined;
		const officeId = data[`appearance_office_${i}`] as number | undefined;
		if (personId === undefined && officeId === undefined) continue;
		if (personId === undefined) errors[`appearance_person_${i}`] = m.v_select_who_appeared();
		else if (officeId === undefined)
			errors[`appearance_office_${i}`] = m.v_select_office_appeared();
		else appearances.push({ personId, officeId });
	}
	if (appearances.length === 0 && Object.keys(errors).length === 0) {
		errors.appearance_person_0 = m.v_select_one_appeared();
	}
	return { appearances, errors };
}

/** The service's errors as the form shows them: one on the appearances goes by the first row. */
export function sittingFormErrors(errors: Record<string, string>): Record<string, string> {
	const { appearances, ...rest } = errors;
	return appearances === undefined ? rest : { ...rest, appearance_person_0: appearances };
}
