// When a deadline reminder is due: 14 and 3 days before the deadline, on the day, then every
// seven days while overdue. `deadline` is the effective deadline (granted extensions included).
import { addDays, daysBetween, isIsoDate } from './dates';

export type ReminderStage =
	{ kind: 'before'; days: number } | { kind: 'due' } | { kind: 'overdue'; days: number };

/**
 * MPs hear of an announced sitting of their committee this many days before it: time to read
 * the briefing pack. A sitting announced later than that (or a pass missed) is still noted on a
 * later day before it.
 */
export const SITTING_NOTE_LEAD_DAYS = 3;

/** Days before the deadline on which a reminder goes out. */
export const REMINDER_DAYS_BEFORE: readonly number[] = [14, 3];

export function reminderStage(deadline: string, today: string): ReminderStage | null {
	if (!isIsoDate(deadline) || !isIsoDate(today)) {
		throw new RangeError(`reminderStage: not ISO dates: ${deadline}, ${today}`);
	}
	const left = daysBetween(today, deadline);
	if (REMINDER_DAYS_BEFORE.includes(left)) return { kind: 'before', days: left };
	if (left === 0) return { kind: 'due' };
	if (left < 0 && -left % 7 === 0) return { kind: 'overdue', days: -left };
	return null;
}

/** A stable name for the stage, for dedupe keys and tests: 'before-14', 'due', 'overdue-21'. */
export function stageCode(stage: ReminderStage): string {
	if (stage.kind === 'before') return `before-${stage.days}`;
	if (stage.kind === 'due') return 'due';
	return `overdue-${stage.days}`;
}

/** The Monday (ISO week start) of the week holding `date`. */
export function weekStart(date: string): string {
	// 1 January 2024 was a Monday.
	const sinceMonday = ((daysBetween('2024-01-01', date) % 7) + 7) % 7;
	return addDays(date, -sinceMonday);
}

export function isMonday(date: string): boolean {
	return weekStart(date) === date;
}

/** Digest choices a user may make. */
export const DIGEST_FREQUENCIES = ['instant', 'daily', 'weekly', 'none'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** Whether a scheduled digest of `frequency` goes out on `date` (weekly ones on Mondays). */
export function digestDueOn(frequency: DigestFrequency, date: string): boolean {
	if (frequency === 'daily') return true;
	if (frequency === 'weekly') return isMonday(date);
	return false;
}
