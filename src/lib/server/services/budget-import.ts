// The budget figures import from CSV, in three steps, each its own module:
//   read     src/lib/domain/budget-csv.ts (the format), budget-csv-checks.ts (pure checks) and
//            src/lib/server/budget-import/read.ts (the file streamed through csv-parse);
//   compare  src/lib/server/budget-import/compare.ts (a preview against the stored figures);
//   apply    src/lib/server/budget-import/apply.ts (one transaction, all or nothing).
// The SQL is in queries/budget-import.ts. The same steps serve the clerk workspace
// (services/import-jobs.ts) and `npm run import -- budget FILE`. Relative imports (not $lib) so
// that the command line runs them under tsx as well.
export {
	BUDGET_CSV_COLUMNS,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_ROWS,
	MAX_REPORTED_ERRORS,
	budgetCsvTemplate,
	formatRowError,
	type BudgetCsvColumn,
	type BudgetCsvRow,
	type ParsedBudgetCsv,
	type RowError
} from '../../domain/budget-csv';
export {
	fingerprintBudgetCsv,
	parseBudgetCsv,
	readBudgetCsv,
	textChunks,
	type ReadBudgetCsv
} from '../budget-import/read';
export {
	previewBudgetImport,
	type ChangedField,
	type FigureSnapshot,
	type ImportCounts,
	type ImportPreview,
	type LineRename,
	type PreviewRow
} from '../budget-import/compare';
export {
	ImportConflictError,
	applyBudgetImport,
	type ApplyOptions,
	type ImportResult
} from '../budget-import/apply';
