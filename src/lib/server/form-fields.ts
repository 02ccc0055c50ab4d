// zod field schemas shared by the clerk workspace forms (used with validateForm). Each bounds
// its input, so a hostile value is refused with a message rather than stored or crashing.
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

/** Dates outside this range are typing mistakes in this domain (or hostile input). */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2100-12-31';

/** Required text, trimmed, at most `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** Optional text: an empty box is `undefined` (validateForm), spaces only count as empty. */
export const optionalText = (max: number) =>
	z
		.string()
		.trim()
		.max(max)
		.optional()
		.transform((v) => (v ? v : undefined));

/** A real calendar date written YYYY-MM-DD ('2025-02-30' is refused). */
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

/** The hidden version of an edit form (optimistic concurrency). */
export const versionField = () => z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A record id chosen in a form (a select or a hidden field). */
export const idField = () =>
	z
		.string()
		.regex(/^[1-9]\d{0,15}$/)
		.transform(Number)
		.refine(Number.isSafeInteger);

/** A whole number typed in a box, within bounds ('1e3', '2.5' and ' ' are refused). */
export const wholeNumber = (min: number, max: number) =>
	z
		.string()
		.trim()
		.regex(/^\d{1,9}$/, { error: () => m.v_whole_number({ min: String(min), max: String(max) }) })
		.transform(Number)
		.pipe(z.number().int().min(min).max(max));
