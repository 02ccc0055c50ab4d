// Plain words for the audit log's action codes, in the page's language. Every action the app
// records has words (a type error otherwise); codes in rows written before the list of actions
// (src/lib/server/audit.ts) are shown as they are.
import type { AuditAction } from '$lib/server/audit';
import { m } from '$lib/paraglide/messages';

const LABELS: Record<AuditAction, () => string> = {
	'session.started': m.audit_session_started,
	'session.ended': m.audit_session_ended,
	'user.created': m.audit_user_created,
	'user.updated': m.audit_user_updated,
	'user.disabled': m.audit_user_disabled,
	'user.enabled': m.audit_user_enabled,
	'user.temporary_password_set': m.audit_user_temporary_password_set,
	'user.password_changed': m.audit_user_password_changed,
	'committee.created': m.audit_committee_created,
	'committee.updated': m.audit_committee_updated,
	'deadline_rule.created': m.audit_deadline_rule_created,
	'deadline_rule.updated': m.audit_deadline_rule_updated,
	'deadline_rule.activated': m.audit_deadline_rule_activated,
	'deadline_rule.deactivated': m.audit_deadline_rule_deactivated,
	'person.created': m.audit_person_created,
	'person.merged': m.audit_person_merged,
	'person.retired': m.audit_person_retired,
	'organisation.created': m.audit_organisation_created,
	'organisation.merged': m.audit_organisation_merged,
	'organisation.retired': m.audit_organisation_retired,
	'office.created': m.audit_office_created,
	'office.merged': m.audit_office_merged,
	'office.retired': m.audit_office_retired,
	'office_holding.created': m.audit_office_holding_created,
	'sitting.created': m.audit_sitting_created,
	'sitting.updated': m.audit_sitting_updated,
	'sitting.published': m.audit_sitting_published,
	'commitment.created': m.audit_commitment_created,
	'commitment.updated': m.audit_commitment_updated,
	'commitment.published': m.audit_commitment_published,
	'commitment.withdrawn': m.audit_commitment_withdrawn,
	'commitment.update_recorded': m.audit_commitment_update_recorded,
	'commitment_request.created': m.audit_commitment_request_created,
	'commitment_request.decided': m.audit_commitment_request_decided,
	'due_date_change.created': m.audit_due_date_change_created,
	'update.created': m.audit_update_created,
	'evidence.created': m.audit_evidence_created,
	'milestone.created': m.audit_milestone_created,
	'milestone.updated': m.audit_milestone_updated,
	'milestone.marked': m.audit_milestone_marked,
	'funding_link.created': m.audit_funding_link_created,
	'funding_link.updated': m.audit_funding_link_updated,
	'funding_link.removed': m.audit_funding_link_removed,
	'budget_line.created': m.audit_budget_line_created,
	'budget_line.updated': m.audit_budget_line_updated,
	'budget_figure.created': m.audit_budget_figure_created,
	'budget_figure.corrected': m.audit_budget_figure_corrected,
	'import.previewed': m.audit_import_previewed,
	'import.confirmed': m.audit_import_confirmed,
	'import.applied': m.audit_import_applied,
	'import.finished': m.audit_import_finished,
	'import.failed': m.audit_import_failed,
	'private_note.created': m.audit_private_note_created,
	'private_note.deleted': m.audit_private_note_deleted,
	'watchlist.added': m.audit_watchlist_added,
	'watchlist.removed': m.audit_watchlist_removed,
	'demo.seeded': m.audit_demo_seeded
};

export function actionLabel(action: string): string {
	return (LABELS as Record<string, (() => string) | undefined>)[action]?.() ?? action;
}
