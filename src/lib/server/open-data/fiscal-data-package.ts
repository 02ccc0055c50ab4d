// The budget figures as a Fiscal Data Package (Frictionless, v1 model): a datapackage.json
// describing two CSV files, with each Kenyan budget phase mapped onto the standard's phase
// vocabulary (proposed, approved, adjusted, executed). tests/integration/open-data-package.test.ts
// validates it, and the CSV rows, with the `datapackage` library (npm run lint:open-data too).
import { BUDGET_PHASES, fiscalYearRange, type BudgetPhase } from '$lib/domain';
import type { CsvColumn } from './csv';
import type { BudgetLineRecord } from '../queries/budget-lines';

export type FdpPhase = 'proposed' | 'approved' | 'adjusted' | 'executed';

/**
 * The requirement and the Budget Policy Statement ceiling come before Parliament approves
 * anything (proposed); the Appropriation Act figure is approved; supplementary estimates adjust
 * it; exchequer releases and spending are execution.
 */
export const FDP_PHASE: Readonly<Record<BudgetPhase, FdpPhase>> = {
	requested: 'proposed',
	ceiling: 'proposed',
	approved: 'approved',
	supplementary_1: 'adjusted',
	supplementary_2: 'adjusted',
	released: 'executed',
	spent: 'executed'
};

const PHASE_TITLES: Readonly<Record<BudgetPhase, string>> = {
	requested: "The State Department's requirement (its request)",
	ceiling: 'Budget Policy Statement ceiling',
	approved: 'Appropriation Act (approved estimates)',
	supplementary_1: 'Revised total after Supplementary Estimates I',
	supplementary_2: 'Revised total after Supplementary Estimates II',
	released: 'Cumulative exchequer releases to the as-of date',
	spent: 'Cumulative expenditure to the as-of date'
};

export interface FigureRow {
	line: BudgetLineRecord;
	figure: BudgetLineRecord['figures'][number];
}

/** budget-figures.csv: one row per figure, with its source. */
export const FIGURE_COLUMNS: CsvColumn<FigureRow>[] = [
	{ header: 'budget_line_id', kind: 'number', value: (r) => r.line.id },
	{ header: 'fiscal_year', kind: 'text', value: (r) => r.line.fiscalYear },
	{ header: 'vote_code', kind: 'text', value: (r) => r.line.voteCode },
	{ header: 'vote_name', kind: 'text', value: (r) => r.line.voteName },
	{ header: 'programme', kind: 'text', value: (r) => r.line.programme },
	{ header: 'sub_programme', kind: 'text', value: (r) => r.line.subProgramme },
	{ header: 'economic_class', kind: 'text', value: (r) => r.line.economicClass },
	{ header: 'phase', kind: 'text', value: (r) => r.figure.phase },
	{ header: 'fdp_phase', kind: 'text', value: (r) => FDP_PHASE[r.figure.phase] },
	{ header: 'amount_kes', kind: 'number', value: (r) => r.figure.amountKes },
	{ header: 'as_of', kind: 'date', value: (r) => r.figure.asOf },
	{ header: 'illustrative', kind: 'boolean', value: (r) => r.figure.illustrative },
	{ header: 'source_title', kind: 'text', value: (r) => r.figure.sourceTitle },
	{ header: 'source_url', kind: 'text', value: (r) => r.figure.sourceUrl }
];

export function figureRows(lines: BudgetLineRecord[]): FigureRow[] {
	return lines.flatMap((line) => line.figures.map((figure) => ({ line, figure })));
}

export interface PhaseRow {
	line: BudgetLineRecord;
	asOf: string;
	amounts: Partial<Record<BudgetPhase, number>>;
	illustrative: boolean;
}

/**
 * The member of the programme dimension: never empty, unlike `sub_programme` (empty when the line
 * is a whole programme), because a dimension's key must identify every row.
 */
export function programmeKey(line: Pick<BudgetLineRecord, 'programme' | 'subProgramme'>): string {
	return line.subProgramme === '' ? line.programme : `${line.programme} / ${line.subProgramme}`;
}

/** budget-phases.csv: one row per line and as-of date, one amount column per phase. */
export function phaseRows(lines: BudgetLineRecord[]): PhaseRow[] {
	const rows: PhaseRow[] = [];
	for (const line of lines) {
		const byDate = new Map<string, PhaseRow>();
		for (const f of line.figures) {
			let row = byDate.get(f.asOf);
			if (!row) {
				row = { line, asOf: f.asOf, amounts: {}, illustrative: false };
				byDate.set(f.asOf, row);
				rows.push(row);
			}
			row.amounts[f.phase] = f.amountKes;
			row.illustrative ||= f.illustrative;
		}
	}
	return rows;
}

