// The public dashboard: "what is overdue, and where did the money stop?". A fixed number of
// grouped aggregates, the money chain included (sumLinkedMoney applies the domain's budget rules
// in SQL), so the page reads dozens of rows whatever the number of commitments.
import type { Kysely } from 'kysely';
import { fiscalYearOf, type MoneyChainTotals } from '$lib/domain';
import { EMPTY_COMMITMENT_QUERY } from '$lib/domain/commitment-query';
import { memoByChange } from '../db/memo';
import type { DB } from '../db/schema';
import { searchCommitments } from '../queries/commitment-search';
import {
	countByDelivery,
	countByGroup,
	countByProgress,
	countOverdue,
	listLatestUpdates,
	listLinkedFiscalYears,
	sumLinkedMoney,
	NO_DATES,
	NO_MONEY,
	type GroupCounts,
	type GroupMoney
} from '../queries/dashboard';

export interface GroupRow extends GroupCounts {
	money: MoneyChainTotals;
	absorption: number | null;
}

/** A group's money chain without the group's id (the page shows it beside the group). */
function totals(money: GroupMoney | undefined): MoneyChainTotals {
	if (!money) return NO_MONEY;
	const { groupId: _, asOfEach: __, ...chain } = money;
	return chain;
}

/**
 * The fiscal year a money chain is for: the one asked for if any line of it funds a published
 * commitment; else the current year, or the latest before it that has figures (early in a year,
 * and in the demo, the current year has none yet); else the latest there is.
 */
export function chooseFiscalYear(
	years: readonly string[],
	asked: string | null,
	today: string
): string | null {
	if (asked !== null && years.includes(asked)) return asked;
	const current = fiscalYearOf(today);
	return years.find((y) => y <= current) ?? years[0] ?? null;
}

function withMoney(groups: GroupCounts[], money: Map<number, GroupMoney>): GroupRow[] {
	return groups.map((g) => {
		const m = totals(money.get(g.id));
		return { ...g, money: m, absorption: m.allocated > 0 ? m.spent / m.allocated : null };
	});
}

/**
 * The dashboard's figures, computed once per change to the data (memoByChange): its totals read
 * every published commitment, funding link and linked budget figure, which at 100,000
 * commitments takes about a second, while the page is read far more often than data changes.
 */
export async function loadDashboard(
	db: Kysely<DB>,
	today: string,
	askedYear: string | null = null
) {
	const years = await memoByChange(db, 'dashboard:years', () => listLinkedFiscalYears(db));
	const fiscalYear = chooseFiscalYear(years, askedYear, today);
	return memoByChange(db, `dashboard:${today}:${fiscalYear}`, async () => ({
		...(await computeDashboard(db, today, fiscalYear)),
		fiscalYears: years
	}));
}

const noMoney = async () => ({
	total: { ...NO_MONEY, groupId: null, asOfEach: NO_DATES } as GroupMoney,
	byCommittee: new Map<number, GroupMoney>(),
	byOrganisation: new Map<number, GroupMoney>()
});

export async function computeDashboard(db: Kysely<DB>, today: string, fiscalYear: string | null) {
	const [byDelivery, overdue, progress, byCommittee, byOrganisation, money, latest, overdueTop] =
		await Promise.all([
			countByDelivery(db),
			countOverdue(db, today),
			countByProgress(db),
			countByGroup(db, 'committee', today),
			countByGroup(db, 'organisation', today),
			fiscalYear === null ? noMoney() : sumLinkedMoney(db, fiscalYear),
			listLatestUpdates(db, 5),
			searchCommitments(
				db,
				{ ...EMPTY_COMMITMENT_QUERY, overdue: true, sort: 'overdue', pageSize: 5 },
				today
			)
		]);
	return {
		total: byDelivery.reduce((sum, d) => sum + d.count, 0),
		byDelivery,
		overdue,
		progress,
		fiscalYear,
		money: totals(money.total),
		moneyAsOf: money.total.asOfEach,
		byCommittee: withMoney(byCommittee, money.byCommittee),
		byOrganisation: withMoney(byOrganisation, money.byOrganisation),
		latest,
		overdueTop: overdueTop.rows
	};
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
