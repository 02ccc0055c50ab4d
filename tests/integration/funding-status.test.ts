import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '$lib/server/db/index';
import type { BudgetPhase, FundingStatus } from '$lib/server/db/schema';
import { refreshFundingStatuses } from '$lib/server/services/funding-status';
import { freshDb } from '../helpers/test-db';

let db: Database;
let sittingId: number;
let organisationId: number;
let officeId: number;
let committeeId: number;
let commitmentSeq = 0;
let lineSeq = 0;

beforeEach(async () => {
	db = await freshDb();
	commitmentSeq = 0;
	lineSeq = 0;
	({ id: organisationId } = await db
		.insertInto('organisations')
		.values({
			slug: 'sd-isna',
			name: 'State Department for Internal Security and National Administration',
			short_name: null,
			kind: 'state_department',
			parent_id: null,
			retired_at: null,
			merged_into_id: null
		})
		.returning('id')
		.executeTakeFirstOrThrow());
	({ id: officeId } = await db
		.insertInto('offices')
		.values({
			slug: 'cs-interior',
			title: 'Cabinet Secretary, Interior and National Administration',
			organisation_id: organisationId,
			retired_at: null
		})
		.returning('id')
		.executeTakeFirstOrThrow());
	({ id: committeeId } = await db
		.insertInto('committees')
		.values({
			slug: 'dcais',
			name: 'Departmental Committee on Administration and Internal Security',
			abbreviation: 'DCAIS',
			house: 'national_assembly',
			chair_person_id: null
		})
		.returning('id')
		.executeTakeFirstOrThrow());
	({ id: sittingId } = await db
		.insertInto('sittings')
		.values({
			committee_id: committeeId,
			sat_on: '2025-04-10',
			subject: 'Appearance of the Cabinet Secretary',
			source_title: 'Illustrative test sitting',
			source_url: null,
			source_locator: null
		})
		.returning('id')
		.executeTakeFirstOrThrow());
});

afterEach(async () => {
	await db.destroy();
});

