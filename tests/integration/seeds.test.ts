import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../db/seeds/demo';
import { seedSynthetic } from '../../db/seeds/synthetic';
import type { Database } from '../../src/lib/server/db/index';
import { freshDb as freshTestDb } from '../helpers/test-db';

const open: Database[] = [];

async function freshDb(): Promise<Database> {
	const db = await freshTestDb();
	open.push(db);
	return db;
}

afterEach(async () => {
	for (const db of open.splice(0)) await db.destroy();
});

const TABLES = [
	'organisations',
	'people',
	'offices',
	'office_holdings',
	'committees',
	'deadline_rules',
	'sittings',
	'sitting_appearances',
	'commitments',
	'tags',
	'commitment_tags',
	'evidence',
	'milestones',
	'updates',
	'update_evidence',
	'due_date_changes',
	'commitment_requests',
	'budget_lines',
	'budget_figures',
	'funding_links',
	'audit_log'
] as const;

async function countRows(db: Database): Promise<Record<(typeof TABLES)[number], number>> {
	const counts = {} as Record<(typeof TABLES)[number], number>;
	for (const table of TABLES) {
		const row = await db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		counts[table] = Number(row.n);
	}
	return counts;
}

describe('demo seed', () => {
	it('loads the four published DCAIS commitments from the seed facts', async () => {
		const db = await freshDb();
		expect(await seedDemo(db)).toEqual({ loaded: true });

		const rows = await db
			.selectFrom('commitments')
			.innerJoin('committees', 'committees.id', 'commitments.committee_id')
			.select(['ref', 'title', 'type', 'visibility'])
			.where('committees.slug', '=', 'administration-internal-security')
			.where('visibility', '=', 'published')
			.orderBy('ref')
			.execute();
		expect(rows).toEqual([
			{
				ref: 'DCAIS/2025/001',
				title: 'Create a special anti-human-trafficking unit',
				type: 'institution',
				visibility: 'published'
			},
			{
				ref: 'DCAIS/2025/002',
				title: 'Enact a National Police Reservists Policy',
				type: 'policy',
				visibility: 'published'
			},
			{
				ref: 'DCAIS/2025/003',
				title: 'Review the National Administration Policy to streamline the NGAO scheme of service',
				type: 'policy',
				visibility: 'published'
			},
			{
				ref: 'DCAIS/2025/004',
				title:
					'Work with the National Treasury to fund the operationalisation of newly gazetted administrative units',
				type: 'funding',
				visibility: 'published'
			}
		]);
	});

	it('is idempotent: a second run adds nothing', async () => {
		const db = await freshDb();
		await seedDemo(db);
		const before = await countRows(db);
		expect(await seedDemo(db)).toEqual({ loaded: false });
		expect(await countRows(db)).toEqual(before);
		expect(before.audit_log).toBe(1);
	});

	it('derives funding status: the reservists policy has no budget line, the units do', async () => {
		const db = await freshDb();
		await seedDemo(db);
		const status = Object.fromEntries(
			(await db.selectFrom('commitments').select(['ref', 'funding_status']).execute()).map((r) => [
				r.ref,
				r.funding_status
			])
		);
		expect(status['DCAIS/2025/002']).toBe('no_line_identified');
		expect(status['DCAIS/2025/004']).toBeDefined();
		expect(status['DCAIS/2025/004']).not.toBe('no_line_identified');
	});

	it('has exactly one draft and covers overdue, with-challenges and on-track cases', async () => {
		const db = await freshDb();
		await seedDemo(db);
		const all = await db
			.selectFrom('commitments')
			.select(['ref', 'visibility', 'delivery_status', 'due_on'])
			.execute();
		expect(all.filter((c) => c.visibility === 'draft').map((c) => c.ref)).toEqual([
			'DCAIS/2025/005'
		]);
		const published = all.filter((c) => c.visibility === 'published');
		const delivery = published.map((c) => c.delivery_status);
		expect(delivery).toContain('with_challenges');
		expect(delivery).toContain('on_track');
		// Overdue as of late 2026: due date passed and delivery still open.
		const open = ['not_started', 'on_track', 'with_challenges', 'off_track'];
		expect(
			published.some((c) => c.due_on! < '2026-11-01' && open.includes(c.delivery_status))
		).toBe(true);
	});

	it('gives every budget figure and evidence row a source, and marks invented ones', async () => {
		const db = await freshDb();
		await seedDemo(db);
		const figures = await db
			.selectFrom('budget_figures')
			.select(['source_title', 'illustrative', 'phase', 'amount_kes'])
			.execute();
		expect(figures.length).toBeGreaterThan(10);
		for (const f of figures) {
			expect(f.source_title.trim().length).toBeGreaterThan(0);
			if (f.illustrative === 1) expect(f.source_title).toMatch(/illustrative/i);
		}
		// Quarterly releases and spending are invented, so all of them are illustrative.
		expect(
			figures
				.filter((f) => f.phase === 'released' || f.phase === 'spent')
				.every((f) => f.illustrative === 1)
		).toBe(true);
		const evidence = await db.selectFrom('evidence').select(['title', 'illustrative']).execute();
		for (const e of evidence.filter((row) => row.illustrative === 1)) {
			expect(e.title).toMatch(/illustrative/i);
		}
	});

	it('keeps the reported FY2025/26 totals of vote 1021 findable', async () => {
		const db = await freshDb();
		await seedDemo(db);
		const totals = await db
			.selectFrom('budget_figures')
			.innerJoin('budget_lines', 'budget_lines.id', 'budget_figures.budget_line_id')
			.select(['phase', (eb) => eb.fn.sum<number>('amount_kes').as('total')])
			.where('vote_code', '=', '1021')
			.where('fiscal_year', '=', '2025/26')
			.where('programme', '=', 'Whole vote (as reported)')
			.where('phase', 'in', ['requested', 'ceiling'])
			.groupBy('phase')
			.orderBy('phase')
			.execute();
		expect(totals.map((t) => [t.phase, Number(t.total)])).toEqual([
			['ceiling', 37_508_800_000],
			['requested', 59_002_900_000]
		]);
	});
});

