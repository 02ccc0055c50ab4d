// The reference-list forms of the workspace. Field names carry their form's prefix, so that
// several forms on one page keep distinct ids and error links.
import { z } from 'zod';
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

export const organisationKindLabel: Record<(typeof ORGANISATION_KINDS)[number], string> = {
	ministry: 'Ministry',
	state_department: 'State Department',
	agency: 'Agency',
	treasury: 'Treasury',
	committee: 'Committee',
	parliament: 'Parliament',
	other: 'Other'
};

export const personSchema = z.object({ person_name: text(200) });

export const officeSchema = z.object({
	office_title: text(200),
	office_organisation_id: idField('the organisation')
});

export const organisationSchema = z.object({
	organisation_name: text(200),
	organisation_short_name: optionalText(100),
	organisation_kind: z.enum(ORGANISATION_KINDS, { error: 'Select the kind of organisation' })
});

export const holdingSchema = z.object({
	holding_person_id: idField('the person'),
	holding_office_id: idField('the office'),
	holding_start_on: isoDate()
});

export const retireSchema = z.object({
	retire_kind: z.enum(['person', 'office', 'organisation'], { error: 'Check what to retire' }),
	retire_id: idField('a row to retire')
});

export const mergeSchema = z.object({
	merge_kind: z.enum(['person', 'organisation'], { error: 'Check what to merge' }),
	merge_from_id: idField('the duplicate'),
	merge_into_id: idField('the record to keep')
});

export const referenceLabels: Record<string, string> = {
	person_name: 'Full name',
	office_title: 'Office title',
	office_organisation_id: 'Organisation',
	organisation_name: 'Name',
	organisation_short_name: 'Short name',
	organisation_kind: 'Kind',
	holding_person_id: 'Person',
	holding_office_id: 'Office',
	holding_start_on: 'Holds the office from'
};
