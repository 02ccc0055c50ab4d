// The guard every page about one commitment in the clerk workspace starts with: a clerk or an
// admin, and a commitment of the user's committees. Anything else is answered 404, so ids typed
// into a URL reveal nothing.
import { error } from '@sveltejs/kit';
import { requireRole } from './access';
import { findEditableCommitment, parseId } from './scope';
import { db } from '../db/client';

export async function editableCommitment({
	locals,
	params
}: {
	locals: App.Locals;
	params: { id: string };
}) {
	const user = locals.user;
	requireRole(user, 'clerk', 'admin');
	const id = parseId(params.id);
	const commitment = id === null ? null : await findEditableCommitment(db, user, id);
	if (!commitment) error(404, 'No such commitment in your committees.');
	return { user, commitment };
}
