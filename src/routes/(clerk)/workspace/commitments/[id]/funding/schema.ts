// The funding link forms' fields (see validateForm); the share is read by readShare.
import { z } from 'zod';
import { idField, optionalText, requiredText } from '$lib/server/form-fields';

const share = {
	share_kind: z.enum(['percent', 'amount']),
	share_percent: optionalText(20),
	share_amount: optionalText(40),
	basis: z.enum(['earmarked', 'indicative']),
	note: optionalText(2000)
};

export const addSchema = z.object({ budget_line_id: idField(), ...share });
export const editSchema = z.object({ link_id: idField(), stamp: requiredText(300), ...share });
export const removeSchema = z.object({ link_id: idField() });

export const labels = {
	budget_line_id: 'Budget line',
	share_kind: 'Share',
	share_percent: 'Percentage of the line',
	share_amount: 'Amount in shillings',
	basis: 'Basis',
	note: 'Note'
};
