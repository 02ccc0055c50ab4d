/**
 * Form validation with zod, shared by every form action.
 *
 * ```ts
 * const schema = z.object({
 *   title: z.string().trim().min(1).max(200),
 *   due_on: z.iso.date().optional(),
 *   committees: z.array(z.coerce.number().int()).default([])   // checkboxes: every value
 * });
 * const form = validateForm(await request.formData(), schema, { labels: { due_on: 'Due date' } });
 * if (!form.ok) return fail(400, { values: form.values, errors: form.errors });
 * form.data.title; // typed
 * ```
 *
 * - Reads only the fields the schema names. An array field takes every value of the name
 *   (checkboxes, multi-selects); any other field takes the first. Files are ignored.
 * - An empty text box counts as missing (`undefined`), so `.optional()` fields may be left
 *   empty and a required one reports "Enter …".
 * - Error messages are plain, in the request's language (Paraglide's getLocale(), set per request
 *   by handleParaglide; English outside a request), and name the field ("Enter title", "Title
 *   must be 200 characters or fewer"). The label is `labels[field]`, else the schema's `.describe()` text, else the field
 *   name in words. A message written in the schema (`.min(1, 'Enter the quote')`) wins.
 * - Text that holds a control character (other than tab and line breaks), a C1 control, a
 *   noncharacter such as U+FFFE or a lone surrogate is refused, naming the field; text of
 *   nothing but spaces and invisible format characters (zero-width space, joiners, BOM, soft
 *   hyphen) counts as missing. So no form can store what a reader cannot see.
 * - `values` echoes what was typed so the form can be shown again, except secrets: any field
 *   whose name contains "password", and those listed in `secret`. Never echo a password.
 * - `errors` holds the first message per field, keyed by field name, in form order.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; errors: FieldErrors; values: FormValues };

/**
 * A field's name as the form shows it: a string, or a message function (`m.field_title`), called
 * while validating so that the name is in the request's language.
 */
export type FieldLabel = string | (() => string);

export interface FormOptions {
	labels?: Record<string, FieldLabel>;
	secret?: string[];
}

