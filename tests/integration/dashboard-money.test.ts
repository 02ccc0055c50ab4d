// The dashboard's money chain is computed in SQL (sumLinkedMoney). It must equal the domain's
// rules applied in TypeScript to the raw rows (summariseLine per line, shares of a line added
// and capped per group, sumPercentShares), on SQLite and PostgreSQL alike, including the edge
// cases the generated data may miss: shares over 100%, fixed amounts, lines without an
// allocation, and drafts. And the dashboard is recomputed after every audited write (memo).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedSynthetic } from '../../db/seeds/synthetic';
import {
	summariseLine,
	sumPercentShares,
	type BudgetPhase,
	type FigureInput,
	type LineSummary,
	type MoneyChainTotals
} from '../../src/lib/domain';
import { recordAudit, SYSTEM_ACTOR } from '../../src/lib/server/audit';
import type { Database } from '../../src/lib/server/db/index';
import {
	listLinkedFiscalYears,
	sumLinkedMoney,
	type ChainDates
} from '../../src/lib/server/queries/dashboard';
import { chooseFiscalYear, loadDashboard } from '../../src/lib/server/services/dashboard';
import { freshDb } from '../helpers/test-db';

let db: Database;

beforeAll(async () => {
	db = await freshDb();
	await seedDemo(db);
	await seedSynthetic(db, { count: 200, seed: 11 });
	await addEdgeCases(db);
});

afterAll(async () => {
	await db.destroy();
});

