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
import type { CandidateDecision } from '$lib/server/db/schema';
import type { Signal } from '$lib/server/transcript/types';
import type { RejectReason } from '$lib/server/services/transcripts';

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
	} satisfies Record<EconomicClass, Message>,
	signal: {
		assurance_expression: m.tr_signal_assurance_expression,
		first_person_future: m.tr_signal_first_person_future,
		ministry_future: m.tr_signal_ministry_future,
		in_progress: m.tr_signal_in_progress,
		kiswahili_future: m.tr_signal_kiswahili_future,
		concrete_object: m.tr_signal_concrete_object,
		time_phrase: m.tr_signal_time_phrase,
		government_speaker: m.tr_signal_government_speaker,
		reported_speech: m.tr_signal_reported_speech,
		question: m.tr_signal_question,
		procedure: m.tr_signal_procedure,
		past_action: m.tr_signal_past_action,
		member_remark: m.tr_signal_member_remark,
		object_future: m.tr_signal_object_future,
		conditional: m.tr_signal_conditional,
		law_quote: m.tr_signal_law_quote
	} satisfies Record<Signal, Message>,
	rejectReason: {
		question: m.tr_reason_question,
		procedure: m.tr_reason_procedure,
		past_action: m.tr_reason_past_action,
		remark: m.tr_reason_remark,
		not_government: m.tr_reason_not_government,
		duplicate: m.tr_reason_duplicate,
		other: m.tr_reason_other
	} satisfies Record<RejectReason, Message>,
	decision: {
		pending: m.tr_decision_pending,
		accepted: m.tr_decision_accepted,
		edited: m.tr_decision_edited,
		merged: m.tr_decision_merged,
		rejected: m.tr_decision_rejected
	} satisfies Record<CandidateDecision, Message>
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
