// The public dashboard: "what is overdue, and where did the money stop?". A fixed number of
// queries (each a grouped aggregate), combined here with the domain's budget rules.
import type { Kysely } from 'kysely';
import {
	summariseLine,
	sumPercentShares,
	type FigureInput,
	type LineSummary,
	type MoneyChainTotals
} from '$lib/domain';
import { EMPTY_COMMITMENT_QUERY } from '$lib/domain/commitment-query';
import type { DB } from '../db/schema';
import { searchCommitments } from '../queries/commitment-search';
import {
	countByDelivery,
	countByGroup,
	countByProgress,
	countOverdue,
	listLatestUpdates,
	listLinkedLineFigures,
	listLinkShares,
	type GroupCounts,
	type LinkShareRow
} from '../queries/dashboard';

export interface GroupRow extends GroupCounts {
	money: MoneyChainTotals;
	absorption: number | null;
}

/**
 * The part of each budget line that funds a set of commitments. Shares of several commitments
 * on one line add up, capped at the whole line so that a line is never counted twice.
 */
function moneyOf(shares: LinkShareRow[], lines: Map<number, LineSummary>): MoneyChainTotals {
	const perLine = new Map<number, { bp: number; amount: number }>();
	for (const s of shares) {
		const t = perLine.get(s.budgetLineId) ?? { bp: 0, amount: 0 };
		if (s.shareKind === 'percent') t.bp += s.basisPoints;
		else t.amount += s.amountKes;
		perLine.set(s.budgetLineId, t);
	}
	const parts: { line: LineSummary; basisPoints: number }[] = [];
	for (const [lineId, t] of perLine) {
		const line = lines.get(lineId);
		if (!line) continue;
		const allocation = line.currentAllocation?.amountKes ?? 0;
		const amountBp = allocation > 0 ? Math.round((t.amount / allocation) * 10_000) : 0;
		const basisPoints = Math.min(10_000, t.bp + amountBp);
		if (basisPoints > 0) parts.push({ line, basisPoints });
	}
	// Equal to summing attributeShare(line, percent) per line, without a summary per share.
	return sumPercentShares(parts);
}

function withMoney(
	groups: GroupCounts[],
	shares: LinkShareRow[],
	key: 'committeeId' | 'organisationId',
	lines: Map<number, LineSummary>
): GroupRow[] {
	const sharesOf = new Map<number, LinkShareRow[]>();
	for (const s of shares) {
		const list = sharesOf.get(s[key]);
		if (list) list.push(s);
		else sharesOf.set(s[key], [s]);
	}
	return groups.map((g) => {
		const money = moneyOf(sharesOf.get(g.id) ?? [], lines);
		return { ...g, money, absorption: money.allocated > 0 ? money.spent / money.allocated : null };
	});
}

export async function loadDashboard(db: Kysely<DB>, today: string) {
	const [
		byDelivery,
		overdue,
		progress,
		byCommittee,
		byOrganisation,
		shares,
		figures,
		latest,
		overdueTop
	] = await Promise.all([
		countByDelivery(db),
		countOverdue(db, today),
		countByProgress(db),
		countByGroup(db, 'committee', today),
		countByGroup(db, 'organisation', today),
		listLinkShares(db),
		listLinkedLineFigures(db),
		listLatestUpdates(db, 5),
		searchCommitments(
			db,
			{ ...EMPTY_COMMITMENT_QUERY, overdue: true, sort: 'overdue', pageSize: 5 },
			today
		)
	]);
	const figuresByLine = new Map<number, FigureInput[]>();
	for (const f of figures) {
		const list = figuresByLine.get(f.budgetLineId) ?? [];
		list.push(f);
		figuresByLine.set(f.budgetLineId, list);
	}
	const lines = new Map<number, LineSummary>();
	for (const [id, list] of figuresByLine) lines.set(id, summariseLine(list));

	return {
		total: byDelivery.reduce((sum, d) => sum + d.count, 0),
		byDelivery,
		overdue,
		progress,
		money: moneyOf(shares, lines),
		byCommittee: withMoney(byCommittee, shares, 'committeeId', lines),
		byOrganisation: withMoney(byOrganisation, shares, 'organisationId', lines),
		latest,
		overdueTop: overdueTop.rows
	};
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
