import { describe, expect, it } from 'vitest';
import { daysOverdue, isOverdue, type OverdueInput } from '$lib/domain/overdue';
import { DELIVERY_STATUSES } from '$lib/domain/status';

const TODAY = '2026-03-31';

function commitment(overrides: Partial<OverdueInput> = {}): OverdueInput {
	return { dueOn: '2026-03-01', deliveryStatus: 'on_track', ...overrides };
}

describe('isOverdue', () => {
	it('is overdue once the due date has passed and delivery is open', () => {
		expect(isOverdue(commitment(), TODAY)).toBe(true);
		expect(isOverdue(commitment({ dueOn: '2026-03-30' }), TODAY)).toBe(true);
	});

	it('is not overdue on the due date itself or before it', () => {
		expect(isOverdue(commitment({ dueOn: TODAY }), TODAY)).toBe(false);
		expect(isOverdue(commitment({ dueOn: '2026-04-01' }), TODAY)).toBe(false);
	});

	it('is never overdue without a due date', () => {
		expect(isOverdue(commitment({ dueOn: null }), TODAY)).toBe(false);
	});

	it('is not overdue once delivery is closed', () => {
		for (const status of ['completed', 'completed_modified', 'not_pursued'] as const) {
			expect(isOverdue(commitment({ deliveryStatus: status }), TODAY)).toBe(false);
		}
	});

	it('stays overdue for every open delivery status, including cannot_assess', () => {
		const open = DELIVERY_STATUSES.filter(
			(s) => !['completed', 'completed_modified', 'not_pursued'].includes(s)
		);
		expect(open).toHaveLength(5);
		for (const status of open) {
			expect(isOverdue(commitment({ deliveryStatus: status }), TODAY)).toBe(true);
		}
	});

	it('is not overdue while a granted extension covers today', () => {
		expect(isOverdue(commitment({ grantedExtensionsUntil: [TODAY] }), TODAY)).toBe(false);
		expect(isOverdue(commitment({ grantedExtensionsUntil: ['2026-06-30'] }), TODAY)).toBe(false);
	});

	it('is overdue again when the extension ended yesterday', () => {
		expect(isOverdue(commitment({ grantedExtensionsUntil: ['2026-03-30'] }), TODAY)).toBe(true);
	});

	it('uses the latest of several extensions', () => {
		expect(
			isOverdue(
				commitment({ grantedExtensionsUntil: ['2026-03-10', '2026-04-30', '2026-03-20'] }),
				TODAY
			)
		).toBe(false);
		expect(isOverdue(commitment({ grantedExtensionsUntil: [] }), TODAY)).toBe(true);
	});

	it('crosses the fiscal year boundary (due 30 June, checked 1 July)', () => {
		expect(isOverdue(commitment({ dueOn: '2026-06-30' }), '2026-06-30')).toBe(false);
		expect(isOverdue(commitment({ dueOn: '2026-06-30' }), '2026-07-01')).toBe(true);
	});

	it('ignores malformed dates rather than comparing them as text', () => {
		expect(isOverdue(commitment({ dueOn: 'soon' }), TODAY)).toBe(false);
		expect(isOverdue(commitment({ grantedExtensionsUntil: ['later'] }), TODAY)).toBe(true);
		expect(() => isOverdue(commitment(), '31/03/2026')).toThrow(RangeError);
	});
});

describe('daysOverdue', () => {
	it('counts whole days since the due date', () => {
		expect(daysOverdue(commitment(), TODAY)).toBe(30);
		expect(daysOverdue(commitment({ dueOn: '2026-03-30' }), TODAY)).toBe(1);
	});

	it('is null when not overdue', () => {
		expect(daysOverdue(commitment({ dueOn: TODAY }), TODAY)).toBeNull();
		expect(daysOverdue(commitment({ dueOn: null }), TODAY)).toBeNull();
		expect(daysOverdue(commitment({ deliveryStatus: 'completed' }), TODAY)).toBeNull();
		expect(daysOverdue(commitment({ grantedExtensionsUntil: [TODAY] }), TODAY)).toBeNull();
	});

	it('counts from the end of an expired extension', () => {
		expect(daysOverdue(commitment({ grantedExtensionsUntil: ['2026-03-30'] }), TODAY)).toBe(1);
	});

	it('ignores an extension that ended before the due date', () => {
		expect(daysOverdue(commitment({ grantedExtensionsUntil: ['2026-02-01'] }), TODAY)).toBe(30);
	});
});
