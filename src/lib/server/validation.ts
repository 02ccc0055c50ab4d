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
 * - Error messages are plain and name the field ("Enter title", "Title must be 200 characters or
 *   fewer"). The label is `labels[field]`, else the schema's `.describe()` text, else the field
 *   name in words. A message written in the schema (`.min(1, 'Enter the quote')`) wins.
 * - `values` echoes what was typed so the form can be shown again, except secrets: any field
 *   whose name contains "password", and those listed in `secret`. Never echo a password.
 * - `errors` holds the first message per field, keyed by field name, in form order.
 */
import { z } from 'zod';

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;

export type FormResult<T> =
	| { ok: true; data: T; values: FormValues }
	| { ok: false; errors: FieldErrors; values: FormValues };

export interface FormOptions {
	labels?: Record<string, string>;
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
	const lower = inSentence(label);
	switch (issue.code) {
		case 'invalid_type':
			if (issue.input === undefined || issue.input === null) return `Enter ${lower}`;
			if (issue.expected === 'number' || issue.expected === 'int') {
				return `${label} must be a number`;
			}
			return `Enter ${lower} in the correct format`;
		case 'too_small':
			if (issue.origin === 'string') {
				return Number(issue.minimum) <= 1
					? `Enter ${lower}`
					: `${label} must be at least ${issue.minimum} characters`;
			}
			if (issue.origin === 'array' || issue.origin === 'set') {
				return `Select at least ${issue.minimum} ${lower}`;
			}
			return `${label} must be ${issue.minimum} or more`;
		case 'too_big':
			if (issue.origin === 'string') return `${label} must be ${issue.maximum} characters or fewer`;
			if (issue.origin === 'array' || issue.origin === 'set') {
				return `Select no more than ${issue.maximum} ${lower}`;
			}
			return `${label} must be ${issue.maximum} or less`;
		case 'invalid_format':
			if (issue.format === 'email') {
				return `Enter ${lower} in the correct format, like name@example.com`;
			}
			if (issue.format === 'date') return `Enter ${lower} as a real date, like 2026-03-31`;
			if (issue.format === 'url') return `Enter ${lower} as a full web address`;
			return `Enter ${lower} in the correct format`;
		case 'invalid_value':
			return `Select ${lower} from the list`;
		default:
			return `Check ${lower}`;
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
	const labelOf = (field: string) =>
		options.labels?.[field] ?? shape[field]?.description ?? humanise(field);

	const result = schema.safeParse(input, {
		error: (issue) => messageFor(issue, labelOf(String(issue.path?.[0] ?? '')))
	});
	if (result.success) return { ok: true, data: result.data, values };

	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
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
