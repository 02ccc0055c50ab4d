// Maps the workspace use cases' errors to action answers (house style: in the route layer, not
// deeper). Anything else is a real failure and propagates (a 500, logged). Every failure has the
// same shape, so a page reads `form.form`, `form.errors` and `form.conflict` alike.
import { error, fail } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { m } from '$lib/paraglide/messages';
import { InputError, NotFoundError, StaleRecordError } from '../errors';

type Values = Record<string, string | string[]>;

export interface Failure {
	/** Which form of the page failed, so the page shows the errors there. */
	form: string;
	/** What was typed, so the clerk's input stays in the form (never a secret). */
	values: Values;
	errors: Record<string, string>;
	/** True when someone else saved the record first. */
	conflict: boolean;
	/** Post the form again with `field` = `value` to confirm (e.g. correcting a stored figure). */
	confirm: { field: string; value: string } | null;
}

const RECORD_NAMES = {
	commitment: m.record_commitment,
	'budget figure': m.record_budget_figure,
	'budget line': m.record_budget_line,
	'funding link': m.record_funding_link,
	milestone: m.record_milestone,
	sitting: m.record_sitting
};
export type RecordKind = keyof typeof RECORD_NAMES;

/** The sentence shown when someone else saved first; nothing of the clerk's input is lost. */
export function conflictMessage(what: RecordKind, by: string | null, at: string | null): string {
	const who = [
		by ?? m.conflict_another_user(),
		at ? m.conflict_at({ time: formatDateTime(at) }) : null
	]
		.filter(Boolean)
		.join(', ');
	return m.conflict_message({ what: RECORD_NAMES[what](), who });
}

/** A 400 with the field errors. */
export function invalid(form: string, values: Values, errors: Record<string, string>) {
	return fail(400, { form, values, errors, conflict: false, confirm: null } satisfies Failure);
}

/** A 409 asking the clerk to confirm: the form is shown again with a confirming field. */
export function needsConfirmation(
	form: string,
	values: Values,
	errors: Record<string, string>,
	confirm: { field: string; value: string }
) {
	return fail(409, { form, values, errors, conflict: false, confirm } satisfies Failure);
}

export function workspaceFailure(
	e: unknown,
	form: string,
	values: Values,
	what: RecordKind = 'commitment'
) {
	if (e instanceof NotFoundError) error(404, m.not_found());
	if (e instanceof InputError) return invalid(form, values, e.errors);
	if (e instanceof StaleRecordError) {
		const errors = { conflict: conflictMessage(what, e.by, e.at) };
		return fail(409, { form, values, errors, conflict: true, confirm: null } satisfies Failure);
	}
	throw e;
}
