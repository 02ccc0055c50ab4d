// The budget workspace forms' fields (see validateForm).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { BUDGET_PHASES, ECONOMIC_CLASSES, isFiscalYearLabel } from '$lib/domain';
import { httpUrl, idField, isoDate, optionalText, text } from '$lib/server/forms/fields';

export const lineSchema = z.object({
	fiscal_year: z
		.string()
		.trim()
		.refine(isFiscalYearLabel, { error: () => m.bf_v_fiscal_year() }),
	// Treasury vote codes are digits, as in the CSV import.
	vote_code: z
		.string()
		.trim()
		.regex(/^\d{1,10}$/, { error: () => m.bf_v_vote_code() }),
	vote_name: text(300),
	programme: text(300),
	sub_programme: optionalText(300),
	economic_class: z.enum(ECONOMIC_CLASSES)
});

export const figureSchema = z.object({
	budget_line_id: idField(),
	phase: z.enum(BUDGET_PHASES),
	amount: text(40),
	as_of: isoDate(),
	source_title: text(500),
	source_url: httpUrl().optional(),
	replaces: optionalText(64)
});

export const labels = {
	fiscal_year: m.fl_fiscal_year,
	vote_code: m.bf_vote_code,
	vote_name: m.bf_vote_name,
	programme: m.bf_programme,
	sub_programme: m.bf_sub_programme,
	economic_class: m.bf_economic_class,
	budget_line_id: m.fl_col_line,
	phase: m.bf_phase,
	amount: m.fl_label_amount,
	as_of: m.bf_as_of,
	source_title: m.bf_source,
	source_url: m.f_source_url
};
