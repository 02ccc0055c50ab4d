// Readers for query-string parameters shared by the explorer pages and the open data API. Each
// reader records a problem against the parameter's name instead of throwing, so that one answer
// can name every bad parameter at once. An empty value means "no filter": HTML forms send
// `committee=` when "any" is chosen. Pure: safe in the browser.
import { isIsoDate } from './dates';
import { isFiscalYearLabel } from './fiscal-year';

export interface ParamError {
	param: string;
	message: string;
}

export type ParsedQuery<T> = { ok: true; query: T } | { ok: false; errors: ParamError[] };

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;
/** Deep pages cost a long OFFSET scan; nobody pages through 100,000 pages of anything. */
export const MAX_PAGE = 100_000;
/** More values than this in one list parameter is a mistake or an attack, not a filter. */
export const MAX_LIST_VALUES = 50;
export const MAX_TEXT_LENGTH = 200;

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;
const WHOLE = /^\d{1,9}$/;

/** The non-empty values of a parameter, from repeats (`a=x&a=y`) and commas (`a=x,y`). */
function values(params: URLSearchParams, name: string): string[] {
	const out: string[] = [];
	for (const raw of params.getAll(name)) {
		for (const part of raw.split(',')) {
			const v = part.trim();
			if (v !== '' && !out.includes(v)) out.push(v);
		}
	}
	return out;
}

/** The parameter's last value, trimmed, or null when absent or empty. */
function single(params: URLSearchParams, name: string): string | null {
	const all = params.getAll(name);
	const v = all.length > 0 ? (all[all.length - 1] ?? '').trim() : '';
	return v === '' ? null : v;
}

export function readList<T extends string>(
	params: URLSearchParams,
	name: string,
	guard: (x: unknown) => x is T,
	allowed: string,
	errors: ParamError[]
): T[] {
	const list = values(params, name);
	if (list.length > MAX_LIST_VALUES) {
		errors.push({ param: name, message: `at most ${MAX_LIST_VALUES} values are accepted` });
		return [];
	}
	const bad = list.filter((v) => !guard(v));
	if (bad.length > 0) {
		errors.push({
			param: name,
			message: `${JSON.stringify(bad[0]!.slice(0, 60))} is not one of: ${allowed}`
		});
		return [];
	}
	return list as T[];
}

export function isSlug(x: unknown): x is string {
	return typeof x === 'string' && SLUG.test(x);
}

export function readSlugs(params: URLSearchParams, name: string, errors: ParamError[]): string[] {
	return readList(params, name, isSlug, 'slugs (lower-case letters, digits and hyphens)', errors);
}

export function readText(
	params: URLSearchParams,
	name: string,
	errors: ParamError[],
	maxLength = MAX_TEXT_LENGTH
): string | null {
	const v = single(params, name);
	if (v === null) return null;
	const collapsed = v.replace(/\s+/g, ' ');
	// PostgreSQL refuses NUL in text; no other control character belongs in a search either.
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001F\u007F]/.test(collapsed)) {
		errors.push({ param: name, message: 'must not contain control characters' });
		return null;
	}
	if (collapsed.length > maxLength) {
		errors.push({ param: name, message: `must be at most ${maxLength} characters` });
		return null;
	}
	return collapsed;
}

export function readDate(params: URLSearchParams, name: string, errors: ParamError[]) {
	const v = single(params, name);
	if (v === null) return null;
	if (!isIsoDate(v)) {
		errors.push({ param: name, message: 'must be a real calendar date written YYYY-MM-DD' });
		return null;
	}
	return v;
}

export function readFiscalYear(params: URLSearchParams, name: string, errors: ParamError[]) {
	const v = single(params, name);
	if (v === null) return null;
	if (!isFiscalYearLabel(v)) {
		errors.push({ param: name, message: "must be a fiscal year label such as '2025/26'" });
		return null;
	}
	return v;
}

const TRUE = new Set(['true', '1', 'yes', 'on']);
const FALSE = new Set(['false', '0', 'no', 'off']);

export function readBoolean(params: URLSearchParams, name: string, errors: ParamError[]) {
	const v = single(params, name);
	if (v === null) return null;
	const lower = v.toLowerCase();
	if (TRUE.has(lower)) return true;
	if (FALSE.has(lower)) return false;
	errors.push({ param: name, message: "must be 'true' or 'false'" });
	return null;
}

export function readWhole(
	params: URLSearchParams,
	name: string,
	range: { min: number; max: number; fallback: number },
	errors: ParamError[]
): number {
	const v = single(params, name);
	if (v === null) return range.fallback;
	const n = WHOLE.test(v) ? Number(v) : NaN;
	if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
		errors.push({
			param: name,
			message: `must be a whole number from ${range.min} to ${range.max.toLocaleString('en-GB')}`
		});
		return range.fallback;
	}
	return n;
}

export function readChoice<T extends string>(
	params: URLSearchParams,
	name: string,
	choices: readonly T[],
	fallback: T,
	errors: ParamError[]
): T {
	const v = single(params, name);
	if (v === null) return fallback;
	if (!(choices as readonly string[]).includes(v)) {
		errors.push({ param: name, message: `must be one of: ${choices.join(', ')}` });
		return fallback;
	}
	return v as T;
}

export function readPaging(params: URLSearchParams, errors: ParamError[]) {
	return {
		page: readWhole(params, 'page', { min: 1, max: MAX_PAGE, fallback: 1 }, errors),
		pageSize: readWhole(
			params,
			'pageSize',
			{ min: 1, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE },
			errors
		)
	};
}
