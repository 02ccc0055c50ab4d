// Comparing the rows of a budget CSV with what is stored: each row an add, a change (with
// before and after) or unchanged, and the budget lines that are new or renamed. Reads only; a
// bounded number of queries however many rows.
import type { Kysely, Transaction } from 'kysely';
import { budgetLineKey, type BudgetCsvRow } from '../../domain/budget-csv';
import type { EconomicClass } from '../../domain/status';
import type { DB } from '../db/schema';
import { listLinesAndFiguresOfVotes, type StoredFigure } from '../queries/budget-import';

export interface FigureSnapshot {
	voteName: string;
	amountKes: number;
	sourceTitle: string;
	sourceUrl: string | null;
}

export type ChangedField = keyof FigureSnapshot;

export interface PreviewRow {
	line: number;
	kind: 'add' | 'change' | 'unchanged';
	row: BudgetCsvRow;
	/** True when the budget line itself is new too (not only the figure). */
	newLine: boolean;
	/** The stored figure (and its line's vote name); null for an add. */
	before: FigureSnapshot | null;
	after: FigureSnapshot;
	/** What differs between before and after; empty unless kind is 'change'. */
	changedFields: ChangedField[];
	/** The stored figure's id, for a change. */
	figureId: number | null;
}

/** An existing budget line whose vote name the file changes. */
export interface LineRename {
	budgetLineId: number;
	fiscalYear: string;
	voteCode: string;
	programme: string;
	subProgramme: string;
	economicClass: EconomicClass;
	from: string;
	to: string;
}

export interface ImportCounts {
	/** Valid rows considered. */
	total: number;
	added: number;
	changed: number;
	unchanged: number;
	/** Budget lines that do not exist yet and will be created. */
	newLines: number;
	/** Existing budget lines whose vote name will change. */
	renamedLines: number;
}

export interface ImportPreview {
	counts: ImportCounts;
	added: PreviewRow[];
	changed: PreviewRow[];
	unchanged: PreviewRow[];
	lineRenames: LineRename[];
}

export interface ImportPlan {
	preview: ImportPreview;
	/** Ids of existing lines by natural key; the apply step adds the lines it inserts. */
	lineIds: Map<string, number>;
	/** Existing lines that get a new or changed figure: their commitments need a refresh. */
	touchedLineIds: Set<number>;
}

function snapshotOf(row: BudgetCsvRow): FigureSnapshot {
	return {
		voteName: row.voteName,
		amountKes: row.amountKes,
		sourceTitle: row.sourceTitle,
		sourceUrl: row.sourceUrl
	};
}

function differences(before: FigureSnapshot, after: FigureSnapshot): ChangedField[] {
	const fields: ChangedField[] = [];
	if (before.voteName !== after.voteName) fields.push('voteName');
	if (before.amountKes !== after.amountKes) fields.push('amountKes');
	if (before.sourceTitle !== after.sourceTitle) fields.push('sourceTitle');
	if (before.sourceUrl !== after.sourceUrl) fields.push('sourceUrl');
	return fields;
}

const NO_CHANGES: ChangedField[] = [];
const figureKey = (lineId: number, phase: string, asOf: string) =>
	`${lineId}\u0000${phase}\u0000${asOf}`;

/** The comparison, with what the apply step needs to write it. */
export async function planBudgetImport(
	db: Kysely<DB> | Transaction<DB>,
	rows: readonly BudgetCsvRow[]
): Promise<ImportPlan> {
	const years = [...new Set(rows.map((r) => r.fiscalYear))];
	const votes = [...new Set(rows.map((r) => r.voteCode))];
	const stored = await listLinesAndFiguresOfVotes(db, years, votes);
	const lines = new Map(stored.lines.map((l) => [budgetLineKey(l), l]));
	const figures = new Map<string, StoredFigure>(
		stored.figures.map((f) => [figureKey(f.budgetLineId, f.phase, f.asOf), f])
	);
	const preview: ImportPreview = {
		counts: {
			total: rows.length,
			added: 0,
			changed: 0,
			unchanged: 0,
			newLines: 0,
			renamedLines: 0
		},
		added: [],
		changed: [],
		unchanged: [],
		lineRenames: []
	};
	const plan: ImportPlan = {
		preview,
		lineIds: new Map(stored.lines.map((l) => [budgetLineKey(l), l.id])),
		touchedLineIds: new Set()
	};
	const newLineKeys = new Set<string>();
	const renamed = new Set<number>();
	for (const row of rows) {
		const lineKey = budgetLineKey(row);
		const line = lines.get(lineKey);
		const after = snapshotOf(row);
		const base = { line: row.line, row, before: null, after, figureId: null };
		if (!line) {
			newLineKeys.add(lineKey);
			preview.added.push({ ...base, kind: 'add', newLine: true, changedFields: NO_CHANGES });
			continue;
		}
		if (line.voteName !== row.voteName && !renamed.has(line.id)) {
			renamed.add(line.id);
			preview.lineRenames.push({
				budgetLineId: line.id,
				fiscalYear: row.fiscalYear,
				voteCode: row.voteCode,
				programme: row.programme,
				subProgramme: row.subProgramme,
				economicClass: row.economicClass,
				from: line.voteName,
				to: row.voteName
			});
		}
		const figure = figures.get(figureKey(line.id, row.phase, row.asOf));
		if (!figure) {
			preview.added.push({ ...base, kind: 'add', newLine: false, changedFields: NO_CHANGES });
			plan.touchedLineIds.add(line.id);
			continue;
		}
		const before: FigureSnapshot = {
			voteName: line.voteName,
			amountKes: figure.amountKes,
			sourceTitle: figure.sourceTitle,
			sourceUrl: figure.sourceUrl
		};
		const changedFields = differences(before, after);
		const compared = { ...base, newLine: false, before, changedFields, figureId: figure.id };
		if (changedFields.length === 0) {
			preview.unchanged.push({ ...compared, kind: 'unchanged' });
			continue;
		}
		preview.changed.push({ ...compared, kind: 'change' });
		plan.touchedLineIds.add(line.id);
	}
	const { counts } = preview;
	counts.added = preview.added.length;
	counts.changed = preview.changed.length;
	counts.unchanged = preview.unchanged.length;
	counts.newLines = newLineKeys.size;
	counts.renamedLines = preview.lineRenames.length;
	return plan;
}

/**
 * What importing `rows` would do: each row classified as add, change (with before and after) or
 * unchanged. Reads only; a bounded number of queries however many rows.
 */
export async function previewBudgetImport(
	db: Kysely<DB> | Transaction<DB>,
	rows: readonly BudgetCsvRow[]
): Promise<ImportPreview> {
	return (await planBudgetImport(db, rows)).preview;
}
