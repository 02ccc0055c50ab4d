// Types of the tables created by db/migrations. Dates are ISO 'YYYY-MM-DD' text, timestamps
// ISO 8601 UTC text, money integer Kenya shillings, booleans 0/1 (portable across dialects).
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type DeliveryStatus =
	| 'not_started'
	| 'on_track'
	| 'with_challenges'
	| 'off_track'
	| 'completed'
	| 'completed_modified'
	| 'not_pursued'
	| 'cannot_assess';
export type ProceduralStatus =
	| 'recorded'
	| 'communicated'
	| 'response_due'
	| 'response_received'
	| 'under_review'
	| 'extension_requested'
	| 'extension_granted'
	| 'drop_requested'
	| 'closed';
export type FundingStatus =
	| 'no_line_identified'
	| 'requested'
	| 'allocated'
	| 'adjusted'
	| 'partly_released'
	| 'released'
	| 'spent';
export type CommitmentType = 'policy' | 'legislation' | 'institution' | 'funding' | 'information';
export type Visibility = 'draft' | 'published' | 'withdrawn';
export type MilestoneStatus = 'planned' | 'met' | 'missed' | 'partly_met';
export type EvidenceType =
	| 'hansard'
	| 'committee_report'
	| 'gazette_notice'
	| 'policy_document'
	| 'treasury_document'
	| 'cob_report'
	| 'ministry_response'
	| 'news'
	| 'other';
export type BudgetPhase =
	| 'requested'
	| 'ceiling'
	| 'approved'
	| 'supplementary_1'
	| 'supplementary_2'
	| 'released'
	| 'spent';
export type EconomicClass = 'recurrent' | 'development';
export type OrganisationKind =
	'ministry' | 'state_department' | 'agency' | 'treasury' | 'committee' | 'parliament' | 'other';
export type House = 'national_assembly' | 'senate';
export type Role = 'mp' | 'clerk' | 'admin' | 'ministry';
export type SubmissionKind = 'report' | 'extension' | 'drop';
export type SubmissionState = 'draft' | 'sent' | 'decided';
export type SubmissionDecision = 'received' | 'returned' | 'granted' | 'refused';
export type SubmissionChannel = 'ahadi' | 'paper' | 'email';
export type RequestKind = 'extension' | 'drop';
export type Decision = 'pending' | 'granted' | 'refused';
export type RuleUnit = 'days' | 'months';
export type ShareKind = 'percent' | 'amount';
export type FundingBasis = 'earmarked' | 'indicative';

/** A column the database fills by default but that may be set explicitly. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;
/** BIGINT: a number in the app (pg's parser is configured to return numbers). */
type Money = ColumnType<number, number, number>;

export interface OrganisationTable {
	id: Generated<number>;
	slug: string;
	name: string;
	short_name: string | null;
	kind: OrganisationKind;
	parent_id: number | null;
	retired_at: string | null;
	merged_into_id: number | null;
	created_at: Defaulted<string>;
}

export interface PersonTable {
	id: Generated<number>;
	slug: string;
	name: string;
	retired_at: string | null;
	merged_into_id: number | null;
	created_at: Defaulted<string>;
}

export interface OfficeTable {
	id: Generated<number>;
	slug: string;
	title: string;
	organisation_id: number;
	retired_at: string | null;
	created_at: Defaulted<string>;
}

export interface OfficeHoldingTable {
	id: Generated<number>;
	person_id: number;
	office_id: number;
	start_on: string | null;
	end_on: string | null;
}

export interface CommitteeTable {
	id: Generated<number>;
	slug: string;
	name: string;
	abbreviation: string;
	house: House;
	chair_person_id: number | null;
	created_at: Defaulted<string>;
}

export interface UserTable {
	id: Generated<number>;
	email: string;
	name: string;
	role: Role;
	password_hash: string;
	must_change_password: Defaulted<number>;
	disabled_at: string | null;
	version: Defaulted<number>;
	created_at: Defaulted<string>;
	updated_at: Defaulted<string>;
}

export interface UserCommitteeTable {
	user_id: number;
	committee_id: number;
}

export interface SessionTable {
	id: string;
	user_id: number;
	expires_at: Money;
	created_at: Defaulted<string>;
}

