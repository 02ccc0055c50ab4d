// Due dates from time phrases, relative to the sitting's date.
import { describe, expect, it } from 'vitest';
import { dueOf } from '../../../src/lib/server/transcript/due-date';

const SAT = '2025-10-14';

describe('dueOf', () => {
	it.each([
		['We will do it within thirty days.', '2025-11-13', 'within thirty days'],
		['We will do it within 21 days.', '2025-11-04', 'within 21 days'],
		['We will report in two weeks.', '2025-10-28', 'in two weeks'],
		['It will be done by the end of March.', '2026-03-31', 'by the end of March'],
		['It will be done by December 2025.', '2025-12-31', 'by December 2025'],
		[
			'before the end of this financial year',
			'2026-06-30',
			'before the end of this financial year'
		],
		['in the next financial year', '2027-06-30', 'in the next financial year'],
		['Tutawasilisha ripoti ndani ya siku thelathini.', '2025-11-13', 'ndani ya siku thelathini'],
		['Tutamaliza kufikia Desemba 2025.', '2025-12-31', 'kufikia Desemba 2025']
	])('%s', (sentence, dueOn, dueReason) => {
		expect(dueOf(sentence, SAT)).toEqual({ dueOn, dueReason });
	});

	it('counts the financial year from the sitting (1 July to 30 June)', () => {
		expect(dueOf('before the end of this financial year', '2026-03-01')?.dueOn).toBe('2026-06-30');
		expect(dueOf('in the next financial year', '2026-03-01')?.dueOn).toBe('2027-06-30');
	});

	it('gives nothing without a time, or for a past year', () => {
		expect(dueOf('We will do so in due course.', SAT)).toBeNull();
		expect(dueOf('The Act of 2012 requires it.', SAT)).toBeNull();
	});
});
