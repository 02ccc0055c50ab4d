// Funding links and budget figures entered by hand: shares in percent or shillings, the derived
// funding status refreshed in the same transaction, corrections confirmed and audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf } from '$lib/server/audit';
import type { Database } from '$lib/server/db/index';
import { listFundingLinks } from '$lib/server/queries/funding-links';
import {
	addBudgetLine,
	FigureExistsError,
	figureStamp,
	saveFigure
} from '$lib/server/services/budget-figures';
import {
	addFundingLink,
	basisPointsToPercent,
	editFundingLink,
	linkStamp,
	percentToBasisPoints,
	readShare,
	removeFundingLink
} from '$lib/server/services/funding-links';
import { InputError, StaleRecordError } from '$lib/server/errors';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';

let db: Database;
let author: { id: number; name: string; email: string };
let lineId: number;
let commitmentId: number;

const commitment = () =>
	db.selectFrom('commitments').selectAll().where('id', '=', commitmentId).executeTakeFirstOrThrow();

beforeEach(async () => {
	db = await freshDb();
	const basics = await insertBasics(db);
	const { id } = await db
		.insertInto('users')
		.values({ email: 'clerk@example.test', name: 'Clerk One', role: 'clerk', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	author = { id, name: 'Clerk One', email: 'clerk@example.test' };
	({ id: commitmentId } = await db
		.insertInto('commitments')
		.values(commitmentValues(basics))
		.returning('id')
		.executeTakeFirstOrThrow());
	lineId = await addBudgetLine(db, actorOf(author), {
		fiscalYear: '2025/26',
		voteCode: '1021',
		voteName: 'State Department for Internal Security and National Administration',
		programme: 'National Government Administration',
		subProgramme: 'Newly gazetted administrative units',
		economicClass: 'recurrent'
	});
});
afterEach(async () => {
	await db.destroy();
});

const figure = (
	phase: 'ceiling' | 'released' | 'spent',
	amountKes: number,
	replaces: string | null = null
) =>
	saveFigure(db, actorOf(author), {
		budgetLineId: lineId,
		phase,
		asOf: '2025-09-30',
		amountKes,
		sourceTitle: 'Controller of Budget report Q1',
		sourceUrl: null,
		replaces
	});

describe('shares', () => {
	it('reads percentages with up to two decimals as basis points, exactly', () => {
		expect(percentToBasisPoints('12.5')).toBe(1250);
		expect(percentToBasisPoints('0.01')).toBe(1);
		expect(percentToBasisPoints('100')).toBe(10_000);
		expect(percentToBasisPoints('33,33')).toBe(3333);
		for (const bad of ['0', '100.01', '-5', '1e2', '12.345', 'abc', '', '101']) {
			expect(percentToBasisPoints(bad), bad).toBeNull();
		}
		expect(basisPointsToPercent(1250)).toBe('12.5');
		expect(basisPointsToPercent(1205)).toBe('12.05');
		expect(basisPointsToPercent(10_000)).toBe('100');
	});

	it('reads fixed amounts in shillings and refuses negative, zero and non-numeric ones', () => {
		expect(
			readShare({ kind: 'amount', amount: 'KES 616,000,000', basis: 'earmarked', note: null })
		).toMatchObject({
			shareKind: 'amount',
			shareAmountKes: 616_000_000,
			shareBasisPoints: null
		});
		for (const bad of ['-1', '0', 'lots', '12.5']) {
			expect(
				() => readShare({ kind: 'amount', amount: bad, basis: 'earmarked', note: null }),
				bad
			).toThrow(InputError);
		}
	});
});

describe('funding links', () => {
	it('links by percent, refreshes the funding status, and audits the link', async () => {
		await figure('ceiling', 616_000_000);
		expect((await commitment()).funding_status).toBe('no_line_identified');
		const share = readShare({ kind: 'percent', percent: '50', basis: 'earmarked', note: 'Half' });
		const linkId = await addFundingLink(db, author, await commitment(), lineId, share);
		expect((await commitment()).funding_status).toBe('allocated');

		const [link] = await listFundingLinks(db, commitmentId);
		expect(link).toMatchObject({
			id: linkId,
			shareKind: 'percent',
			shareBasisPoints: 5000,
			basis: 'earmarked'
		});
		expect(link!.figures).toEqual([
			{ phase: 'ceiling', amountKes: 616_000_000, asOf: '2025-09-30' }
		]);

		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'after_json'])
			.where('entity', '=', 'funding_link')
			.executeTakeFirstOrThrow();
		expect(audit.action).toBe('funding_link.created');
		expect(JSON.parse(audit.after_json!)).toMatchObject({
			budget_line_id: lineId,
			share_basis_points: 5000
		});

		// The same line twice is refused.
		await expect(
			addFundingLink(db, author, await commitment(), lineId, share)
		).rejects.toBeInstanceOf(InputError);
	});

	it('links a fixed amount, edits it with the stamp, refuses a stale stamp, and removes it', async () => {
		const share = readShare({
			kind: 'amount',
			amount: '100000000',
			basis: 'indicative',
			note: null
		});
		const linkId = await addFundingLink(db, author, await commitment(), lineId, share);
		expect((await commitment()).funding_status).toBe('requested');

		const stamp = linkStamp(share);
		const next = readShare({
			kind: 'percent',
			percent: '25',
			basis: 'earmarked',
			note: 'Corrected'
		});
		await editFundingLink(db, author, await commitment(), linkId, stamp, next);
		const row = await db.selectFrom('funding_links').selectAll().executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			share_kind: 'percent',
			share_basis_points: 2500,
			share_amount_kes: null
		});

		// The old stamp no longer matches: someone (here, we) changed the link since.
		await expect(
			editFundingLink(db, author, await commitment(), linkId, stamp, share)
		).rejects.toBeInstanceOf(StaleRecordError);

		await removeFundingLink(db, author, await commitment(), linkId);
		expect(await db.selectFrom('funding_links').selectAll().execute()).toEqual([]);
		expect((await commitment()).funding_status).toBe('no_line_identified');
		const actions = await db
			.selectFrom('audit_log')
			.select(['action', 'before_json'])
			.where('entity', '=', 'funding_link')
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'funding_link.created',
			'funding_link.updated',
			'funding_link.removed'
		]);
		expect(JSON.parse(actions[2]!.before_json!)).toMatchObject({ share_basis_points: 2500 });
	});
});