export interface LoginThrottleTable {
	key: string;
	failures: number;
	window_started_at: Money;
	locked_until: Money | null;
}

/** A browser trusted for signing in to one account: only the SHA-256 of its cookie's token. */
export interface SignInDeviceTable {
	id: string;
	user_id: number;
	created_at: Money;
	last_used_at: Money;
}

export interface DeadlineRuleTable {
	id: Generated<number>;
	name: string;
	description: string;
	unit: RuleUnit;
	amount: number;
	authority: string | null;
	active: Defaulted<number>;
	created_at: Defaulted<string>;
}

export interface SittingTable {
	id: Generated<number>;
	committee_id: number;
	sat_on: string;
	subject: string;
	source_title: string;
	source_url: string | null;
	source_locator: string | null;
	visibility: Defaulted<Visibility>;
	version: Defaulted<number>;
	created_at: Defaulted<string>;
	updated_at: Defaulted<string>;
}

export interface SittingAppearanceTable {
	id: Generated<number>;
	sitting_id: number;
	person_id: number;
	office_id: number;
}

export interface CommitmentTable {
	id: Generated<number>;
	ref: string;
	committee_id: number;
	sitting_id: number;
	title: string;
	summary: string;
	quote: string;
	quote_source_title: string;
	quote_source_url: string | null;
	quote_source_locator: string | null;
	organisation_id: number;
	office_id: number;
	person_id: number | null;
	type: CommitmentType;
	given_on: string;
	due_on: string | null;
	deadline_rule_id: number | null;
	due_basis: string | null;
	measurable_target: string | null;
	delivery_status: Defaulted<DeliveryStatus>;
	procedural_status: Defaulted<ProceduralStatus>;
	funding_status: Defaulted<FundingStatus>;
	status_reason: string | null;
	visibility: Defaulted<Visibility>;
	published_at: string | null;
	withdrawn_at: string | null;
	withdrawn_reason: string | null;
	version: Defaulted<number>;
	created_at: Defaulted<string>;
	updated_at: Defaulted<string>;
	updated_by: number | null;
}

export interface TagTable {
	id: Generated<number>;
	slug: string;
	name: string;
}

export interface CommitmentTagTable {
	commitment_id: number;
	tag_id: number;
}

export interface EvidenceTable {
	id: Generated<number>;
	commitment_id: number;
	type: EvidenceType;
	title: string;
	url: string | null;
	published_on: string | null;
	excerpt: string | null;
	illustrative: Defaulted<number>;
	created_by: number | null;
	created_at: Defaulted<string>;
}

export interface MilestoneTable {
	id: Generated<number>;
	commitment_id: number;
	title: string;
	planned_on: string;
	actual_on: string | null;
	weight: Defaulted<number>;
	status: Defaulted<MilestoneStatus>;
	evidence_id: number | null;
	version: Defaulted<number>;
	created_at: Defaulted<string>;
	updated_at: Defaulted<string>;
}

export interface UpdateTable {
	id: Generated<number>;
	commitment_id: number;
	update_on: string;
	delivery_from: DeliveryStatus | null;
	delivery_to: DeliveryStatus | null;
	procedural_from: ProceduralStatus | null;
	procedural_to: ProceduralStatus | null;
	due_from: string | null;
	due_to: string | null;
	reason: string | null;
	note: string;
	author_id: number | null;
	author_name: string;
	created_at: Defaulted<string>;
}

export interface UpdateEvidenceTable {
	update_id: number;
	evidence_id: number;
}

export interface DueDateChangeTable {
	id: Generated<number>;
	commitment_id: number;
	changed_on: string;
	from_on: string | null;
	to_on: string | null;
	deadline_rule_id: number | null;
	reason: string;
	update_id: number | null;
}

export interface CommitmentRequestTable {
	id: Generated<number>;
	commitment_id: number;
	kind: RequestKind;
	requested_on: string;
	requested_until: string | null;
	reason: string;
	decision: Defaulted<Decision>;
	decided_on: string | null;
	granted_until: string | null;
	decision_note: string | null;
}

export interface BudgetLineTable {
	id: Generated<number>;
	fiscal_year: string;
	vote_code: string;
	vote_name: string;
	programme: string;
	sub_programme: Defaulted<string>;
	economic_class: EconomicClass;
	created_at: Defaulted<string>;
}

