import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import {
	servedFiscalDataPackage,
	validateFiscalDataPackage
} from '../../scripts/open-data/data-package';
import type { Database } from '$lib/server/db/index';
import { PHASE_COLUMNS, phaseRows } from '$lib/server/open-data/fiscal-data-package';
import { freshDb } from '../helpers/db';

const ORIGIN = 'https://ahadi.example.org';
const servedPackage = (db: Database) => servedFiscalDataPackage(db, ORIGIN);

type Served = Awaited<ReturnType<typeof servedPackage>>;
let db: Database;
let demo: Served;

beforeAll(async () => {
	db = await freshDb();
	await seedDemo(db);
	demo = await servedPackage(db);
});

afterAll(async () => {
	await db?.destroy();
});

describe('the Fiscal Data Package on the demo data', () => {
	it('validates with the Frictionless library: descriptor, fiscal profile, model and CSV rows', async () => {
		expect(await validateFiscalDataPackage(demo.descriptor, demo.csv)).toEqual([]);
	});

	it('covers the fiscal years of the budget lines', () => {
		const years = demo.lines.map((l) => l.fiscalYear).sort();
		const first = Number(years[0]!.slice(0, 4));
		const last = Number(years.at(-1)!.slice(0, 4));
		expect(demo.descriptor.fiscalPeriod).toEqual({
			start: `${first}-07-01`,
			end: `${last + 1}-06-30`
		});
	});

	it('keys the programme dimension on a column that is never empty, even for whole programmes', () => {
		expect(demo.lines.some((l) => l.subProgramme === '')).toBe(true);
		expect(demo.descriptor.model.dimensions.programme.primaryKey).toBe('programme_key');
		const rows = phaseRows(demo.lines);
		const keys = rows.map((r) => PHASE_COLUMNS.find((c) => c.header === 'programme_key')!.value(r));
		expect(keys.every((k) => typeof k === 'string' && k !== '')).toBe(true);
	});
});

describe('the validator fails on a broken package', () => {
	const resources = () => structuredClone(demo.descriptor.resources);

	it('a resource without its tabular profile', async () => {
		const [phases, figures] = resources();
		const { profile: _dropped, ...bare } = phases!;
		const problems = await validateFiscalDataPackage(
			{ ...demo.descriptor, resources: [bare, figures] },
			demo.csv
		);
		expect(problems.join('\n')).toMatch(/resources\/0\/profile/);
	});

	it('the package profile named fiscal-data-package (its own JSON Schema wants tabular-data-package)', async () => {
		const problems = await validateFiscalDataPackage(
			{ ...demo.descriptor, profile: 'fiscal-data-package' },
			demo.csv
		);
		expect(problems.join('\n')).toMatch(/No enum match for: "fiscal-data-package"/);
	});

	it('a dimension keyed on a column that may be empty', async () => {
		const model = structuredClone(demo.descriptor.model);
		(model.dimensions.programme as { primaryKey: unknown }).primaryKey = [
			'programme',
			'sub_programme'
		];
		const problems = await validateFiscalDataPackage({ ...demo.descriptor, model }, demo.csv);
		expect(problems).toContain(
			'dimension programme: key sub_programme (field sub_programme) may be empty'
		);
	});

	it('a fiscal period without its start', async () => {
		const problems = await validateFiscalDataPackage(
			{ ...demo.descriptor, fiscalPeriod: { end: '2026-06-30' } },
			demo.csv
		);
		expect(problems.join('\n')).toMatch(/fiscalPeriod/);
	});

	it('CSV rows that break their schema: a negative amount, a repeated key, a missing column', async () => {
		const [header, first] = demo.csv['budget-figures'].split('\r\n');
		const negative = first!.replace(/,(\d+),(\d{4}-\d{2}-\d{2}),/, ',-$1,$2,');
		expect(negative).not.toBe(first);
		const problems = await validateFiscalDataPackage(demo.descriptor, {
			'budget-phases': demo.csv['budget-phases'].replace(',programme_key,', ',programme_name,'),
			'budget-figures': [header, first, first, negative, ''].join('\r\n')
		});
		const text = problems.join('\n');
		expect(text).toMatch(/budget-figures\.csv: .*unique constraint/);
		expect(text).toMatch(/budget-figures\.csv: .*minimum/);
		expect(text).toMatch(/budget-phases\.csv: .*programme_key/);
	});
});

it('an empty database gives a valid package, without a fiscal period', async () => {
	const empty = await freshDb();
	try {
		const served = await servedPackage(empty);
		expect(served.descriptor).not.toHaveProperty('fiscalPeriod');
		expect(await validateFiscalDataPackage(served.descriptor, served.csv)).toEqual([]);
	} finally {
		await empty.destroy();
	}
});