describe('synthetic seed', () => {
	async function run(seed: number) {
		const db = await freshDb();
		const result = await seedSynthetic(db, { count: 200, seed });
		const commitments = await db
			.selectFrom('commitments')
			.select(['ref', 'title', 'given_on', 'delivery_status'])
			.orderBy('ref')
			.execute();
		return { db, result, commitments };
	}

	it('is deterministic for a given seed', async () => {
		const first = await run(1);
		const second = await run(1);
		expect(first.commitments).toHaveLength(200);
		expect(second.commitments).toEqual(first.commitments);
		const other = await run(2);
		expect(other.commitments).not.toEqual(first.commitments);
	});

	it('generates data in the expected proportions', async () => {
		const { db, result } = await run(1);
		const n = await countRows(db);
		expect(result).toEqual({ commitments: 200, auditRows: 2000 });
		expect(n.commitments).toBe(200);
		expect(n.audit_log).toBe(10 * 200);
		expect(n.committees).toBe(12);
		expect(n.organisations).toBe(40);
		expect(n.sittings).toBe(50);
		expect(n.budget_lines).toBe(40);
		expect(n.milestones / 200).toBeGreaterThan(2.5);
		expect(n.milestones / 200).toBeLessThan(3.5);
		expect(n.updates / 200).toBeGreaterThan(2.4);
		expect(n.updates / 200).toBeLessThan(3.3);
		expect(n.evidence / 200).toBeGreaterThanOrEqual(1);
		expect(n.evidence / 200).toBeLessThanOrEqual(2);
		expect(n.due_date_changes).toBeGreaterThan(200);

		const linked = await db
			.selectFrom('funding_links')
			.select((eb) => eb.fn.count<number>('commitment_id').distinct().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(linked.n) / 200).toBeGreaterThan(0.55);
		expect(Number(linked.n) / 200).toBeLessThan(0.85);

		const published = await db
			.selectFrom('commitments')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('visibility', '=', 'published')
			.executeTakeFirstOrThrow();
		expect(Number(published.n) / 200).toBeGreaterThan(0.8);
		expect(Number(published.n) / 200).toBeLessThan(0.97);

		const unsourced = await db
			.selectFrom('budget_figures')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where((eb) =>
				eb.or([eb('illustrative', '=', 0), eb('source_title', 'not like', '%Synthetic%')])
			)
			.executeTakeFirstOrThrow();
		expect(Number(unsourced.n)).toBe(0);
	});

	it('coexists with the demo and derives funding status for linked commitments', async () => {
		const db = await freshDb();
		await seedDemo(db);
		await seedSynthetic(db, { count: 50, seed: 7 });
		expect(await seedDemo(db)).toEqual({ loaded: false });
		const unlinkedButFunded = await db
			.selectFrom('commitments')
			.select('ref')
			.where('funding_status', '<>', 'no_line_identified')
			.where(({ not, exists, selectFrom }) =>
				not(
					exists(
						selectFrom('funding_links')
							.select('funding_links.id')
							.whereRef('funding_links.commitment_id', '=', 'commitments.id')
					)
				)
			)
			.execute();
		expect(unlinkedButFunded).toEqual([]);
		const refs = await db
			.selectFrom('commitments')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('ref', 'like', 'SYN/%')
			.executeTakeFirstOrThrow();
		expect(Number(refs.n)).toBe(50);
	});
});
