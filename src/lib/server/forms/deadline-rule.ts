// The deadline rule form (admins).
import { z } from 'zod';
import { idField, optionalText, text } from './fields';

export const ruleFields = {
	name: text(120),
	description: text(1000),
	unit: z.enum(['days', 'months'], { error: 'Select days or months' }),
	amount: z
		.string({ error: 'Enter the number of days or months' })
		.regex(/^\d{1,4}$/, 'Enter the amount as a whole number, like 60')
		.transform(Number)
		.refine((n) => n >= 1 && n <= 3650, 'Enter an amount from 1 to 3650'),
	authority: optionalText(300)
};

export const addRuleSchema = z.object(ruleFields);
export const editRuleSchema = z.object({ rule_id: idField('a rule'), ...ruleFields });
export const ruleIdSchema = z.object({ rule_id: idField('a rule') });

export const ruleLabels: Record<string, string> = {
	name: 'Name',
	description: 'Description',
	unit: 'Unit',
	amount: 'Amount',
	authority: 'Authority'
};