describe('budget figures by hand', () => {
	it('adds figures and refreshes the status of linked commitments in the same transaction', async () => {
		const share = readShare({ kind: 'percent', percent: '100', basis: 'earmarked', note: null });
		await addFundingLink(db, author, await commitment(), lineId, share);
		await figure('ceiling', 616_000_000);
		expect((await commitment()).funding_status).toBe('allocated');
		await figure('released', 100_000_000);
		expect((await commitment()).funding_status).toBe('partly_released');
	});

	it('asks for confirmation before correcting a stored figure, then audits before and after', async () => {
		await figure('ceiling', 616_000_000);
		let exists: unknown;
		try {
			await figure('ceiling', 600_000_000);
		} catch (e) {
			exists = e;
		}
		expect(exists).toBeInstanceOf(FigureExistsError);
		const { stamp, stored } = exists as FigureExistsError;
		expect(stored.amountKes).toBe(616_000_000);
		expect(await figure('ceiling', 600_000_000, 'not-the-stamp').catch((e) => e)).toBeInstanceOf(
			StaleRecordError
		);

		expect((await figure('ceiling', 600_000_000, stamp)).kind).toBe('corrected');
		const row = await db.selectFrom('budget_figures').selectAll().executeTakeFirstOrThrow();
		expect(Number(row.amount_kes)).toBe(600_000_000);
		expect(figureStamp(row)).not.toBe(stamp);
		const audit = await db
			.selectFrom('audit_log')
			.select(['action', 'before_json', 'after_json'])
			.where('entity', '=', 'budget_figure')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(audit.action).toBe('budget_figure.corrected');
		expect(JSON.parse(audit.before_json!)).toMatchObject({ amountKes: 616_000_000 });
		expect(JSON.parse(audit.after_json!)).toMatchObject({ amountKes: 600_000_000 });
	});

	it('keeps one vote name per fiscal year and refuses a duplicate line', async () => {
		const base = {
			fiscalYear: '2025/26',
			voteCode: '1021',
			voteName: 'Another name',
			programme: 'Policing',
			subProgramme: '',
			economicClass: 'development' as const
		};
		await expect(addBudgetLine(db, actorOf(author), base)).rejects.toBeInstanceOf(InputError);
		await expect(
			addBudgetLine(db, actorOf(author), {
				...base,
				voteName: 'State Department for Internal Security and National Administration',
				programme: 'National Government Administration',
				subProgramme: 'Newly gazetted administrative units',
				economicClass: 'recurrent'
			})
		).rejects.toBeInstanceOf(InputError);
	});
});