export interface BudgetFigureTable {
	id: Generated<number>;
	budget_line_id: number;
	phase: BudgetPhase;
	amount_kes: Money;
	as_of: string;
	source_title: string;
	source_url: string | null;
	illustrative: Defaulted<number>;
	created_at: Defaulted<string>;
}

export interface FundingLinkTable {
	id: Generated<number>;
	commitment_id: number;
	budget_line_id: number;
	share_kind: ShareKind;
	share_basis_points: number | null;
	share_amount_kes: Money | null;
	basis: FundingBasis;
	note: string | null;
	created_at: Defaulted<string>;
}

export interface WatchlistTable {
	user_id: number;
	commitment_id: number;
	created_at: Defaulted<string>;
}

export interface PrivateNoteTable {
	id: Generated<number>;
	user_id: number;
	commitment_id: number;
	body: string;
	created_at: Defaulted<string>;
	updated_at: Defaulted<string>;
}

export interface AuditLogTable {
	id: Generated<number>;
	at: string;
	user_id: number | null;
	actor: string;
	action: string;
	entity: string;
	entity_id: string | null;
	before_json: string | null;
	after_json: string | null;
}

export type ImportJobStatus = 'pending' | 'running' | 'done' | 'failed';

/** A budget figures CSV waiting for confirmation, running, or finished (migration 004). */
export interface ImportJobTable {
	id: string;
	user_id: number;
	created_at: string;
	file_name: string;
	sha256: string;
	csv_text: string;
	status: Defaulted<ImportJobStatus>;
	total: Defaulted<number>;
	done: Defaulted<number>;
	preview_json: string | null;
	result_json: string | null;
	error: string | null;
	started_at: string | null;
	finished_at: string | null;
}

export type TranscriptKind = 'pdf' | 'text' | 'html';
export type CandidateDecision = 'pending' | 'accepted' | 'edited' | 'merged' | 'rejected';

/** A sitting's transcript as uploaded, kept with what was found in it (migration 009). */
export interface TranscriptTable {
	id: Generated<number>;
	committee_id: number;
	sitting_id: number | null;
	file_name: string;
	kind: TranscriptKind;
	byte_size: number;
	sha256: string;
	content: Uint8Array;
	pages: number;
	speeches: number;
	sitting_json: string;
	created_by: number;
	created_at: string;
}

/** A sentence proposed as an undertaking, and the clerk's decision on it (migration 009). */
export interface TranscriptCandidateTable {
	id: Generated<number>;
	transcript_id: number;
	position: number;
	quote: string;
	context: string;
	speaker_name: string | null;
	speaker_title: string | null;
	speaker_role: string;
	page: number;
	line: number;
	score: number;
	signals: string;
	title: string;
	type: CommitmentType;
	due_on: string | null;
	due_reason: string | null;
	decision: Defaulted<CandidateDecision>;
	reason: string | null;
	commitment_id: number | null;
	decided_by: number | null;
	decided_at: string | null;
}

export interface UserOrganisationTable {
	user_id: number;
	organisation_id: number;
}

export interface UserInvitationTable {
	token_hash: string;
	user_id: number;
	created_by: number | null;
	created_at: string;
	expires_at: string;
	used_at: string | null;
}

export interface MinistrySubmissionTable {
	id: Generated<number>;
	commitment_id: number;
	organisation_id: number;
	kind: SubmissionKind;
	state: Defaulted<SubmissionState>;
	body: string;
	claimed_status: DeliveryStatus | null;
	requested_until: string | null;
	approved_by: string | null;
	approved_on: string | null;
	channel: Defaulted<SubmissionChannel>;
	created_by: number;
	created_at: string;
	updated_at: string;
	sent_on: string | null;
	sent_at: string | null;
	sent_by: number | null;
	decision: SubmissionDecision | null;
	decided_on: string | null;
	decided_by: number | null;
	decision_note: string | null;
	granted_until: string | null;
	evidence_id: number | null;
	version: Defaulted<number>;
}

export interface SubmissionDocumentTable {
	id: Generated<number>;
	submission_id: number;
	file_name: string;
	media_type: string;
	byte_size: number;
	sha256: string;
	created_at: string;
}