export const PHASE_COLUMNS: CsvColumn<PhaseRow>[] = [
	{ header: 'budget_line_id', kind: 'number', value: (r) => r.line.id },
	{ header: 'fiscal_year', kind: 'text', value: (r) => r.line.fiscalYear },
	{
		header: 'fiscal_year_start',
		kind: 'date',
		value: (r) => fiscalYearRange(r.line.fiscalYear).start
	},
	{ header: 'fiscal_year_end', kind: 'date', value: (r) => fiscalYearRange(r.line.fiscalYear).end },
	{ header: 'vote_code', kind: 'text', value: (r) => r.line.voteCode },
	{ header: 'vote_name', kind: 'text', value: (r) => r.line.voteName },
	{ header: 'programme', kind: 'text', value: (r) => r.line.programme },
	{ header: 'sub_programme', kind: 'text', value: (r) => r.line.subProgramme },
	{ header: 'programme_key', kind: 'text', value: (r) => programmeKey(r.line) },
	{ header: 'economic_class', kind: 'text', value: (r) => r.line.economicClass },
	{ header: 'as_of', kind: 'date', value: (r) => r.asOf },
	...BUDGET_PHASES.map((phase): CsvColumn<PhaseRow> => ({
		header: phase,
		kind: 'number',
		value: (r) => r.amounts[phase] ?? null
	})),
	{ header: 'illustrative', kind: 'boolean', value: (r) => r.illustrative }
];

const text = (name: string, description: string, required = true) => ({
	name,
	type: 'string',
	description,
	...(required ? { constraints: { required: true } } : {})
});
const date = (name: string, description: string) => ({
	name,
	type: 'date',
	format: 'default',
	description,
	constraints: { required: true }
});
const LINE_FIELDS = [
	{
		name: 'budget_line_id',
		type: 'integer',
		description: 'Ahadi identifier of the budget line',
		constraints: { required: true }
	},
	text('fiscal_year', "Kenyan fiscal year (1 July to 30 June), e.g. '2025/26'")
];
const VOTE_FIELDS = [
	text('vote_code', 'Vote code, e.g. 1021'),
	text('vote_name', 'Vote (State Department or agency)'),
	text('programme', 'Programme'),
	text('sub_programme', 'Sub-programme (empty when the line is a whole programme)', false)
];
const ECONOMIC_CLASS_FIELD = {
	name: 'economic_class',
	type: 'string',
	description: 'Economic classification',
	constraints: { required: true, enum: ['recurrent', 'development'] }
};
const BOOLEAN = { type: 'boolean', trueValues: ['true'], falseValues: ['false'] };

/**
 * datapackage.json, with absolute paths so it can be read straight from the site. `fiscalPeriod`
 * runs from the first day of the earliest fiscal year with budget lines to the last day of the
 * latest; it is left out when there are none (the standard requires a start when it is given).
 *
 * The profile is `tabular-data-package`: the official Fiscal Data Package JSON Schema
 * (specs.frictionlessdata.io/schemas/fiscal-data-package.json) extends the Tabular Data Package
 * one and requires exactly that value, so `fiscal-data-package` fails its own schema. What makes
 * it fiscal is the `model` (with `countryCode`, `granularity`, `fiscalPeriod`).
 */