async function addCommitment(fundingStatus?: FundingStatus): Promise<number> {
	commitmentSeq += 1;
	const { id } = await db
		.insertInto('commitments')
		.values({
			ref: `DCAIS/2025/${String(commitmentSeq).padStart(4, '0')}`,
			committee_id: committeeId,
			sitting_id: sittingId,
			title: `Undertaking ${commitmentSeq}`,
			summary: 'Illustrative test commitment',
			quote: 'We will do it.',
			quote_source_title: 'Illustrative',
			quote_source_url: null,
			quote_source_locator: null,
			organisation_id: organisationId,
			office_id: officeId,
			person_id: null,
			type: 'funding',
			given_on: '2025-04-10',
			due_on: null,
			deadline_rule_id: null,
			due_basis: null,
			measurable_target: null,
			status_reason: null,
			published_at: null,
			withdrawn_at: null,
			withdrawn_reason: null,
			updated_by: null,
			...(fundingStatus ? { funding_status: fundingStatus } : {})
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	return id;
}

async function addLine(figures: Array<[BudgetPhase, number, string]>): Promise<number> {
	lineSeq += 1;
	const { id } = await db
		.insertInto('budget_lines')
		.values({
			fiscal_year: '2025/26',
			vote_code: '1021',
			vote_name: 'State Department for Internal Security and National Administration',
			programme: `Programme ${lineSeq}`,
			economic_class: 'recurrent'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	if (figures.length > 0) {
		await db
			.insertInto('budget_figures')
			.values(
				figures.map(([phase, amount, asOf]) => ({
					budget_line_id: id,
					phase,
					amount_kes: amount,
					as_of: asOf,
					source_title: 'Illustrative test figure',
					source_url: null
				}))
			)
			.execute();
	}
	return id;
}

async function link(
	commitmentId: number,
	lineId: number,
	share: { basisPoints: number } | { amountKes: number } = { basisPoints: 10_000 }
): Promise<void> {
	await db
		.insertInto('funding_links')
		.values({
			commitment_id: commitmentId,
			budget_line_id: lineId,
			share_kind: 'basisPoints' in share ? 'percent' : 'amount',
			share_basis_points: 'basisPoints' in share ? share.basisPoints : null,
			share_amount_kes: 'amountKes' in share ? share.amountKes : null,
			basis: 'earmarked',
			note: null
		})
		.execute();
}

async function statusOf(id: number): Promise<FundingStatus> {
	const row = await db
		.selectFrom('commitments')
		.select('funding_status')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return row.funding_status;
}

describe('refreshFundingStatuses', () => {
	it('derives each commitment status from its links and writes only the changes', async () => {
		const noLink = await addCommitment();
		const staleNoLink = await addCommitment('spent');
		const allocated = await addCommitment();
		const partly = await addCommitment();
		const twoLines = await addCommitment();

		const approvedOnly = await addLine([
			['requested', 2_100_000_000, '2025-02-15'],
			['approved', 616_000_000, '2025-06-30']
		]);
		const halfReleased = await addLine([
			['approved', 1_000_000_000, '2025-06-30'],
			['released', 250_000_000, '2025-09-30'],
			['released', 500_000_000, '2025-12-31']
		]);
		const fullySpent = await addLine([
			['approved', 100_000_000, '2025-06-30'],
			['released', 100_000_000, '2026-03-31'],
			['spent', 60_000_000, '2026-03-31']
		]);
		await link(allocated, approvedOnly);
		await link(partly, halfReleased, { basisPoints: 2_500 });
		await link(twoLines, fullySpent);
		await link(twoLines, approvedOnly, { amountKes: 300_000_000 });

		const changed = await refreshFundingStatuses(db);

		expect(await statusOf(noLink)).toBe('no_line_identified');
		expect(await statusOf(staleNoLink)).toBe('no_line_identified');
		expect(await statusOf(allocated)).toBe('allocated');
		expect(await statusOf(partly)).toBe('partly_released');
		// Spent on one line but only allocated on the other: the money stopped at allocation.
		expect(await statusOf(twoLines)).toBe('allocated');
		// noLink already had the default status, so four rows changed.
		expect(changed).toBe(4);

		expect(await refreshFundingStatuses(db)).toBe(0);
	});

	it('reaches spent only when every linked line is spent', async () => {
		const c = await addCommitment();
		const a = await addLine([
			['approved', 100, '2025-06-30'],
			['released', 100, '2026-03-31'],
			['spent', 10, '2026-03-31']
		]);
		const b = await addLine([
			['ceiling', 50, '2025-02-28'],
			['released', 50, '2025-12-31'],
			['spent', 50, '2025-12-31']
		]);
		await link(c, a);
		await link(c, b, { amountKes: 20 });
		expect(await refreshFundingStatuses(db)).toBe(1);
		expect(await statusOf(c)).toBe('spent');
	});

	it('treats a linked line without any figures as requested', async () => {
		const c = await addCommitment();
		await link(c, await addLine([]));
		expect(await refreshFundingStatuses(db, [c])).toBe(1);
		expect(await statusOf(c)).toBe('requested');
	});

	it('shows an adjusted line after a supplementary cut', async () => {
		const c = await addCommitment();
		await link(
			c,
			await addLine([
				['approved', 1_000, '2025-06-30'],
				['supplementary_1', 800, '2026-02-15']
			])
		);
		await refreshFundingStatuses(db);
		expect(await statusOf(c)).toBe('adjusted');
	});

	it('touches only the commitments asked for', async () => {
		const line = await addLine([['approved', 1_000, '2025-06-30']]);
		const asked = await addCommitment();
		const other = await addCommitment();
		await link(asked, line);
		await link(other, line);

		expect(await refreshFundingStatuses(db, [asked, asked])).toBe(1);
		expect(await statusOf(asked)).toBe('allocated');
		expect(await statusOf(other)).toBe('no_line_identified');

		expect(await refreshFundingStatuses(db, [])).toBe(0);
		expect(await refreshFundingStatuses(db, [999_999])).toBe(0);
		expect(await statusOf(other)).toBe('no_line_identified');
	});

	it('follows later changes to figures and links', async () => {
		const c = await addCommitment();
		const line = await addLine([['approved', 1_000, '2025-06-30']]);
		await link(c, line);
		await refreshFundingStatuses(db, [c]);
		expect(await statusOf(c)).toBe('allocated');

		await db
			.insertInto('budget_figures')
			.values({
				budget_line_id: line,
				phase: 'released',
				amount_kes: 1_000,
				as_of: '2026-03-31',
				source_title: 'Illustrative'
			})
			.execute();
		expect(await refreshFundingStatuses(db, [c])).toBe(1);
		expect(await statusOf(c)).toBe('released');

		await db.deleteFrom('funding_links').where('commitment_id', '=', c).execute();
		expect(await refreshFundingStatuses(db, [c])).toBe(1);
		expect(await statusOf(c)).toBe('no_line_identified');
	});

	it('does not bump the version used for optimistic concurrency', async () => {
		const c = await addCommitment();
		await link(c, await addLine([['approved', 1, '2025-06-30']]));
		await refreshFundingStatuses(db);
		const row = await db
			.selectFrom('commitments')
			.select(['version', 'funding_status'])
			.where('id', '=', c)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({ version: 1, funding_status: 'allocated' });
	});

	it('works inside a transaction and rolls back with it', async () => {
		const c = await addCommitment();
		await link(c, await addLine([['approved', 1, '2025-06-30']]));
		await expect(
			db.transaction().execute(async (trx) => {
				expect(await refreshFundingStatuses(trx, [c])).toBe(1);
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		expect(await statusOf(c)).toBe('no_line_identified');

		await db.transaction().execute((trx) => refreshFundingStatuses(trx));
		expect(await statusOf(c)).toBe('allocated');
	});

	it('handles several batches of commitments and lines', async () => {
		const lineCount = 600;
		const commitmentCount = 4_500;
		await db
			.insertInto('budget_lines')
			.values(
				Array.from({ length: lineCount }, (_, i) => ({
					fiscal_year: '2025/26',
					vote_code: '1021',
					vote_name: 'Bulk',
					programme: `Bulk ${i}`,
					economic_class: 'development' as const
				}))
			)
			.execute();
		const lines = await db.selectFrom('budget_lines').select('id').orderBy('id').execute();
		// Even lines are half released, odd lines only approved.
		await db
			.insertInto('budget_figures')
			.values(
				lines.flatMap(({ id }, i) => [
					{
						budget_line_id: id,
						phase: 'approved' as const,
						amount_kes: 1_000,
						as_of: '2025-06-30',
						source_title: 'Illustrative'
					},
					...(i % 2 === 0
						? [
								{
									budget_line_id: id,
									phase: 'released' as const,
									amount_kes: 500,
									as_of: '2025-12-31',
									source_title: 'Illustrative'
								}
							]
						: [])
				])
			)
			.execute();
		const ids: number[] = [];
		for (let i = 0; i < commitmentCount; i += 500) {
			const rows = await db
				.insertInto('commitments')
				.values(
					Array.from({ length: Math.min(500, commitmentCount - i) }, (_, j) => ({
						ref: `BULK/${i + j}`,
						committee_id: committeeId,
						sitting_id: sittingId,
						title: 'Bulk',
						summary: '',
						quote: '',
						quote_source_title: 'Illustrative',
						quote_source_url: null,
						quote_source_locator: null,
						organisation_id: organisationId,
						office_id: officeId,
						person_id: null,
						type: 'funding' as const,
						given_on: '2025-04-10',
						due_on: null,
						deadline_rule_id: null,
						due_basis: null,
						measurable_target: null,
						status_reason: null,
						published_at: null,
						withdrawn_at: null,
						withdrawn_reason: null,
						updated_by: null
					}))
				)
				.returning('id')
				.execute();
			ids.push(...rows.map((r) => r.id));
		}
		// Every third commitment stays unlinked; the rest link to one line, chosen round-robin.
		const links = ids
			.map((id, i) => ({ id, i }))
			.filter(({ i }) => i % 3 !== 0)
			.map(({ id, i }) => ({
				commitment_id: id,
				budget_line_id: lines[i % lineCount]!.id,
				share_kind: 'percent' as const,
				share_basis_points: 5_000,
				share_amount_kes: null,
				basis: 'indicative' as const,
				note: null
			}));
		for (let i = 0; i < links.length; i += 500) {
			await db
				.insertInto('funding_links')
				.values(links.slice(i, i + 500))
				.execute();
		}

		const changed = await refreshFundingStatuses(db);
		expect(changed).toBe(links.length);

		const counts = await db
			.selectFrom('commitments')
			.select(['funding_status', db.fn.countAll<number>().as('n')])
			.groupBy('funding_status')
			.orderBy('funding_status')
			.execute();
		const expected = { no_line_identified: 0, partly_released: 0, allocated: 0 };
		ids.forEach((_, i) => {
			if (i % 3 === 0) expected.no_line_identified += 1;
			else if ((i % lineCount) % 2 === 0) expected.partly_released += 1;
			else expected.allocated += 1;
		});
		expect(Object.fromEntries(counts.map((r) => [r.funding_status, Number(r.n)]))).toEqual(
			expected
		);
		expect(await refreshFundingStatuses(db)).toBe(0);
	});
});
