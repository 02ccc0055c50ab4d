// Reading back what a failed form action echoed (`fail(400, { values, errors })`), for the
// page to show again. Safe for client code: no server imports.

export type EchoedValues = Record<string, string | string[]> | undefined;

/** The echoed text of one field, or `fallback` (e.g. the stored value) when none was echoed. */
export function textOf(values: EchoedValues, name: string, fallback = ''): string {
	const v = values?.[name];
	if (v === undefined) return fallback;
	return Array.isArray(v) ? (v[0] ?? '') : v;
}

/** The echoed values of a checkbox group, or `fallback` when the form was not posted. */
export function listOf(values: EchoedValues, name: string, fallback: string[] = []): string[] {
	if (!values) return fallback;
	const v = values[name];
	if (v === undefined) return [];
	return Array.isArray(v) ? v : [v];
}
