// Overdue is derived on every read, never stored: it changes at midnight without anyone
// writing to the database.
import { daysBetween, isIsoDate } from './dates';
import { isDeliveryClosed, type DeliveryStatus } from './status';

export interface OverdueInput {
	dueOn: string | null;
	deliveryStatus: DeliveryStatus;
	/** The until-dates of extensions the committee granted (pending or refused ones excluded). */
	grantedExtensionsUntil?: ReadonlyArray<string>;
}

/**
 * The date the commitment must be met by: the due date, or a later granted extension; null
 * without a (valid) due date. ISO dates compare correctly as strings.
 */
export function effectiveDeadline(c: OverdueInput): string | null {
	if (c.dueOn === null || !isIsoDate(c.dueOn)) return null;
	let deadline = c.dueOn;
	for (const until of c.grantedExtensionsUntil ?? []) {
		if (isIsoDate(until) && until > deadline) deadline = until;
	}
	return deadline;
}

/**
 * Due date passed (due today is not yet overdue), delivery still open, and no granted extension
 * running to today or later. A commitment without a due date is never overdue.
 */
export function isOverdue(c: OverdueInput, today: string): boolean {
	if (!isIsoDate(today)) throw new RangeError(`isOverdue: today is not an ISO date: ${today}`);
	if (isDeliveryClosed(c.deliveryStatus)) return false;
	const deadline = effectiveDeadline(c);
	return deadline !== null && deadline < today;
}

/**
 * Whole days since the deadline when overdue, else null. When a granted extension has run out,
 * days count from the end of the extension: that is the date the committee last accepted.
 */
export function daysOverdue(c: OverdueInput, today: string): number | null {
	if (!isOverdue(c, today)) return null;
	const deadline = effectiveDeadline(c);
	return deadline === null ? null : daysBetween(deadline, today);
}
