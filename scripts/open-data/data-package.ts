// Validates the Fiscal Data Package offline with the Frictionless `datapackage` library: the
// descriptor against the profile it declares and against the Fiscal Data Package profile, the
// model against the resources it names, and every CSV row against its Table Schema.
//
// No network: the library resolves a profile named by registry id ('tabular-data-package',
// 'fiscal-data-package', 'tabular-data-resource') to the JSON Schema bundled in the package
// (datapackage/lib/profiles/*.json, copies of specs.frictionlessdata.io/schemas/*), and fetches
// only profiles and resource paths given as http(s) URLs. So remote profiles are refused here,
// and the resources' URLs are replaced by local copies of the CSV files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import datapackage from 'datapackage';
import { parseBudgetLineQuery } from '../../src/lib/domain/budget-query';
import { toCsv } from '../../src/lib/server/open-data/csv';
import type { Database } from '../../src/lib/server/db/index';
import {
	FIGURE_COLUMNS,
	PHASE_COLUMNS,
	figureRows,
	fiscalDataPackage,
	phaseRows
} from '../../src/lib/server/open-data/fiscal-data-package';
import {
	getBudgetFiscalYearSpan,
	searchBudgetLines
} from '../../src/lib/server/queries/budget-lines';

type Json = Record<string, unknown>;
interface Field {
	name: string;
	constraints?: { required?: boolean };
}
interface ResourceDescriptor {
	name: string;
	profile?: unknown;
	path?: unknown;
	schema?: { fields?: Field[] };
}
interface Attribute {
	source: string;
	resource?: string;
}

/**
 * What /data/datapackage.json, /data/budget-phases.csv and /data/budget-figures.csv serve
 * (unfiltered), from the same functions as those routes.
 */
export async function servedFiscalDataPackage(db: Database, origin: string) {
	const query = parseBudgetLineQuery(new URLSearchParams());
	if (!query.ok) throw new Error('the empty budget line query is valid');
	const { lines } = await searchBudgetLines(db, query.query, { all: true });
	return {
		lines,
		descriptor: fiscalDataPackage(origin, await getBudgetFiscalYearSpan(db)),
		csv: {
			'budget-phases': toCsv(PHASE_COLUMNS, phaseRows(lines)),
			'budget-figures': toCsv(FIGURE_COLUMNS, figureRows(lines))
		}
	};
}

const isRemote = (v: unknown) => typeof v === 'string' && /^https?:/i.test(v);
const oneLine = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');

/** Every problem found, as one line each; empty when the package and its files are valid. */
export async function validateFiscalDataPackage(
	descriptor: Json,
	csvByResource: Record<string, string>
): Promise<string[]> {
	const problems: string[] = [];
	const resources = (descriptor.resources ?? []) as ResourceDescriptor[];
	for (const r of [descriptor, ...resources]) {
		if (isRemote(r.profile)) problems.push(`remote profile ${String(r.profile)} is not checked`);
	}
	const missing = resources.filter((r) => csvByResource[r.name] === undefined);
	for (const r of missing) problems.push(`resource ${r.name}: no CSV given`);
	if (problems.length > 0) return problems;

	problems.push(...modelProblems(descriptor, resources));

	const dir = await mkdtemp(join(tmpdir(), 'ahadi-datapackage-'));
	try {
		const local = {
			...descriptor,
			resources: resources.map((r) => ({ ...r, path: `${r.name}.csv` }))
		};
		for (const r of resources) await writeFile(join(dir, `${r.name}.csv`), csvByResource[r.name]!);

		const pkg = await datapackage.Package.load(local, { basePath: dir });
		problems.push(...pkg.errors.map((e) => `descriptor (${pkg.profile.name}): ${oneLine(e)}`));
		const fiscal = await datapackage.Profile.load('fiscal-data-package');
		problems.push(
			...fiscal.validate(local).errors.map((e) => `descriptor (fiscal): ${oneLine(e)}`)
		);

		for (const resource of pkg.resources) {
			problems.push(...resource.errors.map((e) => `resource ${resource.name}: ${oneLine(e)}`));
			// forceCast turns each bad row into an Error in place of the row, so every bad row is
			// reported; what it cannot cover (a repeated key) is thrown.
			const file = `${resource.name}.csv`;
			try {
				const rows = await resource.read({ cast: true, forceCast: true });
				for (const row of rows) if (row instanceof Error) problems.push(...explain(file, row));
			} catch (e) {
				problems.push(...explain(file, e));
			}
		}
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
	return [...new Set(problems)];
}

/** The library's error and the field-level errors it carries in `errors`. */
function explain(file: string, e: unknown): string[] {
	const inner = (e as { errors?: unknown[] }).errors ?? [];
	return [e, ...inner].map((x) => `${file}: ${oneLine(x)}`);
}

/**
 * What the JSON Schema cannot see: every measure and attribute names a field of its resource,
 * and a dimension's key is made of required fields (an empty key cannot identify a member).
 */
function modelProblems(descriptor: Json, resources: ResourceDescriptor[]): string[] {
	const problems: string[] = [];
	const model = (descriptor.model ?? {}) as {
		measures?: Record<string, Attribute>;
		dimensions?: Record<string, { attributes: Record<string, Attribute>; primaryKey: unknown }>;
	};
	const fieldOf = (where: string, a: Attribute) => {
		const fields = resources.find((r) => r.name === a.resource)?.schema?.fields ?? [];
		const field = fields.find((f) => f.name === a.source);
		if (!field) problems.push(`${where}: no field ${a.source} in resource ${String(a.resource)}`);
		return field;
	};
	for (const [name, m] of Object.entries(model.measures ?? {})) fieldOf(`measure ${name}`, m);
	for (const [name, d] of Object.entries(model.dimensions ?? {})) {
		for (const [attr, a] of Object.entries(d.attributes)) fieldOf(`dimension ${name}.${attr}`, a);
		const key = Array.isArray(d.primaryKey) ? (d.primaryKey as string[]) : [String(d.primaryKey)];
		for (const attr of key) {
			const a = d.attributes[attr];
			if (!a) {
				problems.push(`dimension ${name}: key ${attr} is not one of its attributes`);
				continue;
			}
			const field = fieldOf(`dimension ${name}.${attr}`, a);
			if (field && field.constraints?.required !== true) {
				problems.push(`dimension ${name}: key ${attr} (field ${a.source}) may be empty`);
			}
		}
	}
	return [...new Set(problems)];
}