// zod 4 keeps a schema's kind in `_zod.def.type`; wrappers keep their inner schema there too.
interface Def {
	type: string;
	innerType?: z.ZodType;
	in?: z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** True when the field, under optional/default/nullable/pipe wrappers, is an array. */
function isArrayField(schema: z.ZodType): boolean {
	let def = defOf(schema);
	for (let depth = 0; depth < 10; depth++) {
		if (def.type === 'array') return true;
		const inner = def.innerType ?? def.in;
		if (!inner) return false;
		def = defOf(inner);
	}
	return false;
}

function humanise(field: string): string {
	const words = field.replace(/[_-]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 'Email' → 'email' for use inside a sentence, but 'SLUG' or 'URL' stay as they are. */
function inSentence(label: string): string {
	return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

function messageFor(issue: z.core.$ZodRawIssue, label: string): string {
	const field = inSentence(label);
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null) return m.v_enter({ field });
			if (issue.expected === 'number' || issue.expected === 'int') return m.v_number({ label });
			return m.v_format({ field });
		case 'too_small': {
			const min = String(issue.minimum);
			if (issue.origin === 'string') {
				return Number(issue.minimum) <= 1 ? m.v_enter({ field }) : m.v_min_chars({ label, min });
			}
			if (issue.origin === 'array' || issue.origin === 'set') {
				return m.v_select_at_least({ min, field });
			}
			return m.v_min({ label, min });
		}
		case 'too_big': {
			const max = String(issue.maximum);
			if (issue.origin === 'string') return m.v_max_chars({ label, max });
			if (issue.origin === 'array' || issue.origin === 'set') {
				return m.v_select_at_most({ max, field });
			}
			return m.v_max({ label, max });
		}
		case 'invalid_format':
			if (issue.format === 'email') return m.v_email({ field });
			if (issue.format === 'date') return m.v_date({ field });
			if (issue.format === 'url') return m.v_url({ field });
			return m.v_format({ field });
		case 'invalid_value':
			return m.v_from_list({ field });
		default:
			return m.v_check({ field });
	}
}

function collect(formData: FormData, shape: Record<string, z.ZodType>) {
	const input: Record<string, string | string[] | undefined> = {};
	for (const [field, schema] of Object.entries(shape)) {
		const strings = formData.getAll(field).filter((v): v is string => typeof v === 'string');
		if (isArrayField(schema)) input[field] = strings.filter((v) => v !== '');
		else input[field] = strings[0] === '' ? undefined : strings[0];
	}
	return input;
}

/**
 * C0 controls but tab, line feed and carriage return; DEL and the C1 controls; noncharacters
 * (U+FDD0–U+FDEF and U+xFFFE/U+xFFFF of every plane); lone surrogates.
 */
const FORBIDDEN =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF]|[\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]|\p{Cs}/u;

export function hasForbiddenCharacters(text: string): boolean {
	return FORBIDDEN.test(text);
}

/** Nothing a reader can see: only spaces and format characters (zero-width, joiners, BOM, …). */
export function isBlank(text: string): boolean {
	return /^[\s\p{Cf}]*$/u.test(text);
}

function isSecret(field: string, options: FormOptions): boolean {
	return /password/i.test(field) || (options.secret ?? []).includes(field);
}

export function validateForm<S extends z.ZodObject>(
	formData: FormData,
	schema: S,
	options: FormOptions = {}
): FormResult<z.output<S>> {
	const shape = schema.shape as Record<string, z.ZodType>;
	const input = collect(formData, shape);
	return validateInput(input, schema, options);
}

/** The same for values already collected (query strings, JSON): `{ field: string | string[] }`. */
export function validateInput<S extends z.ZodObject>(
	input: Record<string, string | string[] | undefined>,
	schema: S,
	options: FormOptions = {}
): FormResult<z.output<S>> {
	const shape = schema.shape as Record<string, z.ZodType>;
	const values: FormValues = {};
	for (const [field, value] of Object.entries(input)) {
		if (value !== undefined && !isSecret(field, options)) values[field] = value;
	}
	const labelOf = (field: string) => {
		const given = options.labels?.[field];
		if (given !== undefined) return typeof given === 'function' ? given() : given;
		return shape[field]?.description ?? humanise(field);
	};

	const errors: FieldErrors = {};
	const visible: Record<string, string | string[] | undefined> = {};
	for (const [field, value] of Object.entries(input)) {
		if (isSecret(field, options)) visible[field] = value;
		else if (Array.isArray(value)) {
			if (value.some(hasForbiddenCharacters))
				errors[field] = m.v_control_chars({ label: labelOf(field) });
			visible[field] = value.filter((v) => !isBlank(v));
		} else if (value !== undefined && hasForbiddenCharacters(value)) {
			errors[field] = m.v_control_chars({ label: labelOf(field) });
		} else {
			// Invisible-only text reads as spaces: an optional box is empty, a required one says
			// "Enter …" (with the schema's own message, if it has one).
			visible[field] = value !== undefined && isBlank(value) ? ' ' : value;
		}
	}

	const result = schema.safeParse(visible, {
		error: (issue) => messageFor(issue, labelOf(String(issue.path?.[0] ?? '')))
	});
	if (result.success && Object.keys(errors).length === 0) {
		return { ok: true, data: result.data, values };
	}

	for (const issue of result.success ? [] : result.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	// Keep form order, so the error summary lists problems top to bottom.
	const ordered: FieldErrors = {};
	for (const field of [...Object.keys(shape), ...Object.keys(errors)]) {
		if (errors[field] !== undefined) ordered[field] ??= errors[field];
	}
	return { ok: false, errors: ordered, values };
}
