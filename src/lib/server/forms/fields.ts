// Zod building blocks shared by the workspace forms: bounded, trimmed text; ids chosen from a
// list; real calendar dates; http(s) web addresses only. validateForm turns an empty box into
// `undefined`, so `.optional()` fields may be left empty.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** Required text of at most `max` characters (after trimming). */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: empty or blank becomes null. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => v || null);

/**
 * An id picked from a select: a positive whole number, or "Select {what}". `what` may be a
 * message function, so the error is in the request's language.
 */
export const idField = (what: string | (() => string)) => {
	const name = () => (typeof what === 'function' ? what() : what);
	return z
		.string({ error: () => m.v_select({ what: name() }) })
		.regex(/^[1-9]\d{0,14}$/, { error: () => m.v_from_list({ field: name() }) })
		.transform(Number);
};

export const optionalId = (what: string | (() => string)) => idField(what).optional();

/** A real calendar date, 'YYYY-MM-DD' (so 2025-02-30 is refused). */
export const isoDate = () => z.iso.date();

/** An http(s) address of at most 500 characters; empty becomes null. */
export const optionalUrl = () =>
	z
		.string()
		.trim()
		.max(500)
		.pipe(z.url({ protocol: /^https?$/ }))
		.optional()
		.transform((v) => v ?? null);

/** The record version a form was opened with (hidden field). */
export const versionField = () =>
	z
		.string({ error: () => m.v_reload() })
		.regex(/^[1-9]\d{0,8}$/, { error: () => m.v_reload() })
		.transform(Number);

/**
 * The schema's errors followed by those of cross-field checks run on the raw values (rows of
 * who appeared, the due-date choice), so that every problem shows at once, top to bottom.
 */
export function withFieldErrors(
	errors: Record<string, string>,
	more: Record<string, string>
): Record<string, string> {
	const all = { ...errors };
	for (const [field, message] of Object.entries(more)) all[field] ??= message;
	return all;
}
