import { describe, expect, it } from 'vitest';
import { digestDueOn, isMonday, reminderStage, stageCode, weekStart } from '$lib/domain/reminders';

describe('reminderStage', () => {
	it.each([
		['2027-03-31', '2027-03-17', 'before-14'],
		['2027-03-31', '2027-03-28', 'before-3'],
		['2027-03-31', '2027-03-31', 'due'],
		['2027-03-31', '2027-04-07', 'overdue-7'],
		['2027-03-31', '2027-04-14', 'overdue-14'],
		['2027-03-31', '2027-03-18', null],
		['2027-03-31', '2027-04-01', null],
		['2027-03-31', '2027-04-08', null],
		// Across a month and a year end.
		['2027-01-10', '2026-12-27', 'before-14']
	])('deadline %s on %s: %s', (deadline, today, expected) => {
		const stage = reminderStage(deadline, today);
		expect(stage === null ? null : stageCode(stage)).toBe(expected);
	});

	it('refuses dates that are not ISO dates', () => {
		expect(() => reminderStage('31/03/2027', '2027-03-17')).toThrow(RangeError);
	});
});

describe('weeks and digests', () => {
	it('finds the Monday of a week', () => {
		expect(weekStart('2026-12-07')).toBe('2026-12-07'); // a Monday
		expect(weekStart('2026-12-13')).toBe('2026-12-07'); // a Sunday
		expect(weekStart('2027-01-01')).toBe('2026-12-28');
		expect(isMonday('2026-12-09')).toBe(false);
	});

	it('sends daily digests every day and weekly ones on Mondays only', () => {
		expect(digestDueOn('daily', '2026-12-09')).toBe(true);
		expect(digestDueOn('weekly', '2026-12-09')).toBe(false);
		expect(digestDueOn('weekly', '2026-12-14')).toBe(true);
		expect(digestDueOn('instant', '2026-12-14')).toBe(false);
		expect(digestDueOn('none', '2026-12-14')).toBe(false);
	});
});
