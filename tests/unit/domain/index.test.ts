import { describe, expect, it } from 'vitest';
import * as domain from '$lib/domain';

describe('$lib/domain index', () => {
	it('re-exports the public API of every module', () => {
		const expected = [
			'DELIVERY_STATUSES',
			'FUNDING_STATUSES',
			'BUDGET_PHASES',
			'deliveryStatusLabel',
			'budgetPhaseLabel',
			'isDeliveryStatus',
			'isDeliveryClosed',
			'isIsoDate',
			'todayInNairobi',
			'addDays',
			'addMonths',
			'daysBetween',
			'formatDate',
			'formatDateTime',
			'fiscalYearOf',
			'fiscalQuarterOf',
			'isFiscalYearLabel',
			'fiscalYearRange',
			'quarterEnd',
			'quarterLabel',
			'formatKes',
			'formatKesFull',
			'parseKesAmount',
			'formatPercent',
			'deliveryProgress',
			'milestoneCounts',
			'isOverdue',
			'daysOverdue',
			'applyDeadlineRule',
			'summariseLine',
			'supplementaryChange',
			'attributeShare',
			'sumSummaries',
			'deriveFundingStatus'
		];
		for (const name of expected) {
			expect(domain, name).toHaveProperty(name);
			expect(domain[name as keyof typeof domain], name).toBeDefined();
		}
	});
});
