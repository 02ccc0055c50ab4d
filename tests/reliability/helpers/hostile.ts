// Deterministic generators of hostile input for the fuzz test: junk values, mangled forms,
// broken CSV files and junk query strings. Everything is derived from one seeded PRNG.
import type { Form } from './client';

export type Rng = () => number;

export const pick = <T>(rng: Rng, items: readonly T[]): T =>
	items[Math.floor(rng() * items.length)] as T;

const JUNK_VALUES: readonly ((rng: Rng) => string)[] = [
	() => '',
	() => ' ',
	() => '-1',
	() => '0',
	() => '1e309',
	() => 'NaN',
	() => 'Infinity',
	() => '9'.repeat(40),
	() => '1.5',
	() => '0x10',
	() => "' OR 1=1 --",
	() => '"; DROP TABLE commitments; --',
	() => '<script>alert(1)</script>',
	() => '\u0000',
	() => 'a\u0000b',
	() => '\ud800',
	() => '\u202e\u200b\ufeff',
	() => '../../../../etc/passwd',
	() => '%00%2e%2e%2f',
	() => '__proto__',
	() => 'constructor',
	() => '[object Object]',
	() => 'null',
	() => 'true',
	() => '2025-13-45',
	() => '0000-00-00',
	() => '9999-12-31',
	() => '2025-02-30T25:61:00Z',
	() => '🦁'.repeat(300),
	(rng) => 'x'.repeat(Math.floor(rng() * 4) === 0 ? 200_000 : 5_000),
	(rng) => String(Math.floor(rng() * 2 ** 31) * (rng() < 0.5 ? -1 : 1)),
	(rng) =>
		Array.from({ length: 64 }, () => String.fromCharCode(Math.floor(rng() * 0xd7ff))).join('')
];

export const junkValue = (rng: Rng): string => pick(rng, JUNK_VALUES)(rng);

/** One mangling of a valid form: drop, blank, junk, repeat or add fields. */
export function mangleForm(rng: Rng, form: Form): Form {
	const out: Form = { ...form };
	const keys = Object.keys(out);
	const kind = Math.floor(rng() * 7);
	if (kind === 0 || keys.length === 0) {
		return { [junkValue(rng).slice(0, 50) || 'x']: junkValue(rng) };
	}
	const times = 1 + Math.floor(rng() * 3);
	for (let i = 0; i < times; i++) {
		const key = pick(rng, keys);
		switch (kind) {
			case 1:
				delete out[key];
				break;
			case 2:
				out[key] = '';
				break;
			case 3:
			case 4:
				out[key] = junkValue(rng);
				break;
			case 5:
				out[key] = [junkValue(rng), junkValue(rng), String(out[key] ?? '')];
				break;
			default:
				out[junkValue(rng).slice(0, 40) || '__proto__'] = junkValue(rng);
				out['__proto__'] = 'x';
		}
	}
	return out;
}

/** Replaces the path's numeric segments with junk ids (never a small real id). */
export function manglePath(rng: Rng, path: string): string {
	const junk = [
		'0',
		'-1',
		'abc',
		'99999999999999999999',
		'1e3',
		'%00',
		'..%2F..',
		'1.5',
		'%20',
		'%E0%A4%A'
	];
	return path.replace(/\/\d+(?=[/?]|$)/g, () => `/${pick(rng, junk)}`);
}

const CSV_HEADER =
	'fiscal_year,vote_code,vote_name,programme,sub_programme,economic_class,phase,amount_kes,as_of,source_title,source_url';
const GOOD_ROW =
	'2025/26,1021,State Department for Internal Security and National Administration,Whole vote (fuzz),,recurrent,ceiling,1000,2025-02-15,Fuzz source,';

/** A broken (or occasionally valid) budget CSV. */
export function hostileCsv(rng: Rng): string {
	const kind = Math.floor(rng() * 12);
	const cells = () =>
		GOOD_ROW.split(',').map((c) => (rng() < 0.3 ? junkValue(rng).slice(0, 300) : c));
	switch (kind) {
		case 0:
			return '';
		case 1:
			return CSV_HEADER;
		case 2:
			return `${CSV_HEADER}\n"unterminated,${GOOD_ROW}`;
		case 3:
			return `\ufeff${CSV_HEADER}\r\n${GOOD_ROW}\r\n${GOOD_ROW.replace('1000', '-5')}`;
		case 4:
			return `${CSV_HEADER}\n${Array.from({ length: 2000 }, (_, i) => `${i},`.repeat(3)).join('')}`;
		case 5:
			return Array.from({ length: 500 }, () => junkValue(rng).slice(0, 80)).join(',');
		case 6:
			return `${CSV_HEADER}\n${Array.from({ length: 300 }, () => cells().join(',')).join('\n')}`;
		case 7:
			return `${CSV_HEADER}\n"${'"'.repeat(1001)}\n`;
		case 8:
			return String.fromCharCode(...Array.from({ length: 4000 }, () => Math.floor(rng() * 256)));
		case 9:
			return `${CSV_HEADER.split(',').reverse().join(',')}\n${GOOD_ROW}`;
		case 10:
			return `${CSV_HEADER}\n${GOOD_ROW.replace('2025/26', '2025/27')}\n${GOOD_ROW.replace('ceiling', 'stolen')}`;
		default:
			return `${CSV_HEADER}\n${cells().join(',')}`;
	}
}

const QUERY_KEYS = [
	'q',
	'page',
	'per_page',
	'limit',
	'offset',
	'sort',
	'order',
	'dir',
	'committee',
	'organisation',
	'status',
	'overdue',
	'fy',
	'fiscal_year',
	'theme',
	'from',
	'to',
	'since',
	'format',
	'lang',
	'job',
	'done',
	'redirectTo',
	'__proto__',
	'x-sveltekit-invalidated',
	'x-sveltekit-trailing-slash'
];

/** encodeURIComponent, except that a lone surrogate goes out as its raw (invalid) bytes. */
function encode(value: string): string {
	try {
		return encodeURIComponent(value);
	} catch {
		return value.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^%\w]/g, '_');
	}
}

/** A junk query string (leading '?'). */
export function junkQuery(rng: Rng): string {
	const parts: string[] = [];
	const n = 1 + Math.floor(rng() * 5);
	for (let i = 0; i < n; i++) {
		const key = rng() < 0.8 ? pick(rng, QUERY_KEYS) : encode(junkValue(rng).slice(0, 30));
		const value = junkValue(rng).slice(0, rng() < 0.1 ? 20_000 : 200);
		parts.push(`${key}=${rng() < 0.1 ? value.replace(/[^%]/g, '%') : encode(value)}`);
	}
	if (rng() < 0.1) parts.push('%', '&&', '=', 'a[b]=c');
	return `?${parts.join('&')}`;
}
