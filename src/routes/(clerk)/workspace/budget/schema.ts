// The budget workspace forms' fields (see validateForm).
import { z } from 'zod';
import { BUDGET_PHASES, ECONOMIC_CLASSES, isFiscalYearLabel } from '$lib/domain';
import { httpUrl, idField, isoDate, optionalText, requiredText } from '$lib/server/form-fields';

export const lineSchema = z.object({
	fiscal_year: z
		.string()
		.trim()
		.refine(isFiscalYearLabel, { message: 'Enter the fiscal year like 2025/26' }),
	// Treasury vote codes are digits, as in the CSV import.
	vote_code: z
		.string()
		.trim()
		.regex(/^\d{1,10}$/, { message: 'Enter the vote code in digits, like 1021' }),
	vote_name: requiredText(300),
	programme: requiredText(300),
	sub_programme: optionalText(300),
	economic_class: z.enum(ECONOMIC_CLASSES)
});

export const figureSchema = z.object({
	budget_line_id: idField(),
	phase: z.enum(BUDGET_PHASES),
	amount: requiredText(40),
	as_of: isoDate(),
	source_title: requiredText(500),
	source_url: httpUrl().optional(),
	replaces: optionalText(64)
});

export const labels = {
	fiscal_year: 'Fiscal year',
	vote_code: 'Vote code',
	vote_name: 'Vote name',
	programme: 'Programme',
	sub_programme: 'Sub-programme',
	economic_class: 'Economic class',
	budget_line_id: 'Budget line',
	phase: 'Phase',
	amount: 'Amount in shillings',
	as_of: 'As-of date',
	source_title: 'Source',
	source_url: 'Source web address'
};