/** A document's content in order, chunk by chunk (each at most 256 KiB). */
export interface SubmissionDocumentChunkTable {
	document_id: number;
	seq: number;
	bytes: Uint8Array;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
export type MailLanguage = 'en' | 'sw';
export type DigestFrequency = 'instant' | 'daily' | 'weekly' | 'none';
export type FollowTargetKind = 'commitment' | 'committee' | 'organisation';

/** A mail waiting to be sent, being sent, sent or given up on (migration 011). */
export interface OutboxMessageTable {
	id: Generated<number>;
	dedupe_key: string;
	recipient: string;
	language: MailLanguage;
	kind: string;
	subject: string;
	text_body: string;
	html_body: string;
	headers_json: string;
	status: Defaulted<OutboxStatus>;
	attempts: Defaulted<number>;
	next_attempt_at: Money;
	claimed_until: Money | null;
	claimed_by: string | null;
	last_error: string | null;
	created_at: string;
	sent_at: string | null;
}

/** A user's digest choice and mail language (migration 011). */
export interface AlertSettingsTable {
	user_id: number;
	digest: Defaulted<DigestFrequency>;
	language: Defaulted<MailLanguage>;
	digest_through: string | null;
	updated_at: string;
}

/** An e-mail address that follows something without an account (migration 011). */
export interface AlertAddressTable {
	id: Generated<number>;
	email: string;
	language: Defaulted<MailLanguage>;
	created_at: string;
}

export interface AlertSubscriptionTable {
	id: Generated<number>;
	address_id: number;
	target_kind: FollowTargetKind;
	target_id: number;
	status: 'pending' | 'confirmed';
	created_at: string;
	confirmed_at: string | null;
	expires_at: Money | null;
}

/** A confirmation or manage link's token, by its SHA-256 (migration 011). */
export interface AlertTokenTable {
	id: string;
	address_id: number;
	purpose: 'confirm' | 'manage';
	subscription_id: number | null;
	expires_at: Money;
}

export interface DB {
	organisations: OrganisationTable;
	people: PersonTable;
	offices: OfficeTable;
	office_holdings: OfficeHoldingTable;
	committees: CommitteeTable;
	users: UserTable;
	user_committees: UserCommitteeTable;
	sessions: SessionTable;
	login_throttle: LoginThrottleTable;
	sign_in_devices: SignInDeviceTable;
	deadline_rules: DeadlineRuleTable;
	sittings: SittingTable;
	sitting_appearances: SittingAppearanceTable;
	commitments: CommitmentTable;
	tags: TagTable;
	commitment_tags: CommitmentTagTable;
	evidence: EvidenceTable;
	milestones: MilestoneTable;
	updates: UpdateTable;
	update_evidence: UpdateEvidenceTable;
	due_date_changes: DueDateChangeTable;
	commitment_requests: CommitmentRequestTable;
	budget_lines: BudgetLineTable;
	budget_figures: BudgetFigureTable;
	funding_links: FundingLinkTable;
	watchlist: WatchlistTable;
	private_notes: PrivateNoteTable;
	audit_log: AuditLogTable;
	import_jobs: ImportJobTable;
	transcripts: TranscriptTable;
	transcript_candidates: TranscriptCandidateTable;
	user_organisations: UserOrganisationTable;
	user_invitations: UserInvitationTable;
	ministry_submissions: MinistrySubmissionTable;
	submission_documents: SubmissionDocumentTable;
	submission_document_chunks: SubmissionDocumentChunkTable;
	outbox_messages: OutboxMessageTable;
	alert_settings: AlertSettingsTable;
	alert_addresses: AlertAddressTable;
	alert_subscriptions: AlertSubscriptionTable;
	alert_tokens: AlertTokenTable;
}

export type Commitment = Selectable<CommitmentTable>;
export type NewCommitment = Insertable<CommitmentTable>;
export type CommitmentUpdate = Updateable<CommitmentTable>;
export type BudgetFigure = Selectable<BudgetFigureTable>;
export type BudgetLine = Selectable<BudgetLineTable>;
export type Milestone = Selectable<MilestoneTable>;
export type User = Selectable<UserTable>;
