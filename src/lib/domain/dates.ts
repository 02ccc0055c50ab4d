// Calendar dates are ISO 'YYYY-MM-DD' strings throughout the app. Arithmetic is done on the date
// parts in UTC so that the server's and the browser's time zones can never shift a date.

export const NAIROBI_TIME_ZONE = 'Africa/Nairobi';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
	year: number;
	month: number;
	day: number;
}

function utcMs(year: number, month: number, day: number): number {
	const d = new Date(0);
	// setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
	d.setUTCFullYear(year, month - 1, day);
	return d.getTime();
}

function splitIso(s: string): DateParts | null {
	const m = ISO_DATE.exec(s);
	if (!m) return null;
	const year = Number(m[1]);
	const month = Number(m[2]);
	const day = Number(m[3]);
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

function parseIso(iso: string): DateParts {
	const parts = splitIso(iso);
	if (!parts) throw new RangeError(`Not a valid ISO date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
	return parts;
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

function joinIso(year: number, month: number, day: number): string {
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function fromUtcMs(ms: number): string {
	const d = new Date(ms);
	return joinIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

function daysInMonth(year: number, month: number): number {
	// Day 0 of the next month is the last day of this one.
	return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

function assertInteger(n: number, what: string): void {
	if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

/** 'YYYY-MM-DD' naming a real calendar day (so '2025-02-30' and '2025-13-01' are rejected). */
export function isIsoDate(s: unknown): s is string {
	return typeof s === 'string' && splitIso(s) !== null;
}

const NAIROBI_PARTS = new Intl.DateTimeFormat('en-GB', {
	timeZone: NAIROBI_TIME_ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** Calendar parts of an instant as seen in Nairobi; Intl keeps this right if the zone changes. */
function nairobiParts(instant: Date): Record<string, string> {
	const parts = NAIROBI_PARTS.formatToParts(instant);
	return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** Today's date in Kenya: deadlines fall due on Nairobi days, not on the server's. */
export function todayInNairobi(now: Date = new Date()): string {
	if (Number.isNaN(now.getTime())) throw new RangeError('todayInNairobi: invalid Date');
	const p = nairobiParts(now);
	return joinIso(Number(p.year), Number(p.month), Number(p.day));
}

export function addDays(iso: string, n: number): string {
	assertInteger(n, 'addDays: n');
	const { year, month, day } = parseIso(iso);
	return fromUtcMs(utcMs(year, month, day) + n * MS_PER_DAY);
}

/** Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, n: number): string {
	assertInteger(n, 'addMonths: n');
	const { year, month, day } = parseIso(iso);
	const index = year * 12 + (month - 1) + n;
	const targetYear = Math.floor(index / 12);
	const targetMonth = index - targetYear * 12 + 1;
	return joinIso(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** `toIso` minus `fromIso` in whole days (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
	const a = parseIso(fromIso);
	const b = parseIso(toIso);
	return Math.round((utcMs(b.year, b.month, b.day) - utcMs(a.year, a.month, a.day)) / MS_PER_DAY);
}

// Fixed English abbreviations: ICU data differs between Node and browsers ('Sep' vs 'Sept'),
// and a server-rendered date that differs from the hydrated one would flicker or mismatch.
const EN_MONTHS = [
	'Jan',
	'Feb',
	'Mar',
	'Apr',
	'May',
	'Jun',
	'Jul',
	'Aug',
	'Sep',
	'Oct',
	'Nov',
	'Dec'
] as const;

function isSwahili(locale: string): boolean {
	return /^sw(-|$)/i.test(locale);
}

function monthAbbreviation(year: number, month: number, locale: string): string {
	if (!isSwahili(locale)) return EN_MONTHS[month - 1] ?? '';
	const parts = new Intl.DateTimeFormat('sw-KE', { month: 'short', timeZone: 'UTC' }).formatToParts(
		new Date(utcMs(year, month, 1))
	);
	return parts.find((p) => p.type === 'month')?.value ?? EN_MONTHS[month - 1] ?? '';
}

function formatParts(year: number, month: number, day: number, locale: string): string {
	return `${day} ${monthAbbreviation(year, month, locale)} ${year}`;
}

/**
 * '31 Mar 2026'. An invalid stored value is returned unchanged rather than thrown, so that one
 * bad row cannot take a whole page down.
 */
export function formatDate(iso: string, locale = 'en-KE'): string {
	const parts = splitIso(iso);
	if (!parts) return iso;
	return formatParts(parts.year, parts.month, parts.day, locale);
}

/**
 * '28 Nov 2026, 22:59' in Nairobi time. Timestamps without a zone are read as UTC because
 * that is how the database stores them (SQLite's CURRENT_TIMESTAMP is 'YYYY-MM-DD HH:MM:SS').
 */
export function formatDateTime(isoTimestamp: string, locale = 'en-KE'): string {
	let text = isoTimestamp.trim();
	if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
		text = `${text.replace(' ', 'T')}Z`;
	}
	const instant = new Date(text);
	if (Number.isNaN(instant.getTime())) return isoTimestamp;
	const p = nairobiParts(instant);
	const date = formatParts(Number(p.year), Number(p.month), Number(p.day), locale);
	return `${date}, ${p.hour}:${p.minute}`;
}
