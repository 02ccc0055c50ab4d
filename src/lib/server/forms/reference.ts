// The reference-list forms of the workspace. Field names carry their form's prefix, so that
// several forms on one page keep distinct ids and error links.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FieldLabel } from './validation';
import { idField, isoDate, optionalText, text } from './fields';

export const ORGANISATION_KINDS = [
	'ministry',
	'state_department',
	'agency',
	'treasury',
	'committee',
	'parliament',
	'other'
] as const;

/** Kind names as message functions: call them while answering a request. */
export const organisationKindLabel: Record<(typeof ORGANISATION_KINDS)[number], () => string> = {
	ministry: m.org_kind_ministry,
	state_department: m.org_kind_state_department,
	agency: m.org_kind_agency,
	treasury: m.org_kind_treasury,
	committee: m.org_kind_committee,
	parliament: m.org_kind_parliament,
	other: m.org_kind_other
};

export const personSchema = z.object({ person_name: text(200) });

export const officeSchema = z.object({
	office_title: text(200),
	office_organisation_id: idField(m.rf_the_organisation)
});

export const organisationSchema = z.object({
	organisation_name: text(200),
	organisation_short_name: optionalText(100),
	organisation_kind: z.enum(ORGANISATION_KINDS, { error: () => m.rf_select_kind() })
});

export const holdingSchema = z.object({
	holding_person_id: idField(m.f_the_person),
	holding_office_id: idField(m.f_the_office),
	holding_start_on: isoDate()
});

export const retireSchema = z.object({
	retire_kind: z.enum(['person', 'office', 'organisation'], { error: () => m.rf_check_retire() }),
	retire_id: idField(m.rf_row_to_retire)
});

export const mergeSchema = z.object({
	merge_kind: z.enum(['person', 'organisation'], { error: () => m.rf_check_merge() }),
	merge_from_id: idField(m.rf_the_duplicate),
	merge_into_id: idField(m.rf_the_record_to_keep)
});

export const referenceLabels: Record<string, FieldLabel> = {
	person_name: m.rf_full_name,
	office_title: m.rf_office_title,
	office_organisation_id: m.rf_organisation,
	organisation_name: m.rf_name,
	organisation_short_name: m.rf_short_name,
	organisation_kind: m.rf_kind,
	holding_person_id: m.rf_person,
	holding_office_id: m.rf_office,
	holding_start_on: m.rf_holds_from
};
