// Status, phase and type labels in the page's language. The domain's English label maps
// ($lib/domain/status.ts) stay as they are for server code, exports and tests; components
// that render for people use label(kind, value) instead.
import type {
	BudgetPhase,
	CommitmentType,
	DeliveryStatus,
	EconomicClass,
	EvidenceType,
	FundingStatus,
	MilestoneStatus,
	ProceduralStatus,
	Visibility
} from '$lib/domain';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

type Message = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

const LABELS = {
	delivery: {
		not_started: m.delivery_not_started,
		on_track: m.delivery_on_track,
		with_challenges: m.delivery_with_challenges,
		off_track: m.delivery_off_track,
		completed: m.delivery_completed,
		completed_modified: m.delivery_completed_modified,
		not_pursued: m.delivery_not_pursued,
		cannot_assess: m.delivery_cannot_assess
	} satisfies Record<DeliveryStatus, Message>,
	procedural: {
		recorded: m.procedural_recorded,
		communicated: m.procedural_communicated,
		response_due: m.procedural_response_due,
		response_received: m.procedural_response_received,
		under_review: m.procedural_under_review,
		extension_requested: m.procedural_extension_requested,
		extension_granted: m.procedural_extension_granted,
		drop_requested: m.procedural_drop_requested,
		closed: m.procedural_closed
	} satisfies Record<ProceduralStatus, Message>,
	funding: {
		no_line_identified: m.funding_no_line_identified,
		requested: m.funding_requested,
		allocated: m.funding_allocated,
		adjusted: m.funding_adjusted,
		partly_released: m.funding_partly_released,
		released: m.funding_released,
		spent: m.funding_spent
	} satisfies Record<FundingStatus, Message>,
	commitmentType: {
		policy: m.commitment_type_policy,
		legislation: m.commitment_type_legislation,
		institution: m.commitment_type_institution,
		funding: m.commitment_type_funding,
		information: m.commitment_type_information
	} satisfies Record<CommitmentType, Message>,
	milestone: {
		planned: m.milestone_planned,
		met: m.milestone_met,
		missed: m.milestone_missed,
		partly_met: m.milestone_partly_met
	} satisfies Record<MilestoneStatus, Message>,
	evidence: {
		hansard: m.evidence_hansard,
		committee_report: m.evidence_committee_report,
		gazette_notice: m.evidence_gazette_notice,
		policy_document: m.evidence_policy_document,
		treasury_document: m.evidence_treasury_document,
		cob_report: m.evidence_cob_report,
		ministry_response: m.evidence_ministry_response,
		news: m.evidence_news,
		other: m.evidence_other
	} satisfies Record<EvidenceType, Message>,
	phase: {
		requested: m.phase_requested,
		ceiling: m.phase_ceiling,
		approved: m.phase_approved,
		supplementary_1: m.phase_supplementary_1,
		supplementary_2: m.phase_supplementary_2,
		released: m.phase_released,
		spent: m.phase_spent
	} satisfies Record<BudgetPhase, Message>,
	visibility: {
		draft: m.visibility_draft,
		published: m.visibility_published,
		withdrawn: m.visibility_withdrawn
	} satisfies Record<Visibility, Message>,
	economic: {
		recurrent: m.economic_recurrent,
		development: m.economic_development
	} satisfies Record<EconomicClass, Message>
};

export type LabelKind = keyof typeof LABELS;

/** label('delivery', 'on_track') → 'On track' / 'Inaendelea vizuri' (current language). */
export function label<K extends LabelKind>(
	kind: K,
	value: keyof (typeof LABELS)[K],
	locale?: Locale
): string {
	const message = LABELS[kind][value] as Message;
	return locale ? message({}, { locale }) : message();
}
