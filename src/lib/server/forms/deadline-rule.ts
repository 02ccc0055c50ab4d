// The deadline rule form (admins).
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import type { FieldLabel } from './validation';
import { idField, optionalText, text } from './fields';

export const ruleFields = {
	name: text(120),
	description: text(1000),
	unit: z.enum(['days', 'months'], { error: () => m.dr_v_unit() }),
	amount: z
		.string({ error: () => m.dr_v_amount_missing() })
		.regex(/^\d{1,4}$/, { error: () => m.dr_v_amount_whole() })
		.transform(Number)
		.refine((n) => n >= 1 && n <= 3650, { error: () => m.dr_v_amount_range() }),
	authority: optionalText(300)
};

export const addRuleSchema = z.object(ruleFields);
export const editRuleSchema = z.object({ rule_id: idField(m.dr_a_rule), ...ruleFields });
export const ruleIdSchema = z.object({ rule_id: idField(m.dr_a_rule) });

export const ruleLabels: Record<string, FieldLabel> = {
	name: m.dr_name,
	description: m.dr_description,
	unit: m.dr_unit,
	amount: m.dr_amount,
	authority: m.dr_authority
};
