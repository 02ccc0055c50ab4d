// A validator for the subset of JSON Schema 2020-12 that the OpenAPI document uses. It refuses
// any keyword it does not implement (instead of ignoring it, as a lenient validator would), so a
// schema can never pass a response by using a keyword nobody checks.

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', 'deprecated']);
const KEYWORDS = new Set([
	'$ref',
	'type',
	'enum',
	'const',
	'properties',
	'required',
	'additionalProperties',
	'items',
	'anyOf',
	'oneOf',
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'pattern',
	'format',
	...ANNOTATIONS
]);

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function isRealDate(s: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === s;
}

const FORMATS: Record<string, (s: string) => boolean> = {
	date: isRealDate,
	'date-time': (s) => RFC3339.test(s) && !Number.isNaN(Date.parse(s)),
	uri: (s) => {
		try {
			return /^[a-z][a-z0-9+.-]*:/i.test(s) && new URL(s).protocol.length > 1;
		} catch {
			return false;
		}
	}
};

function typeOf(v: unknown): string {
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'array';
	return typeof v;
}

function hasType(v: unknown, type: string): boolean {
	switch (type) {
		case 'null':
			return v === null;
		case 'integer':
			return typeof v === 'number' && Number.isInteger(v);
		case 'number':
			return typeof v === 'number' && Number.isFinite(v);
		case 'object':
			return typeOf(v) === 'object';
		case 'array':
			return Array.isArray(v);
		case 'string':
		case 'boolean':
			return typeof v === type;
		default:
			throw new Error(`unsupported type ${type}`);
	}
}

function resolvePointer(root: unknown, ref: string): Schema {
	if (!ref.startsWith('#/')) throw new Error(`only local $ref is supported: ${ref}`);
	let node: unknown = root;
	for (const part of ref.slice(2).split('/')) {
		const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
		node = (node as Record<string, unknown>)?.[key];
		if (node === undefined) throw new Error(`unresolved $ref ${ref}`);
	}
	return node as Schema;
}

/** Every way `value` breaks `schema`, as 'path: problem' lines; empty when it conforms. */
export function validate(root: unknown, schema: Schema, value: unknown, path = '$'): string[] {
	for (const k of Object.keys(schema)) {
		if (!KEYWORDS.has(k)) throw new Error(`unsupported JSON Schema keyword '${k}' at ${path}`);
	}
	const errors: string[] = [];
	const fail = (message: string) => errors.push(`${path}: ${message}`);

	if (typeof schema.$ref === 'string') {
		errors.push(...validate(root, resolvePointer(root, schema.$ref), value, path));
	}
	if (schema.type !== undefined) {
		const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
		if (!types.some((t) => hasType(value, t))) {
			fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
			return errors;
		}
	}
	if (Array.isArray(schema.enum) && !schema.enum.some((e) => e === value)) {
		fail(`${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
	}
	if ('const' in schema && schema.const !== value) {
		fail(`expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
	}
	if (typeof value === 'number') {
		if (typeof schema.minimum === 'number' && value < schema.minimum) {
			fail(`${value} < minimum ${schema.minimum}`);
		}
		if (typeof schema.maximum === 'number' && value > schema.maximum) {
			fail(`${value} > maximum ${schema.maximum}`);
		}
	}
	if (typeof value === 'string') {
		if (typeof schema.minLength === 'number' && value.length < schema.minLength) {
			fail('too short');
		}
		if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) {
			fail('too long');
		}
		if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) {
			fail(`does not match ${schema.pattern}`);
		}
		if (typeof schema.format === 'string') {
			const check = FORMATS[schema.format];
			if (!check) throw new Error(`unsupported format ${schema.format}`);
			if (!check(value)) fail(`${JSON.stringify(value)} is not a valid ${schema.format}`);
		}
	}
	if (typeOf(value) === 'object') {
		const obj = value as Record<string, unknown>;
		const props = (schema.properties ?? {}) as Record<string, Schema>;
		for (const name of (schema.required ?? []) as string[]) {
			if (!(name in obj)) fail(`missing required property '${name}'`);
		}
		for (const [name, v] of Object.entries(obj)) {
			const sub = props[name];
			if (sub) errors.push(...validate(root, sub, v, `${path}.${name}`));
			else if (schema.additionalProperties === false) fail(`unexpected property '${name}'`);
			else if (typeOf(schema.additionalProperties) === 'object') {
				errors.push(...validate(root, schema.additionalProperties as Schema, v, `${path}.${name}`));
			}
		}
	}
	if (Array.isArray(value) && schema.items) {
		value.forEach((item, i) =>
			errors.push(...validate(root, schema.items as Schema, item, `${path}[${i}]`))
		);
	}
	if (Array.isArray(schema.anyOf)) {
		const results = (schema.anyOf as Schema[]).map((s) => validate(root, s, value, path));
		if (!results.some((r) => r.length === 0)) {
			fail(`matches none of anyOf: ${results.map((r) => r[0]).join(' | ')}`);
		}
	}
	if (Array.isArray(schema.oneOf)) {
		const passing = (schema.oneOf as Schema[]).filter(
			(s) => validate(root, s, value, path).length === 0
		);
		if (passing.length !== 1) fail(`matches ${passing.length} of oneOf, expected exactly 1`);
	}
	return errors;
}
