// Zod building blocks shared by every form (with validateForm): bounded, trimmed text; ids chosen
// from a list; real calendar dates within 1900–2100; http(s) web addresses only; whole numbers in
// bounds. Each bounds its input, so a hostile value is refused with a message rather than stored
// or crashing. validateForm turns an empty box into `undefined`, so `.optional()` fields may be
// left empty.
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

/** Dates outside this range are typing mistakes in this domain (or hostile input). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/**
 * An id picked from a select (or a hidden field): a positive whole number, or "Select {what}".
 * `what` may be a message function, so the error is in the request's language; without it the
 * form's label for the field is used.
 */
export const idField = (what?: string | (() => string)) => {
	if (what === undefined) {
		return z
			.string()
			.regex(/^[1-9]\d{0,14}$/)
			.transform(Number);
	}
	const name = () => (typeof what === 'function' ? what() : what);
	return z
		.string({ error: () => m.v_select({ what: name() }) })
		.regex(/^[1-9]\d{0,14}$/, { error: () => m.v_from_list({ field: name() }) })
		.transform(Number);
};

export const optionalId = (what: string | (() => string)) => idField(what).optional();

/** A real calendar date, 'YYYY-MM-DD' (so 2025-02-30 is refused), from 1900 to 2100. */
export const isoDate = () =>
	z.iso.date().refine((v) => v >= EARLIEST_DATE && v <= LATEST_DATE, {
		error: () => m.v_date_between({ from: EARLIEST_DATE.slice(0, 4), to: LATEST_DATE.slice(0, 4) })
	});

/** A web address starting http:// or https:// with a real host name, at most 500 characters. */
export const httpUrl = () =>
	z
		.string()
		.trim()
		.max(500)
		.pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }));

/** A whole number typed in a box, within bounds ('1e3', '2.5' and ' ' are refused). */
export const wholeNumber = (min: number, max: number) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, { error: () => m.v_whole_number({ min: String(min), max: String(max) }) })
		.transform(Number)
		.pipe(z.number().int().min(min).max(max));

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

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** An uploaded file's own name, without a path or control characters, for pages and the log. */
export function uploadedFileName(name: string, fallback: string): string {
	const base = name.split(/[\\/]/).pop()!.replace(CONTROL_CHARACTERS, '').trim();
	return (base || fallback).slice(0, 200);
}
