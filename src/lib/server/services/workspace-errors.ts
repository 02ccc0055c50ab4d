// Errors the workspace use cases throw and the route actions map to answers (house style: map
// domain errors to fail()/error() in the route, not deeper).

/** Rules about the input were broken: field name → message, shown next to each field. */
export class InputError extends Error {
	constructor(readonly errors: Record<string, string>) {
		super(Object.values(errors).join('; '));
	}
}

/** The record changed since the form was opened (its version or its values differ). */
export class StaleRecordError extends Error {
	constructor(
		/** Who saved in between, when known. */
		readonly by: string | null,
		/** When they saved (ISO timestamp), when known. */
		readonly at: string | null
	) {
		super('The record was changed by someone else');
	}
}

/** The record does not exist (or not under this commitment): the route answers 404. */
export class NotFoundError extends Error {}

/** Throws InputError when `errors` holds anything. */
export function throwIfErrors(errors: Record<string, string>): void {
	if (Object.keys(errors).length > 0) throw new InputError(errors);
}
