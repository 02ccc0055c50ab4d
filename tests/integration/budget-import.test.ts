import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '../../src/lib/server/audit';
import type { Database } from '../../src/lib/server/db/index';
import {
	BUDGET_CSV_COLUMNS,
	MAX_IMPORT_BYTES,
	MAX_IMPORT_ROWS,
	applyBudgetImport,
	budgetCsvTemplate,
	formatRowError,
	parseBudgetCsv,
	previewBudgetImport,
	type BudgetCsvColumn,
	type BudgetCsvRow
} from '../../src/lib/server/services/budget-import';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';

const HEADER = BUDGET_CSV_COLUMNS.join(',');
const ACTOR: Actor = { id: null, label: 'test import' };

type Cells = Partial<Record<BudgetCsvColumn, string>>;

const BASE: Record<BudgetCsvColumn, string> = {
	fiscal_year: '2025/26',
	vote_code: '1021',
	vote_name: 'State Department for Internal Security and National Administration',
	programme: 'National Government Administration',
	sub_programme: '',
	economic_class: 'recurrent',
	phase: 'ceiling',
	amount_kes: '37508800000',
	as_of: '2025-02-15',
	source_title: 'Budget Policy Statement 2025 (illustrative test row)',
	source_url: ''
};

function csvLine(cells: Cells): string {
	const row = { ...BASE, ...cells };
	return BUDGET_CSV_COLUMNS.map((c) => {
		const v = row[c];
		return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
	}).join(',');
}

function csv(...rows: Cells[]): string {
	return `${[HEADER, ...rows.map(csvLine)].join('\n')}\n`;
}

/** Three figures on two lines: the good file of most tests. */
const GOOD = csv(
	{ phase: 'requested', amount_kes: '59,002,900,000', as_of: '2025-02-01' },
	{ phase: 'ceiling', amount_kes: '37508800000' },
	{
		programme: 'Policing Services',
		economic_class: 'development',
		phase: 'approved',
		amount_kes: '6985000000',
		as_of: '2025-06-26',
		source_title: 'Appropriation Act 2025',
		source_url: 'https://example.org/appropriation-act-2025.pdf'
	}
);

async function parseOk(text: string): Promise<BudgetCsvRow[]> {
	const { rows, errors } = await parseBudgetCsv(text);
	expect(errors).toEqual([]);
	return rows;
}

async function counts(db: Database) {
	const n = async (table: 'budget_lines' | 'budget_figures' | 'audit_log') =>
		Number(
			(
				await db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.executeTakeFirstOrThrow()
			).n
		);
	return {
		lines: await n('budget_lines'),
		figures: await n('budget_figures'),
		audit: await n('audit_log')
	};
}

let db: Database;

beforeEach(async () => {
	db = await freshDb();
});

afterEach(async () => {
	await db.destroy();
});

