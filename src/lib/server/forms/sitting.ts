// The sitting form: when, which committee, the subject, the source, and who appeared.
import { z } from 'zod';
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
	appearanceFields[`appearance_person_${i}`] = optionalId('the person');
	appearanceFields[`appearance_office_${i}`] = optionalId('the office');
}

const common = {
	sat_on: isoDate(),
	subject: text(500),
	source_title: text(300),
	source_url: optionalUrl(),
	source_locator: optionalText(200),
	...appearanceFields
};

export const newSittingSchema = z.object({ committee_id: idField('the committee'), ...common });
export const editSittingSchema = z.object({ ...common, version: versionField() });

export const sittingLabels: Record<string, string> = {
	committee_id: 'Committee',
	sat_on: 'Date of the sitting',
	subject: 'Subject',
	source_title: 'Source title',
	source_url: 'Source web address',
	source_locator: 'Page, paragraph or time',
	version: 'Version'
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
		if (personId === undefined) errors[`appearance_person_${i}`] = 'Select who appeared';
		else if (officeId === undefined)
			errors[`appearance_office_${i}`] = 'Select the office they appeared in';
		else appearances.push({ personId, officeId });
	}
	if (appearances.length === 0 && Object.keys(errors).length === 0) {
		errors.appearance_person_0 = 'Select at least one person who appeared';
	}
	return { appearances, errors };
}