/** Lines and links the generator rarely makes, on top of whatever it made. */
async function addEdgeCases(db: Database) {
	const published = await db
		.selectFrom('commitments')
		.select(['id', 'committee_id'])
		.where('visibility', '=', 'published')
		.orderBy('id')
		.limit(4)
		.execute();
	const draft = await db
		.selectFrom('commitments')
		.select('id')
		.where('visibility', '=', 'draft')
		.orderBy('id')
		.executeTakeFirst();
	const line = async (code: string, figures: [BudgetPhase, number, string][]) => {
		const { id } = await db
			.insertInto('budget_lines')
			.values({
				fiscal_year: '2025/26',
				vote_code: code,
				vote_name: `Edge vote ${code}`,
				programme: 'Edge programme',
				sub_programme: '',
				economic_class: 'recurrent'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		for (const [phase, amount, asOf] of figures) {
			await db
				.insertInto('budget_figures')
				.values({
					budget_line_id: id,
					phase,
					amount_kes: amount,
					as_of: asOf,
					source_title: 'Edge source'
				})
				.execute();
		}
		return id;
	};
	// Two commitments at 70% each on one line: capped at the whole line. Revised figures: the
	// latest per phase counts, Supplementary I over the approved estimate.
	const over = await line('E01', [
		['requested', 1_000_001, '2025-04-01'],
		['approved', 900_000, '2025-06-20'],
		['supplementary_1', 800_003, '2026-02-10'],
		['released', 100_000, '2025-10-01'],
		['released', 333_333, '2026-01-05'],
		['spent', 12_345, '2026-01-31']
	]);
	// A fixed amount larger than half the allocation plus a percent share.
	const mixed = await line('E02', [
		['approved', 3_000_000, '2025-06-20'],
		['released', 1_000_000, '2025-12-31']
	]);
	// No allocation at all: a fixed share counts nothing, a percent share still scales the request.
	const unallocated = await line('E03', [['requested', 5_555_555, '2025-03-01']]);
	// Linked only to a draft: never counted.
	const hidden = await line('E04', [['approved', 7_000_000, '2025-06-20']]);
	const link = async (
		commitmentId: number,
		budgetLineId: number,
		share: { bp: number } | { amount: number }
	) =>
		db
			.insertInto('funding_links')
			.values({
				commitment_id: commitmentId,
				budget_line_id: budgetLineId,
				share_kind: 'bp' in share ? 'percent' : 'amount',
				share_basis_points: 'bp' in share ? share.bp : null,
				share_amount_kes: 'amount' in share ? share.amount : null,
				basis: 'earmarked'
			})
			.execute();
	const [a, b, c, d] = published.map((p) => p.id) as [number, number, number, number];
	await link(a, over, { bp: 7_000 });
	await link(b, over, { bp: 7_000 });
	await link(c, mixed, { amount: 1_700_001 });
	await link(d, mixed, { bp: 3_333 });
	await link(c, unallocated, { amount: 1_000 });
	await link(d, unallocated, { bp: 2_500 });
	if (draft) await link(draft.id, hidden, { bp: 10_000 });
}

/** The domain's rules over raw rows: what the dashboard computed in TypeScript before. */
async function expectedMoney(
	db: Database,
	by: 'all' | 'committee' | 'organisation',
	fiscalYear: string
) {
	const links = await db
		.selectFrom('funding_links as l')
		.innerJoin('commitments as c', 'c.id', 'l.commitment_id')
		.innerJoin('budget_lines as b', 'b.id', 'l.budget_line_id')
		.where('b.fiscal_year', '=', fiscalYear)
		.select([
			'c.committee_id',
			'c.organisation_id',
			'l.budget_line_id',
			'l.share_kind',
			'l.share_basis_points',
			'l.share_amount_kes'
		])
		.where('c.visibility', '=', 'published')
		.execute();
	const figures = await db
		.selectFrom('budget_figures')
		.select(['budget_line_id', 'phase', 'amount_kes', 'as_of'])
		.execute();
	const figuresOf = new Map<number, FigureInput[]>();
	for (const f of figures) {
		const list = figuresOf.get(f.budget_line_id) ?? [];
		list.push({ phase: f.phase, amountKes: Number(f.amount_kes), asOf: f.as_of });
		figuresOf.set(f.budget_line_id, list);
	}
	const perGroup = new Map<number, Map<number, { bp: number; amount: number }>>();
	for (const l of links) {
		const group = by === 'all' ? 0 : by === 'committee' ? l.committee_id : l.organisation_id;
		const lines = perGroup.get(group) ?? new Map();
		const t = lines.get(l.budget_line_id) ?? { bp: 0, amount: 0 };
		if (l.share_kind === 'percent') t.bp += Number(l.share_basis_points);
		else t.amount += Number(l.share_amount_kes);
		lines.set(l.budget_line_id, t);
		perGroup.set(group, lines);
	}
	const result = new Map<number, MoneyChainTotals & { asOfEach: ChainDates }>();
	for (const [group, lines] of perGroup) {
		const parts: { line: LineSummary; basisPoints: number }[] = [];
		for (const [lineId, t] of lines) {
			const list = figuresOf.get(lineId);
			if (!list) continue;
			const line = summariseLine(list);
			const allocation = line.currentAllocation?.amountKes ?? 0;
			// Half up, exactly: amount / allocation in basis points.
			const amountBp =
				allocation > 0 ? Math.floor((2 * t.amount * 10_000 + allocation) / (2 * allocation)) : 0;
			const basisPoints = Math.min(10_000, t.bp + amountBp);
			if (basisPoints > 0) parts.push({ line, basisPoints });
		}
		const latest = (dates: (string | undefined)[]) =>
			dates
				.filter((d): d is string => d !== undefined)
				.sort()
				.at(-1) ?? null;
		if (parts.length > 0) {
			result.set(group, {
				...sumPercentShares(parts),
				asOfEach: {
					requested: latest(parts.map((p) => p.line.requested?.asOf)),
					allocated: latest(parts.map((p) => p.line.currentAllocation?.asOf)),
					released: latest(parts.map((p) => p.line.released?.asOf)),
					spent: latest(parts.map((p) => p.line.spent?.asOf))
				}
			});
		}
	}
	return result;
}

const plain = (m: MoneyChainTotals & { asOfEach: ChainDates }) => ({
	requested: m.requested,
	allocated: m.allocated,
	released: m.released,
	spent: m.spent,
	gap: m.gap,
	asOf: m.asOf,
	asOfEach: m.asOfEach
});

describe('sumLinkedMoney', () => {
	it('equals the domain rules for each fiscal year, in total, per committee and organisation', async () => {
		const years = await listLinkedFiscalYears(db);
		expect(years.length).toBeGreaterThan(1);
		expect(years).toEqual([...years].sort().reverse());
		for (const year of years) {
			const money = await sumLinkedMoney(db, year);
			const all = await expectedMoney(db, 'all', year);
			expect(money.total.allocated + money.total.requested, year).toBeGreaterThan(0);
			expect(plain({ ...money.total }), year).toEqual(plain(all.get(0)!));

			for (const [by, actual] of [
				['committee', money.byCommittee],
				['organisation', money.byOrganisation]
			] as const) {
				const expected = await expectedMoney(db, by, year);
				expect([...actual.keys()].sort(), `${by} ${year}`).toEqual([...expected.keys()].sort());
				for (const [id, totals] of expected) {
					expect(plain({ ...actual.get(id)! }), `${by} ${id} ${year}`).toEqual(plain(totals));
				}
			}
		}
	});

	it('never adds up figures of two fiscal years', async () => {
		// The demo's anti-trafficking unit is funded on 2024/25 and 2025/26 lines: each year's
		// chain holds its own lines only.
		const [y2425, y2526] = [
			await sumLinkedMoney(db, '2024/25'),
			await sumLinkedMoney(db, '2025/26')
		];
		const lineYears = await db
			.selectFrom('budget_figures as f')
			.innerJoin('budget_lines as b', 'b.id', 'f.budget_line_id')
			.select(['b.fiscal_year', 'f.as_of'])
			.execute();
		const datesOf = (year: string) =>
			new Set(lineYears.filter((r) => r.fiscal_year === year).map((r) => r.as_of));
		for (const [year, chain] of [
			['2024/25', y2425],
			['2025/26', y2526]
		] as const) {
			for (const date of Object.values(chain.total.asOfEach)) {
				if (date !== null) expect(datesOf(year).has(date), `${year} ${date}`).toBe(true);
			}
		}
		expect(await sumLinkedMoney(db, '1999/00')).toMatchObject({
			total: { requested: 0, allocated: 0, released: 0, spent: 0, asOf: null }
		});
	});

	it('caps two 70% shares of one line at the whole line, and ignores drafts', async () => {
		const over = await db
			.selectFrom('budget_lines')
			.select('id')
			.where('vote_code', '=', 'E01')
			.executeTakeFirstOrThrow();
		const before = await sumLinkedMoney(db, '2025/26');
		// Removing one of the two 70% links leaves 70% of the line: 30% of it less.
		await db
			.deleteFrom('funding_links')
			.where('budget_line_id', '=', over.id)
			.where(
				'commitment_id',
				'=',
				db
					.selectFrom('funding_links')
					.select((eb) => eb.fn.max('commitment_id').as('id'))
					.where('budget_line_id', '=', over.id)
			)
			.execute();
		const after = await sumLinkedMoney(db, '2025/26');
		// Allocation 800,003 (Supplementary I): the whole line before, 70% (560,002) after.
		expect(before.total.allocated - after.total.allocated).toBe(800_003 - 560_002);
		// Released: latest figure 333,333 → 233,333 at 70%.
		expect(before.total.released - after.total.released).toBe(333_333 - 233_333);
		const hidden = await db
			.selectFrom('budget_lines')
			.select('id')
			.where('vote_code', '=', 'E04')
			.executeTakeFirstOrThrow();
		expect(
			await db
				.selectFrom('funding_links')
				.select('commitment_id')
				.where('budget_line_id', '=', hidden.id)
				.execute()
		).not.toHaveLength(0);
		// 7,000,000 on the draft's line would show in the total if drafts leaked.
		expect((await expectedMoney(db, 'all', '2025/26')).get(0)!.allocated).toBe(
			after.total.allocated
		);
	});
});

describe('loadDashboard', () => {
	it('answers from memory until an audited write, then recomputes', async () => {
		const today = '2026-03-01';
		const first = await loadDashboard(db, today);
		expect(await loadDashboard(db, today)).toBe(first);
		// A change without an audit row is (by the app's rule) impossible; with one, the marker
		// moves and the next read sees the change.
		const target = await db
			.selectFrom('commitments')
			.select(['id', 'delivery_status'])
			.where('visibility', '=', 'published')
			.where('delivery_status', '!=', 'completed')
			.orderBy('id')
			.executeTakeFirstOrThrow();
		await db.transaction().execute(async (trx) => {
			await trx
				.updateTable('commitments')
				.set({ delivery_status: 'completed' })
				.where('id', '=', target.id)
				.execute();
			await recordAudit(trx, SYSTEM_ACTOR, {
				action: 'commitment.updated',
				entityId: target.id
			});
		});
		const second = await loadDashboard(db, today);
		expect(second).not.toBe(first);
		const completed = (d: typeof first) =>
			d.byDelivery.find((s) => s.status === 'completed')?.count ?? 0;
		expect(completed(second)).toBe(completed(first) + 1);
		// Another day is another answer (overdue counts depend on the date).
		expect(await loadDashboard(db, '2026-03-02')).not.toBe(second);
	});
});

describe('chooseFiscalYear', () => {
	const years = ['2026/27', '2025/26', '2024/25'];
	it('takes the year asked for when it has figures, else the current or the latest before', () => {
		expect(chooseFiscalYear(years, '2024/25', '2026-12-08')).toBe('2024/25');
		expect(chooseFiscalYear(years, '1999/00', '2026-12-08')).toBe('2026/27');
		expect(chooseFiscalYear(years, null, '2026-06-30')).toBe('2025/26');
		expect(chooseFiscalYear(['2025/26', '2024/25'], null, '2026-12-08')).toBe('2025/26');
		expect(chooseFiscalYear(['2030/31'], null, '2026-12-08')).toBe('2030/31');
		expect(chooseFiscalYear([], '2025/26', '2026-12-08')).toBeNull();
	});
});
