// Deadline rules are data (e.g. "Standing Order 201: report within 60 days"), so the due date a
// rule gives is computed here rather than hard-coded anywhere.
import { addDays, addMonths } from './dates';

export interface DeadlineRule {
	unit: 'days' | 'months';
	amount: number;
}

/** The due date a rule gives for an undertaking made on `givenOn`. */
export function applyDeadlineRule(givenOn: string, rule: DeadlineRule): string {
	if (!Number.isInteger(rule.amount) || rule.amount <= 0) {
		throw new RangeError(`A deadline rule needs a positive whole amount, got ${rule.amount}`);
	}
	if (rule.unit === 'days') return addDays(givenOn, rule.amount);
	if (rule.unit === 'months') return addMonths(givenOn, rule.amount);
	throw new RangeError(`Unknown deadline rule unit: ${String(rule.unit)}`);
}
