// Plain words for the audit log's action codes, in the page's language. Codes not listed here
// (other parts of the app add their own) are shown as they are.
import { m } from '$lib/paraglide/messages';

const LABELS: Record<string, () => string> = {
	'session.started': m.audit_session_started,
	'session.ended': m.audit_session_ended,
	'user.created': m.audit_user_created,
	'user.updated': m.audit_user_updated,
	'user.disabled': m.audit_user_disabled,
	'user.enabled': m.audit_user_enabled,
	'user.temporary_password_set': m.audit_user_temporary_password_set,
	'user.password_changed': m.audit_user_password_changed
};

export function actionLabel(action: string): string {
	return LABELS[action]?.() ?? action;
}