export function fiscalDataPackage(
	origin: string,
	fiscalYears: { first: string; last: string } | null
) {
	const resourceUrl = (file: string) => `${origin}/data/${file}`;
	const fiscalPeriod = fiscalYears && {
		start: fiscalYearRange(fiscalYears.first).start,
		end: fiscalYearRange(fiscalYears.last).end
	};
	return {
		profile: 'tabular-data-package',
		name: 'ahadi-kenya-budget-figures',
		title: 'Ahadi: Kenya budget figures behind parliamentary undertakings',
		description:
			'Budget lines of the Kenyan national government linked to undertakings given to parliamentary committees, with every figure by phase of the budget cycle (requirement, Budget Policy Statement ceiling, approved estimates, supplementary estimates, exchequer releases, spending). Amounts are whole Kenya shillings. Figures invented for demonstration are flagged illustrative.',
		homepage: `${origin}/data`,
		countryCode: 'KE',
		granularity: 'aggregated',
		...(fiscalPeriod ? { fiscalPeriod } : {}),
		license: 'CC-BY-4.0',
		licenses: [
			{
				name: 'CC-BY-4.0',
				title: 'Creative Commons Attribution 4.0 International',
				path: 'https://creativecommons.org/licenses/by/4.0/'
			}
		],
		sources: [
			{
				title:
					'Each figure names its own source (budget estimates, Budget Policy Statement, Controller of Budget reports, press reports); see source_title and source_url in budget-figures.csv'
			}
		],
		phaseMapping: Object.fromEntries(
			BUDGET_PHASES.map((p) => [p, { fdpPhase: FDP_PHASE[p], description: PHASE_TITLES[p] }])
		),
		resources: [
			{
				name: 'budget-phases',
				profile: 'tabular-data-resource',
				title: 'Budget figures, one row per line and date, one column per phase',
				path: resourceUrl('budget-phases.csv'),
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				schema: {
					fields: [
						...LINE_FIELDS,
						date('fiscal_year_start', 'First day of the fiscal year'),
						date('fiscal_year_end', 'Last day of the fiscal year'),
						...VOTE_FIELDS,
						text(
							'programme_key',
							"The programme, or 'programme / sub-programme': the programme dimension's key"
						),
						ECONOMIC_CLASS_FIELD,
						date('as_of', 'Date the figures in this row were reported as at'),
						...BUDGET_PHASES.map((phase) => ({
							name: phase,
							type: 'integer',
							description: `${PHASE_TITLES[phase]}, whole KES (empty when not reported at this date)`,
							constraints: { minimum: 0 }
						})),
						{
							name: 'illustrative',
							...BOOLEAN,
							description: 'Any figure in the row invented for the demonstration'
						}
					],
					primaryKey: ['budget_line_id', 'as_of']
				}
			},
			{
				name: 'budget-figures',
				profile: 'tabular-data-resource',
				title: 'Budget figures, one row per figure, with its source',
				path: resourceUrl('budget-figures.csv'),
				format: 'csv',
				mediatype: 'text/csv',
				encoding: 'utf-8',
				schema: {
					fields: [
						...LINE_FIELDS,
						...VOTE_FIELDS,
						ECONOMIC_CLASS_FIELD,
						{
							name: 'phase',
							type: 'string',
							description: 'Phase of the Kenyan budget cycle',
							constraints: { required: true, enum: [...BUDGET_PHASES] }
						},
						{
							name: 'fdp_phase',
							type: 'string',
							description: 'The phase in the Fiscal Data Package vocabulary',
							constraints: {
								required: true,
								enum: ['proposed', 'approved', 'adjusted', 'executed']
							}
						},
						{
							name: 'amount_kes',
							type: 'integer',
							description: 'Amount in whole Kenya shillings',
							constraints: { required: true, minimum: 0 }
						},
						date('as_of', 'Date the figure was reported as at'),
						{ name: 'illustrative', ...BOOLEAN, description: 'Invented for the demonstration' },
						text('source_title', 'Where the figure comes from'),
						{ name: 'source_url', type: 'string', format: 'uri', description: 'Link to the source' }
					],
					primaryKey: ['budget_line_id', 'phase', 'as_of']
				}
			}
		],
		model: {
			measures: Object.fromEntries(
				BUDGET_PHASES.map((phase) => [
					phase,
					{
						source: phase,
						resource: 'budget-phases',
						currency: 'KES',
						factor: 1,
						direction: 'expenditure',
						phase: FDP_PHASE[phase],
						title: PHASE_TITLES[phase]
					}
				])
			),
			dimensions: {
				'fiscal-period': {
					dimensionType: 'datetime',
					attributes: {
						fiscal_year: { source: 'fiscal_year', resource: 'budget-phases' },
						start: { source: 'fiscal_year_start', resource: 'budget-phases' },
						end: { source: 'fiscal_year_end', resource: 'budget-phases' }
					},
					primaryKey: 'fiscal_year'
				},
				'as-of': {
					dimensionType: 'datetime',
					attributes: { as_of: { source: 'as_of', resource: 'budget-phases' } },
					primaryKey: 'as_of'
				},
				administrative: {
					dimensionType: 'classification',
					classificationType: 'administrative',
					attributes: {
						vote_code: { source: 'vote_code', resource: 'budget-phases' },
						vote_name: { source: 'vote_name', resource: 'budget-phases', labelfor: 'vote_code' }
					},
					primaryKey: 'vote_code'
				},
				programme: {
					dimensionType: 'classification',
					classificationType: 'functional',
					attributes: {
						programme_key: { source: 'programme_key', resource: 'budget-phases' },
						programme: { source: 'programme', resource: 'budget-phases' },
						sub_programme: {
							source: 'sub_programme',
							resource: 'budget-phases',
							parent: 'programme'
						}
					},
					primaryKey: 'programme_key'
				},
				economic: {
					dimensionType: 'classification',
					classificationType: 'economic',
					attributes: { economic_class: { source: 'economic_class', resource: 'budget-phases' } },
					primaryKey: 'economic_class'
				},
				'budget-line': {
					dimensionType: 'other',
					attributes: { budget_line_id: { source: 'budget_line_id', resource: 'budget-phases' } },
					primaryKey: 'budget_line_id'
				}
			}
		}
	};
}
