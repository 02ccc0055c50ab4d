// The canonical status and enum values. They mirror the CHECK constraints of the initial
// migration and the types in $lib/server/db/schema.ts; they are repeated here (not imported)
// because domain code also runs in the browser and must never reach server modules.

export const DELIVERY_STATUSES = [
	'not_started',
	'on_track',
	'with_challenges',
	'off_track',
	'completed',
	'completed_modified',
	'not_pursued',
	'cannot_assess'
] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const PROCEDURAL_STATUSES = [
	'recorded',
	'communicated',
	'response_due',
	'response_received',
	'under_review',
	'extension_requested',
	'extension_granted',
	'drop_requested',
	'closed'
] as const;
export type ProceduralStatus = (typeof PROCEDURAL_STATUSES)[number];

/** Ordered from least to most advanced: the order is relied on by deriveFundingStatus. */
export const FUNDING_STATUSES = [
	'no_line_identified',
	'requested',
	'allocated',
	'adjusted',
	'partly_released',
	'released',
	'spent'
] as const;
export type FundingStatus = (typeof FUNDING_STATUSES)[number];

export const COMMITMENT_TYPES = [
	'policy',
	'legislation',
	'institution',
	'funding',
	'information'
] as const;
export type CommitmentType = (typeof COMMITMENT_TYPES)[number];

export const VISIBILITIES = ['draft', 'published', 'withdrawn'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const MILESTONE_STATUSES = ['planned', 'met', 'missed', 'partly_met'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const EVIDENCE_TYPES = [
	'hansard',
	'committee_report',
	'gazette_notice',
	'policy_document',
	'treasury_document',
	'cob_report',
	'ministry_response',
	'news',
	'other'
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** In the order of the Kenyan budget cycle. */
export const BUDGET_PHASES = [
	'requested',
	'ceiling',
	'approved',
	'supplementary_1',
	'supplementary_2',
	'released',
	'spent'
] as const;
export type BudgetPhase = (typeof BUDGET_PHASES)[number];

export const ECONOMIC_CLASSES = ['recurrent', 'development'] as const;
export type EconomicClass = (typeof ECONOMIC_CLASSES)[number];

export const deliveryStatusLabel: Readonly<Record<DeliveryStatus, string>> = {
	not_started: 'Not started',
	on_track: 'On track',
	with_challenges: 'With challenges',
	off_track: 'Off track',
	completed: 'Completed',
	completed_modified: 'Completed (modified)',
	not_pursued: 'Not pursued',
	cannot_assess: 'Cannot assess'
};

export const proceduralStatusLabel: Readonly<Record<ProceduralStatus, string>> = {
	recorded: 'Recorded',
	communicated: 'Communicated to ministry',
	response_due: 'Response due',
	response_received: 'Response received',
	under_review: 'Under review',
	extension_requested: 'Extension requested',
	extension_granted: 'Extension granted',
	drop_requested: 'Drop requested',
	closed: 'Closed'
};

export const fundingStatusLabel: Readonly<Record<FundingStatus, string>> = {
	no_line_identified: 'No budget line identified',
	requested: 'Requested',
	allocated: 'Allocated',
	adjusted: 'Adjusted',
	partly_released: 'Partly released',
	released: 'Released',
	spent: 'Spent'
};

export const commitmentTypeLabel: Readonly<Record<CommitmentType, string>> = {
	policy: 'Policy',
	legislation: 'Legislation',
	institution: 'Institution',
	funding: 'Funding',
	information: 'Information'
};

export const visibilityLabel: Readonly<Record<Visibility, string>> = {
	draft: 'Draft',
	published: 'Published',
	withdrawn: 'Withdrawn'
};

export const milestoneStatusLabel: Readonly<Record<MilestoneStatus, string>> = {
	planned: 'Planned',
	met: 'Met',
	missed: 'Missed',
	partly_met: 'Partly met'
};

export const evidenceTypeLabel: Readonly<Record<EvidenceType, string>> = {
	hansard: 'Hansard',
	committee_report: 'Committee report',
	gazette_notice: 'Gazette notice',
	policy_document: 'Policy document',
	treasury_document: 'Treasury document',
	cob_report: 'Controller of Budget report',
	ministry_response: 'Ministry response',
	news: 'News',
	other: 'Other'
};

export const budgetPhaseLabel: Readonly<Record<BudgetPhase, string>> = {
	requested: 'Requested',
	ceiling: 'Budget Policy Statement ceiling',
	approved: 'Approved estimates',
	supplementary_1: 'Supplementary I',
	supplementary_2: 'Supplementary II',
	released: 'Exchequer releases',
	spent: 'Spent'
};

export const economicClassLabel: Readonly<Record<EconomicClass, string>> = {
	recurrent: 'Recurrent',
	development: 'Development'
};

// One factory keeps every guard checking the very array the type was derived from, so a value
// added to an array can never be rejected by a stale hand-written guard.
function memberOf<T extends string>(values: readonly T[]): (x: unknown) => x is T {
	const set: ReadonlySet<string> = new Set(values);
	return (x: unknown): x is T => typeof x === 'string' && set.has(x);
}

export const isDeliveryStatus = memberOf(DELIVERY_STATUSES);
export const isProceduralStatus = memberOf(PROCEDURAL_STATUSES);
export const isFundingStatus = memberOf(FUNDING_STATUSES);
export const isCommitmentType = memberOf(COMMITMENT_TYPES);
export const isVisibility = memberOf(VISIBILITIES);
export const isMilestoneStatus = memberOf(MILESTONE_STATUSES);
export const isEvidenceType = memberOf(EVIDENCE_TYPES);
export const isBudgetPhase = memberOf(BUDGET_PHASES);
export const isEconomicClass = memberOf(ECONOMIC_CLASSES);

const CLOSED_DELIVERY: ReadonlySet<DeliveryStatus> = new Set([
	'completed',
	'completed_modified',
	'not_pursued'
]);

/** True when nothing more is expected: such a commitment can no longer be overdue. */
export function isDeliveryClosed(status: DeliveryStatus): boolean {
	return CLOSED_DELIVERY.has(status);
}
