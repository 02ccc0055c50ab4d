import { describe, expect, it } from 'vitest';
import {
	BUDGET_PHASES,
	COMMITMENT_TYPES,
	DELIVERY_STATUSES,
	ECONOMIC_CLASSES,
	EVIDENCE_TYPES,
	FUNDING_STATUSES,
	MILESTONE_STATUSES,
	PROCEDURAL_STATUSES,
	VISIBILITIES,
	budgetPhaseLabel,
	commitmentTypeLabel,
	deliveryStatusLabel,
	economicClassLabel,
	evidenceTypeLabel,
	fundingStatusLabel,
	isBudgetPhase,
	isCommitmentType,
	isDeliveryClosed,
	isDeliveryStatus,
	isEconomicClass,
	isEvidenceType,
	isFundingStatus,
	isMilestoneStatus,
	isProceduralStatus,
	isVisibility,
	milestoneStatusLabel,
	proceduralStatusLabel,
	visibilityLabel
} from '$lib/domain/status';

describe('enum arrays', () => {
	it('has one entry per delivery status', () => {
		// That the arrays' types equal the database's is checked at compile time by
		// `npm run check` (status.types.ts beside this file), not here.
		expect(DELIVERY_STATUSES).toHaveLength(8);
		expect(new Set(DELIVERY_STATUSES).size).toBe(DELIVERY_STATUSES.length);
	});

	it('keeps the funding chain and budget cycle in their documented order', () => {
		expect(FUNDING_STATUSES).toEqual([
			'no_line_identified',
			'requested',
			'allocated',
			'adjusted',
			'partly_released',
			'released',
			'spent'
		]);
		expect(BUDGET_PHASES).toEqual([
			'requested',
			'ceiling',
			'approved',
			'supplementary_1',
			'supplementary_2',
			'released',
			'spent'
		]);
		expect(VISIBILITIES).toEqual(['draft', 'published', 'withdrawn']);
	});

	it('has no duplicate values', () => {
		for (const values of [
			DELIVERY_STATUSES,
			PROCEDURAL_STATUSES,
			FUNDING_STATUSES,
			COMMITMENT_TYPES,
			VISIBILITIES,
			MILESTONE_STATUSES,
			EVIDENCE_TYPES,
			BUDGET_PHASES,
			ECONOMIC_CLASSES
		]) {
			expect(new Set(values).size).toBe(values.length);
		}
	});
});

describe('labels', () => {
	const cases: Array<[readonly string[], Readonly<Record<string, string>>]> = [
		[DELIVERY_STATUSES, deliveryStatusLabel],
		[PROCEDURAL_STATUSES, proceduralStatusLabel],
		[FUNDING_STATUSES, fundingStatusLabel],
		[COMMITMENT_TYPES, commitmentTypeLabel],
		[VISIBILITIES, visibilityLabel],
		[MILESTONE_STATUSES, milestoneStatusLabel],
		[EVIDENCE_TYPES, evidenceTypeLabel],
		[BUDGET_PHASES, budgetPhaseLabel],
		[ECONOMIC_CLASSES, economicClassLabel]
	];

	it('gives every value a non-empty plain-English label with no underscores', () => {
		for (const [values, labels] of cases) {
			expect(Object.keys(labels).sort()).toEqual([...values].sort());
			for (const v of values) {
				expect(labels[v]).toMatch(/^[A-Z][^_]*$/);
			}
		}
	});

	it('uses the agreed wording', () => {
		expect(deliveryStatusLabel.with_challenges).toBe('With challenges');
		expect(fundingStatusLabel.no_line_identified).toBe('No budget line identified');
		expect(fundingStatusLabel.partly_released).toBe('Partly released');
		expect(budgetPhaseLabel).toEqual({
			requested: 'Requested',
			ceiling: 'Budget Policy Statement ceiling',
			approved: 'Approved estimates',
			supplementary_1: 'Supplementary I',
			supplementary_2: 'Supplementary II',
			released: 'Exchequer releases',
			spent: 'Spent'
		});
	});
});

describe('type guards', () => {
	const guards: Array<[(x: unknown) => boolean, readonly string[]]> = [
		[isDeliveryStatus, DELIVERY_STATUSES],
		[isProceduralStatus, PROCEDURAL_STATUSES],
		[isFundingStatus, FUNDING_STATUSES],
		[isCommitmentType, COMMITMENT_TYPES],
		[isVisibility, VISIBILITIES],
		[isMilestoneStatus, MILESTONE_STATUSES],
		[isEvidenceType, EVIDENCE_TYPES],
		[isBudgetPhase, BUDGET_PHASES],
		[isEconomicClass, ECONOMIC_CLASSES]
	];

	it('accept every listed value', () => {
		for (const [guard, values] of guards) {
			for (const v of values) expect(guard(v)).toBe(true);
		}
	});

	it('reject other strings, other types and near misses', () => {
		for (const [guard, values] of guards) {
			for (const x of [undefined, null, 0, 1, {}, [], '', 'unknown', values[0]!.toUpperCase()]) {
				expect(guard(x)).toBe(false);
			}
			expect(guard(` ${values[0]}`)).toBe(false);
			expect(guard([values[0]])).toBe(false);
		}
	});

	it('do not confuse one enum with another', () => {
		expect(isDeliveryStatus('published')).toBe(false);
		expect(isFundingStatus('approved')).toBe(false);
		expect(isBudgetPhase('requested')).toBe(true);
		expect(isFundingStatus('requested')).toBe(true);
		expect(isBudgetPhase('supplementary1')).toBe(false);
		expect(isDeliveryStatus('toString')).toBe(false);
	});
});

describe('isDeliveryClosed', () => {
	it('is true only for completed, completed_modified and not_pursued', () => {
		const closed = DELIVERY_STATUSES.filter((s) => isDeliveryClosed(s));
		expect(closed).toEqual(['completed', 'completed_modified', 'not_pursued']);
	});

	it('keeps cannot_assess open: too vague to measure is not delivered', () => {
		expect(isDeliveryClosed('cannot_assess')).toBe(false);
		expect(isDeliveryClosed('off_track')).toBe(false);
	});
});