describe('parseBudgetCsv', () => {
	it('reads the template, which matches the downloadable file', async () => {
		const template = budgetCsvTemplate();
		expect(readFileSync('static/templates/budget-figures.csv', 'utf8')).toBe(template);
		const rows = await parseOk(template);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toMatchObject({
			line: 2,
			fiscalYear: '2025/26',
			voteCode: '1021',
			phase: 'ceiling',
			amountKes: 37_508_800_000,
			asOf: '2025-02-15',
			sourceUrl: null
		});
		expect(rows.every((r) => r.sourceTitle.includes('(example row)'))).toBe(true);
		expect(rows[1]).toMatchObject({ line: 3, amountKes: 616_000_000 });
	});

	it('reports every broken row with its line, column and a plain message', async () => {
		const text = csv(
			{},
			{ programme: 'P2', amount_kes: '12.5' },
			{ programme: 'P3', phase: 'approve' },
			{ programme: 'P4', as_of: '2025-02-30' },
			{
				programme: 'P5',
				fiscal_year: '2025-26',
				vote_code: '10A',
				vote_name: '',
				economic_class: 'capital',
				amount_kes: '-5',
				source_title: '',
				source_url: 'ftp://example.org/x'
			},
			{ programme: 'P6', amount_kes: 'about a billion' }
		);
		const { rows, errors } = await parseBudgetCsv(text);
		expect(rows.map((r) => r.line)).toEqual([2]);
		expect(errors.map(formatRowError)).toEqual([
			'Line 3, column amount_kes: "12.5" is not a whole number of shillings',
			'Line 4, column phase: "approve" is not a budget phase (requested, ceiling, approved, supplementary_1, supplementary_2, released, spent)',
			'Line 5, column as_of: "2025-02-30" is not a real date written YYYY-MM-DD',
			'Line 6, column fiscal_year: "2025-26" is not a fiscal year like 2025/26',
			'Line 6, column vote_code: "10A" is not a vote code (digits only, like 1021)',
			'Line 6, column vote_name: is empty',
			'Line 6, column economic_class: "capital" is not an economic class (recurrent or development)',
			'Line 6, column amount_kes: "-5" is negative; amounts are zero or more',
			'Line 6, column source_title: is empty',
			'Line 6, column source_url: "ftp://example.org/x" is not a web address starting with http:// or https://',
			'Line 7, column amount_kes: "about a billion" is not a whole number of shillings'
		]);
	});

	it('names the missing and unknown columns of a wrong header', async () => {
		const text = csv({}).replace('phase,', 'stage,');
		const { rows, errors } = await parseBudgetCsv(text);
		expect(rows).toEqual([]);
		expect(errors[0]).toEqual({
			line: 1,
			column: null,
			message: 'the header is missing the column(s) phase'
		});
		expect(errors[1]?.message).toBe('the header has unknown column(s) stage');
	});

	it('accepts the columns in any order, a UTF-8 BOM, CRLF and quoted commas', async () => {
		const reversed = [...BUDGET_CSV_COLUMNS].reverse();
		const text =
			'\uFEFF' +
			[
				reversed.join(','),
				'https://example.org/bps.pdf,"Budget Policy Statement, 2025",2025-02-15,"37,508,800,000",ceiling,recurrent,"Units, new",Admin,"Interior, State Department",1021,2025/26',
				',Source B,2025-02-15,"1,000",ceiling,development,,Admin,"Interior, State Department",1021,2025/26'
			].join('\r\n') +
			'\r\n';
		const rows = await parseOk(text);
		expect(rows).toEqual([
			{
				line: 2,
				fiscalYear: '2025/26',
				voteCode: '1021',
				voteName: 'Interior, State Department',
				programme: 'Admin',
				subProgramme: 'Units, new',
				economicClass: 'recurrent',
				phase: 'ceiling',
				amountKes: 37_508_800_000,
				asOf: '2025-02-15',
				sourceTitle: 'Budget Policy Statement, 2025',
				sourceUrl: 'https://example.org/bps.pdf'
			},
			expect.objectContaining({ line: 3, subProgramme: '', amountKes: 1000, sourceUrl: null })
		]);
	});

	it('counts physical lines across blank lines and quoted line breaks', async () => {
		const text = [
			HEADER,
			'',
			csvLine({ source_title: 'Two\nlines' }),
			',,,,,,,,,,',
			csvLine({ programme: 'P2', amount_kes: 'x' })
		].join('\n');
		const { errors } = await parseBudgetCsv(text);
		expect(errors.map(formatRowError)).toEqual([
			'Line 3, column source_title: contains a line break, tab or other control character',
			'Line 6, column amount_kes: "x" is not a whole number of shillings'
		]);
	});

	it('flags repeated figures and a vote named two ways within the file', async () => {
		const text = csv(
			{},
			{ amount_kes: '1' },
			{ programme: 'P2', vote_name: 'Another name' },
			{ programme: 'P3', as_of: '2025-03-01' }
		);
		const { rows, errors } = await parseBudgetCsv(text);
		expect(rows.map((r) => r.line)).toEqual([2, 5]);
		expect(errors.map(formatRowError)).toEqual([
			'Line 3: repeats line 2 (the same budget line, phase and as_of date); each figure may appear only once',
			`Line 4, column vote_name: "Another name" differs from "${BASE.vote_name}" on line 2; a vote has one name in a fiscal year`
		]);
	});

	it('reports a row with the wrong number of fields and an unclosed quote', async () => {
		const short = await parseBudgetCsv(`${HEADER}\n2025/26,1021,Vote,Programme\n`);
		expect(short.errors.map(formatRowError)).toEqual([
			'Line 2: has 4 fields but the header has 11; check for a missing or extra comma, or quote the value that contains a comma'
		]);
		const unclosed = await parseBudgetCsv(
			`${csv({})}${csvLine({ programme: 'P2' }).replace('P2', '"P2')}\n`
		);
		expect(unclosed.rows).toEqual([]);
		expect(unclosed.errors.map(formatRowError)).toEqual([
			'The file could not be read as CSV; nothing was imported',
			'Line 3: a quoted field starting on this line or a later one is never closed (a closing " is missing)'
		]);
	});

	it('refuses empty, oversized and overlong files with a clear message', async () => {
		expect((await parseBudgetCsv('')).errors[0]?.message).toBe(
			'The file is empty; start from the template'
		);
		expect((await parseBudgetCsv(`${HEADER}\n`)).errors[0]?.message).toBe(
			'The file has a header but no rows'
		);
		const tooBig = await parseBudgetCsv(`${HEADER}\n${'x'.repeat(MAX_IMPORT_BYTES)}`);
		expect(tooBig.errors).toEqual([
			{ line: 0, column: null, message: 'The file is larger than 20 MB; split it' }
		]);
		const tooLong = await parseBudgetCsv(
			`${HEADER}\n${'1,2,3,4,5,6,7,8,9,10,11\n'.repeat(MAX_IMPORT_ROWS + 1)}`
		);
		expect(tooLong.errors[0]?.message).toBe('The file has more than 200,000 rows; split it');
	}, 30_000);
});

