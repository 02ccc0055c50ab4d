// The funding link forms' fields (see validateForm); the share is read by readShare.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { idField, optionalText, text } from '$lib/server/forms/fields';

const share = {
	share_kind: z.enum(['percent', 'amount']),
	share_percent: optionalText(20),
	share_amount: optionalText(40),
	basis: z.enum(['earmarked', 'indicative']),
	note: optionalText(2000)
};

export const addSchema = z.object({ budget_line_id: idField(), ...share });
export const editSchema = z.object({ link_id: idField(), stamp: text(300), ...share });
export const removeSchema = z.object({ link_id: idField() });

export const labels = {
	budget_line_id: m.fl_col_line,
	share_kind: m.fl_label_share,
	share_percent: m.fl_label_percent,
	share_amount: m.fl_label_amount,
	basis: m.fl_basis,
	note: m.fl_label_note
};
