// Plain words for the audit log's action codes. Codes not listed here (other parts of the app
// add their own) are shown as they are.
const LABELS: Record<string, string> = {
	'session.started': 'Signed in',
	'session.ended': 'Signed out',
	'user.created': 'Created an account',
	'user.updated': 'Changed name, role or committees',
	'user.disabled': 'Disabled an account',
	'user.enabled': 'Enabled an account',
	'user.temporary_password_set': 'Set a temporary password',
	'user.password_changed': 'Changed own password'
};

export function actionLabel(action: string): string {
	return LABELS[action] ?? action;
}
