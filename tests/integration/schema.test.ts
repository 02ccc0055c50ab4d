import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/index';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';

let db: Database;
let basics: Awaited<ReturnType<typeof insertBasics>>;

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
});
afterEach(async () => {
	await db.destroy();
});

const insertCommitment = (overrides: Record<string, unknown> = {}) =>
	db
		.insertInto('commitments')
		.values(commitmentValues(basics, overrides) as never)
		.execute();

describe('migrations', () => {
	it('are idempotent: a second run applies nothing', async () => {
		const again = await migrateToLatest(db);
		expect(again.results).toEqual([]);
	});

	it('create every table of the domain model', async () => {
		const tables = (await db.introspection.getTables()).map((t) => t.name).sort();
		for (const name of [
			'audit_log',
			'budget_figures',
			'budget_lines',
			'commitment_requests',
			'commitments',
			'committees',
			'deadline_rules',
			'due_date_changes',
			'evidence',
			'funding_links',
			'milestones',
			'office_holdings',
			'offices',
			'organisations',
			'people',
			'sessions',
			'sittings',
			'updates',
			'users'
		]) {
			expect(tables).toContain(name);
		}
	});
});

describe('constraints reject bad rows', () => {
	it('accepts a valid commitment with draft visibility and version 1 by default', async () => {
		await insertCommitment();
		const row = await db.selectFrom('commitments').selectAll().executeTakeFirstOrThrow();
		expect(row.visibility).toBe('draft');
		expect(row.version).toBe(1);
		expect(row.funding_status).toBe('no_line_identified');
	});

	it.each([
		['an unknown delivery status', { delivery_status: 'nearly_done' }],
		['an unknown procedural status', { procedural_status: 'lost' }],
		['an unknown funding status', { funding_status: 'lots' }],
		['an unknown type', { type: 'promise' }],
		['an unknown visibility', { visibility: 'secret' }],
		['a date that is not ISO', { given_on: '10/04/2025' }],
		['a due date before the given date', { due_on: '2025-01-01' }],
		['not_pursued without a reason', { delivery_status: 'not_pursued' }],
		['an empty title', { title: '' }],
		['a missing committee', { committee_id: 9999 }],
		['a missing office', { office_id: 9999 }]
	])('rejects %s', async (_name, overrides) => {
		await expect(insertCommitment(overrides)).rejects.toThrow(/constraint/i);
		const count = await db
			.selectFrom('commitments')
			.select((eb) => eb.fn.countAll().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(0);
	});

	it('rejects a duplicate reference code', async () => {
		await insertCommitment();
		await expect(insertCommitment()).rejects.toThrow(/UNIQUE/i);
	});

	it('rejects negative money and unknown phases in budget figures', async () => {
		const line = await db
			.insertInto('budget_lines')
			.values({
				fiscal_year: '2025/26',
				vote_code: '1021',
				vote_name: 'Interior',
				programme: 'Policing',
				economic_class: 'recurrent'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const figure = { budget_line_id: line.id, as_of: '2025-07-01', source_title: 'Estimates' };
		await expect(
			db
				.insertInto('budget_figures')
				.values({ ...figure, phase: 'approved', amount_kes: -1 })
				.execute()
		).rejects.toThrow(/constraint/i);
		await expect(
			db
				.insertInto('budget_figures')
				.values({ ...figure, phase: 'guessed' as never, amount_kes: 1 })
				.execute()
		).rejects.toThrow(/constraint/i);
		await expect(
			db
				.insertInto('budget_lines')
				.values({
					fiscal_year: '2025-26',
					vote_code: '1021',
					vote_name: 'Interior',
					programme: 'Policing',
					economic_class: 'recurrent'
				})
				.execute()
		).rejects.toThrow(/constraint/i);
	});

	it('keeps money exact as integers', async () => {
		const line = await db
			.insertInto('budget_lines')
			.values({
				fiscal_year: '2025/26',
				vote_code: '1021',
				vote_name: 'Interior',
				programme: 'Whole vote',
				economic_class: 'recurrent'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await db
			.insertInto('budget_figures')
			.values({
				budget_line_id: line.id,
				phase: 'requested',
				amount_kes: 59_002_900_000,
				as_of: '2025-02-15',
				source_title: 'Report'
			})
			.execute();
		const f = await db.selectFrom('budget_figures').selectAll().executeTakeFirstOrThrow();
		expect(f.amount_kes).toBe(59_002_900_000);
	});

	it('rejects a funding link whose share does not match its kind', async () => {
		await insertCommitment();
		const c = await db.selectFrom('commitments').select('id').executeTakeFirstOrThrow();
		const line = await db
			.insertInto('budget_lines')
			.values({
				fiscal_year: '2025/26',
				vote_code: '1021',
				vote_name: 'Interior',
				programme: 'P',
				economic_class: 'development'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await expect(
			db
				.insertInto('funding_links')
				.values({
					commitment_id: c.id,
					budget_line_id: line.id,
					share_kind: 'percent',
					share_amount_kes: 100,
					basis: 'earmarked'
				})
				.execute()
		).rejects.toThrow(/constraint/i);
		await expect(
			db
				.insertInto('funding_links')
				.values({
					commitment_id: c.id,
					budget_line_id: line.id,
					share_kind: 'percent',
					share_basis_points: 10001,
					basis: 'earmarked'
				})
				.execute()
		).rejects.toThrow(/constraint/i);
	});

	it('keeps the audit log append-only', async () => {
		await db
			.insertInto('audit_log')
			.values({ at: new Date().toISOString(), actor: 'test', action: 'x', entity: 'y' })
			.execute();
		await expect(db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(
			/append-only/
		);
		await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
		await expect(sql`delete from audit_log`.execute(db)).rejects.toThrow(/append-only/);
		const rows = await db.selectFrom('audit_log').selectAll().execute();
		expect(rows).toHaveLength(1);
		expect(rows[0]?.action).toBe('x');
	});

	it('enforces foreign keys', async () => {
		await expect(
			db
				.insertInto('milestones')
				.values({ commitment_id: 4242, title: 'x', planned_on: '2025-05-01' })
				.execute()
		).rejects.toThrow(/FOREIGN KEY/i);
	});
});