describe('previewBudgetImport and applyBudgetImport', () => {
	it('adds lines and figures, audited, and changes nothing the second time', async () => {
		const rows = await parseOk(GOOD);
		const preview = await previewBudgetImport(db, rows);
		expect(preview.counts).toEqual({
			total: 3,
			added: 3,
			changed: 0,
			unchanged: 0,
			newLines: 2,
			renamedLines: 0
		});
		expect(await counts(db)).toEqual({ lines: 0, figures: 0, audit: 0 });

		const first = await applyBudgetImport(db, rows, ACTOR, {
			source: { name: 'good.csv', sha256: 'abc' }
		});
		expect(first).toMatchObject({ added: 3, changed: 0, unchanged: 0, newLines: 2 });
		expect(await counts(db)).toEqual({ lines: 2, figures: 3, audit: 1 });
		const figures = await db
			.selectFrom('budget_figures as f')
			.innerJoin('budget_lines as l', 'l.id', 'f.budget_line_id')
			.select(['l.programme', 'f.phase', 'f.amount_kes', 'f.source_url', 'f.illustrative'])
			.orderBy('f.id')
			.execute();
		expect(figures).toEqual([
			{
				programme: 'National Government Administration',
				phase: 'requested',
				amount_kes: 59_002_900_000,
				source_url: null,
				illustrative: 1
			},
			{
				programme: 'National Government Administration',
				phase: 'ceiling',
				amount_kes: 37_508_800_000,
				source_url: null,
				illustrative: 1
			},
			{
				programme: 'Policing Services',
				phase: 'approved',
				amount_kes: 6_985_000_000,
				source_url: 'https://example.org/appropriation-act-2025.pdf',
				illustrative: 0
			}
		]);
		const audit = await db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
		expect(audit).toMatchObject({
			action: 'import.applied',
			entity: 'import',
			actor: 'test import'
		});
		expect(JSON.parse(audit.after_json!)).toMatchObject({
			file: 'good.csv',
			sha256: 'abc',
			added: 3,
			changed: 0,
			unchanged: 0
		});

		const again = await applyBudgetImport(db, await parseOk(GOOD), ACTOR);
		expect(again).toMatchObject({ added: 0, changed: 0, unchanged: 3, newLines: 0 });
		// Only the summary row of the second import is new.
		expect(await counts(db)).toEqual({ lines: 2, figures: 3, audit: 2 });
	});

	it('shows a changed amount with before and after, then applies and audits it', async () => {
		await applyBudgetImport(db, await parseOk(GOOD), SYSTEM_ACTOR);
		const revised = await parseOk(
			csv(
				{ phase: 'requested', amount_kes: '59,002,900,000', as_of: '2025-02-01' },
				{ phase: 'ceiling', amount_kes: '38,000,000,000' }
			)
		);
		const preview = await previewBudgetImport(db, revised);
		expect(preview.counts).toMatchObject({ added: 0, changed: 1, unchanged: 1 });
		expect(preview.changed).toEqual([
			expect.objectContaining({
				line: 3,
				kind: 'change',
				changedFields: ['amountKes'],
				before: expect.objectContaining({ amountKes: 37_508_800_000 }),
				after: expect.objectContaining({ amountKes: 38_000_000_000 })
			})
		]);

		const result = await applyBudgetImport(db, revised, ACTOR);
		expect(result).toMatchObject({ added: 0, changed: 1, unchanged: 1 });
		const stored = await db
			.selectFrom('budget_figures')
			.select(['id', 'amount_kes'])
			.where('phase', '=', 'ceiling')
			.executeTakeFirstOrThrow();
		expect(stored.amount_kes).toBe(38_000_000_000);
		const change = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'budget_figure.corrected')
			.executeTakeFirstOrThrow();
		expect(change).toMatchObject({ entity: 'budget_figure', entity_id: String(stored.id) });
		expect(JSON.parse(change.before_json!)).toMatchObject({ amount_kes: 37_508_800_000 });
		expect(JSON.parse(change.after_json!)).toMatchObject({ amount_kes: 38_000_000_000 });

		expect((await previewBudgetImport(db, revised)).counts).toMatchObject({
			changed: 0,
			unchanged: 2
		});
	});

	it('renames a line whose vote name the file changes', async () => {
		await applyBudgetImport(db, await parseOk(csv({})), ACTOR);
		const renamed = await parseOk(csv({ vote_name: 'State Department for Internal Security' }));
		const preview = await previewBudgetImport(db, renamed);
		expect(preview.counts).toMatchObject({ changed: 1, renamedLines: 1 });
		expect(preview.lineRenames[0]).toMatchObject({
			from: BASE.vote_name,
			to: 'State Department for Internal Security'
		});
		await applyBudgetImport(db, renamed, ACTOR);
		const line = await db.selectFrom('budget_lines').select('vote_name').executeTakeFirstOrThrow();
		expect(line.vote_name).toBe('State Department for Internal Security');
		expect((await previewBudgetImport(db, renamed)).counts.unchanged).toBe(1);
	});

	it('rolls everything back when a write fails part-way', async () => {
		const many = Array.from({ length: 1_200 }, (_, i): Cells => ({
			programme: `Programme ${i}`
		}));
		const rows = await parseOk(csv(...many));
		// A repeat the parser would have refused, so only the database's unique key catches it,
		// after the new lines and the first batches of figures were written.
		const withRepeat = [...rows, { ...rows[0]! }];
		await expect(applyBudgetImport(db, withRepeat, ACTOR)).rejects.toThrow(/UNIQUE/i);
		expect(await counts(db)).toEqual({ lines: 0, figures: 0, audit: 0 });

		let calls = 0;
		const failing = applyBudgetImport(db, rows, ACTOR, {
			onProgress: (done) => {
				calls += 1;
				if (done >= 1_000) throw new Error('connection lost');
			}
		});
		await expect(failing).rejects.toThrow('connection lost');
		expect(calls).toBeGreaterThan(2);
		expect(await counts(db)).toEqual({ lines: 0, figures: 0, audit: 0 });
	});

	it('reports progress up to the total', async () => {
		const rows = await parseOk(
			csv(...Array.from({ length: 1_100 }, (_, i) => ({ programme: `P${i}` })))
		);
		const seen: [number, number][] = [];
		await applyBudgetImport(db, rows, ACTOR, { onProgress: (d, t) => seen.push([d, t]) });
		expect(seen.at(-1)).toEqual([1_100, 1_100]);
		expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((a, b) => a - b));
	});

	it('refreshes the funding status of commitments on the touched lines', async () => {
		const basics = await insertBasics(db);
		const { id: lineId } = await db
			.insertInto('budget_lines')
			.values({
				fiscal_year: BASE.fiscal_year,
				vote_code: BASE.vote_code,
				vote_name: BASE.vote_name,
				programme: BASE.programme,
				economic_class: 'recurrent'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const { id: commitmentId } = await db
			.insertInto('commitments')
			.values(commitmentValues(basics, { funding_status: 'requested' }))
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('funding_links')
			.values({
				commitment_id: commitmentId,
				budget_line_id: lineId,
				share_kind: 'percent',
				share_basis_points: 10_000,
				basis: 'earmarked'
			})
			.execute();

		const result = await applyBudgetImport(
			db,
			await parseOk(csv({ phase: 'approved', amount_kes: '616000000' })),
			ACTOR
		);
		expect(result).toMatchObject({ added: 1, newLines: 0, fundingStatusesChanged: 1 });
		const commitment = await db
			.selectFrom('commitments')
			.select('funding_status')
			.where('id', '=', commitmentId)
			.executeTakeFirstOrThrow();
		expect(commitment.funding_status).toBe('allocated');
	});
});
