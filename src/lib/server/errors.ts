// The refusals of the use cases: one small hierarchy for every service. A route maps them to
// answers (house style: map domain errors to fail()/error() in the route, not deeper); the
// workspace pages share that mapping in workspace-failure.ts. Anything else is a real failure
// and propagates (a 500, logged).

/** Rules about the input were broken: field name → message, shown next to each field. */
export class InputError extends Error {
	constructor(readonly errors: Record<string, string>) {
		super(Object.values(errors).join('; '));
	}

	/** One field was wrong: `InputError.of('email', message)`. */
	static of(field: string, message: string): InputError {
		return new InputError({ [field]: message });
	}
}

/** The record does not exist (or not where it was looked for): the route answers 404. */
export class NotFoundError extends Error {
	constructor() {
		super('No such record');
	}
}

/**
 * Someone else saved the record after the form was opened (its version or its values differ),
 * and nothing was written: the route answers 409 and keeps what was typed.
 */
export class StaleRecordError extends Error {
	constructor(
		/** Who saved in between, when known. */
		readonly by: string | null = null,
		/** When they saved (ISO timestamp), when known. */
		readonly at: string | null = null
	) {
		super(by ? `The record was changed by ${by}` : 'The record was changed by someone else');
	}
}

/** Throws InputError when `errors` holds anything. */
export function throwIfErrors(errors: Record<string, string>): void {
	if (Object.keys(errors).length > 0) throw new InputError(errors);
}
