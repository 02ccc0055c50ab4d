// Assembles an MP's briefing pack for one committee since a date: seven queries at most (six,
// then evidence), whatever the number of commitments, updates or budget lines. Each section
// lists at most BRIEFING_SECTION_LIMIT items; `more` says how many were left out (and is absent
// when nothing was), so the pack stays small for a committee of any size.
import { listReplyFacts } from '../queries/ministry';
import { replyFigures } from '../../domain/replies';
import type { Kysely } from 'kysely';
import {
	addDays,
	attributeFunding,
	type AttributedMoney,
	type BudgetPhase,
	type EvidenceType,
	type LineSummary
} from '$lib/domain';
import {
	DUE_SOON_DAYS,
	anchors,
	classifyDeadlines,
	heavierUnreleased,
	classifyMilestones,
	moneyFlags,
	nairobiDayStart,
	suggestQuestions,
	summarisePosition,
	unreleasedOf,
	type FigureKind,
	type MoneyFlag
} from '$lib/domain/briefing';
import { memoByChange } from '../db/memo';
import type { DB } from '../db/schema';
import {
	BRIEFING_SECTION_LIMIT,
	MAX_BRIEFING_UPDATES,
	listBriefingMilestones,
	streamCommitteeFunding,
	listDeadlineCommitments,
	listDueDateChangesSince,
	listEvidenceOfUpdates,
	listUpdatesSince,
	summariseCommitteeCommitments,
	type BriefingCommittee
} from '../queries/briefing';
import type { FundingLinkView } from '../queries/public-commitments';

export interface EvidenceItem {
	type: EvidenceType;
	title: string;
	url: string | null;
	on: string | null;
	illustrative: boolean;
}

type Update = Awaited<ReturnType<typeof listUpdatesSince>>[number];
type Milestone = Awaited<ReturnType<typeof listBriefingMilestones>>[number];

export type ChangeItem =
	| {
			kind: 'update';
			key: string;
			anchor: string | null;
			on: string;
			ref: string;
			title: string;
			update: Omit<Update, 'ref' | 'title'>;
			evidence: EvidenceItem[];
	  }
	| {
			kind: 'due';
			key: string;
			anchor: string;
			on: string;
			ref: string;
			title: string;
			from: string | null;
			to: string | null;
			reason: string;
	  }
	| {
			kind: 'milestone';
			key: string;
			anchor: string;
			on: string;
			ref: string;
			title: string;
			milestone: Milestone;
	  };

export interface MoneyItem {
	linkId: number;
	anchor: string;
	ref: string;
	title: string;
	line: FundingLinkView['line'];
	basis: FundingLinkView['basis'];
	/** The amounts attributed to the commitment (money.attributed), the whole line as context. */
	money: AttributedMoney;
	/** The attributed amounts: what the flags and questions are about. */
	summary: LineSummary;
	flags: MoneyFlag[];
	sources: { figures: FigureKind[]; title: string; url: string | null; illustrative: boolean }[];
}

export type BriefingPack = Awaited<ReturnType<typeof computeBriefing>>;

/** How many items each section of the pack left out. */
export interface MoreItems {
	newlyOverdue: number;
	stillOverdue: number;
	dueSoon: number;
	lateMilestones: number;
	milestonesDueSoon: number;
	changedMilestones: number;
	noBudgetLine: number;
	money: number;
}

/** The items each section holds, shown and left out: the pack's table of contents. */
export interface SectionCounts {
	changes: number;
	/** Newly overdue commitments and late milestones. */
	overdue: number;
	/** Commitments and milestones due soon. */
	dueSoon: number;
	/** Flagged budget lines and commitments with no budget line. */
	money: number;
	questions: number;
}

const FIGURE_NAME: Record<BudgetPhase, FigureKind> = {
	requested: 'requested',
	ceiling: 'allocated',
	approved: 'allocated',
	supplementary_1: 'allocated',
	supplementary_2: 'allocated',
	released: 'released',
	spent: 'spent'
};

/**
 * The sources of the figures behind the flags (the latest figure of each phase used), each
 * naming the figures it backs (requested and allocated: The Star, 21 March 2025 …).
 */
function sourcesOf(link: FundingLinkView, summary: LineSummary, flags: MoneyFlag[]) {
	const used: [BudgetPhase, string][] = [];
	const kinds = new Set(flags.map((f) => f.kind));
	const allocation = summary.currentAllocation;
	if (kinds.has('gap') && summary.requested) used.push(['requested', summary.requested.asOf]);
	if (allocation) used.push([allocation.phase, allocation.asOf]);
	if ((kinds.has('slow_release') || kinds.has('low_use')) && summary.released) {
		used.push(['released', summary.released.asOf]);
	}
	if (kinds.has('low_use') && summary.spent) used.push(['spent', summary.spent.asOf]);
	const seen = new Map<string, MoneyItem['sources'][number]>();
	for (const [phase, asOf] of used) {
		const f = link.figures.filter((x) => x.phase === phase && x.asOf === asOf).at(-1);
		if (!f) continue;
		const source = seen.get(f.sourceTitle);
		if (source) source.figures.push(FIGURE_NAME[phase]);
		else {
			seen.set(f.sourceTitle, {
				figures: [FIGURE_NAME[phase]],
				title: f.sourceTitle,
				url: f.sourceUrl,
				illustrative: f.illustrative
			});
		}
	}
	return [...seen.values()];
}

/** The pack's order of money items: by commitment reference, then fiscal year. */
function compareMoney(a: { ref: string; year: string }, b: { ref: string; year: string }): number {
	return a.ref.localeCompare(b.ref) || a.year.localeCompare(b.year);
}

/**
 * Inserts an item into `list`, kept sorted and at most `limit` long, as a stable sort of every
 * item followed by `slice(0, limit)` would: after the items it ties with. The item is only made
 * (`make`) when it is kept.
 */
function keepFirst(
	list: MoneyItem[],
	limit: number,
	ref: string,
	year: string,
	make: () => MoneyItem
): void {
	const key = { ref, year };
	let lo = 0;
	let hi = list.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		const at = list[mid]!;
		if (compareMoney({ ref: at.ref, year: at.line.fiscalYear }, key) <= 0) lo = mid + 1;
		else hi = mid;
	}
	if (lo >= limit) return;
	list.splice(lo, 0, make());
	if (list.length > limit) list.pop();
}

/** Suggested questions shown; the count of the rest is shown with them. */
export const MAX_BRIEFING_QUESTIONS = 30;

/**
 * The pack, computed once per change to the data for one committee, period and day
 * (memoByChange): at 100,000 commitments a large committee's pack reads thousands of rows. It
 * holds facts, not words, so one pack serves every language.
 */
export function loadBriefing(
	db: Kysely<DB>,
	committee: BriefingCommittee,
	since: string,
	today: string
): Promise<BriefingPack> {
	return memoByChange(db, `briefing:${committee.id}:${since}:${today}`, () =>
		computeBriefing(db, committee, since, today)
	);
}

/** The pack computed afresh (loadBriefing remembers it), as computeDashboard is for the dashboard. */
export async function computeBriefing(
	db: Kysely<DB>,
	committee: BriefingCommittee,
	since: string,
	today: string
) {
	const dueBy = addDays(today, DUE_SOON_DAYS);
	const limit = BRIEFING_SECTION_LIMIT;
	const [summary, deadlines, milestones, updateRows, dueChangeRows, replyFacts] = await Promise.all(
		[
			summariseCommitteeCommitments(db, committee.id, limit),
			listDeadlineCommitments(db, committee.id, today, dueBy, since, limit),
			listBriefingMilestones(db, committee.id, since, nairobiDayStart(addDays(since, 1)), dueBy),
			listUpdatesSince(db, committee.id, since),
			listDueDateChangesSince(db, committee.id, since),
			listReplyFacts(db, { committeeIds: [committee.id] })
		]
	);
	const updates = updateRows.slice(0, MAX_BRIEFING_UPDATES);
	const dueChanges = dueChangeRows.slice(0, MAX_BRIEFING_UPDATES);
	const evidence = await listEvidenceOfUpdates(
		db,
		updates.map((u) => u.id)
	);

	const deadlineSections = classifyDeadlines(deadlines.rows, since, today);
	const allMilestones = classifyMilestones(milestones, since, today);
	// The first of each section; `hidden` counts the rest (totals of the deadline sections come
	// from SQL, which returned only the first of each).
	const hidden: MoreItems = {
		newlyOverdue: deadlines.totals.newly_overdue - deadlineSections.newlyOverdue.length,
		stillOverdue: deadlines.totals.still_overdue - deadlineSections.stillOverdue.length,
		dueSoon: deadlines.totals.due_soon - deadlineSections.dueSoon.length,
		lateMilestones: Math.max(0, allMilestones.late.length - limit),
		milestonesDueSoon: Math.max(0, allMilestones.dueSoon.length - limit),
		changedMilestones: Math.max(0, allMilestones.changed.length - limit),
		noBudgetLine: summary.noBudgetLineTotal - summary.noBudgetLine.length,
		money: 0
	};
	const { newlyOverdue, stillOverdue, dueSoon } = deadlineSections;
	const ms = {
		late: allMilestones.late.slice(0, limit),
		dueSoon: allMilestones.dueSoon.slice(0, limit),
		changed: allMilestones.changed.slice(0, limit)
	};

	// Due-date changes recorded with an update are shown in that update; the others stand alone.
	const shownUpdates = new Set(updates.map((u) => u.id));
	const moveOfUpdate = new Map<number, number>();
	for (const d of dueChanges) {
		if (d.update_id !== null && shownUpdates.has(d.update_id)) moveOfUpdate.set(d.update_id, d.id);
	}
	const changes: ChangeItem[] = [
		...updates.map((u): ChangeItem => {
			const { ref, title, ...update } = u;
			const move = moveOfUpdate.get(u.id);
			return {
				kind: 'update',
				key: `u${u.id}`,
				anchor: move === undefined ? null : anchors.move(move),
				on: u.update_on,
				ref,
				title,
				update,
				evidence: evidence
					.filter((e) => e.update_id === u.id)
					.map((e) => ({
						type: e.type,
						title: e.title,
						url: e.url,
						on: e.published_on,
						illustrative: e.illustrative === 1
					}))
			};
		}),
		...dueChanges
			.filter((d) => d.update_id === null || !shownUpdates.has(d.update_id))
			.map((d): ChangeItem => ({
				kind: 'due',
				key: `d${d.id}`,
				anchor: anchors.move(d.id),
				on: d.changed_on,
				ref: d.ref,
				title: d.title,
				from: d.from_on,
				to: d.to_on,
				reason: d.reason
			})),
		...ms.changed.map((m): ChangeItem => ({
			kind: 'milestone',
			key: `m${m.id}`,
			anchor: anchors.milestone(m.id),
			on: m.actualOn && m.actualOn > since ? m.actualOn : m.updatedAt.slice(0, 10),
			ref: m.ref,
			title: m.commitmentTitle,
			milestone: m
		}))
	].sort((a, b) => b.on.localeCompare(a.on) || a.ref.localeCompare(b.ref));

	// Every link is judged (for the counts), but only the first `limit` flagged ones, in the
	// pack's order, are kept: links are read one at a time from a stream.
	const money: MoneyItem[] = [];
	let largestUnreleased: { ref: string; title: string; amount: number; fiscalYear: string } | null =
		null;
	let moneyClear = 0;
	let moneyFlagged = 0;
	for await (const link of streamCommitteeFunding(db, committee.id)) {
		const attributed = attributeFunding(link);
		const summary = attributed.attributed;
		const flags = moneyFlags(summary, link.line.fiscalYear, today);
		if (flags.length === 0) {
			moneyClear++;
			continue;
		}
		moneyFlagged++;
		for (const flag of flags) {
			const amount = unreleasedOf(flag);
			if (amount === null) continue;
			const candidate = {
				ref: link.ref,
				title: link.title,
				amount,
				fiscalYear: link.line.fiscalYear
			};
			largestUnreleased = heavierUnreleased(largestUnreleased, candidate);
		}
		keepFirst(money, limit, link.ref, link.line.fiscalYear, () => ({
			linkId: link.linkId,
			anchor: anchors.money(link.linkId),
			ref: link.ref,
			title: link.title,
			line: link.line,
			basis: link.basis,
			money: attributed,
			summary,
			flags,
			sources: sourcesOf(link, summary, flags)
		}));
	}
	hidden.money = Math.max(0, moneyFlagged - limit);
	const noBudgetLine = summary.noBudgetLine;

	const dueDateMoves = dueChanges
		.filter((d) => d.from_on !== null && d.to_on !== null)
		.map((d) => ({
			id: d.id,
			ref: d.ref,
			title: d.title,
			changedOn: d.changed_on,
			from: d.from_on as string,
			to: d.to_on as string,
			reason: d.reason
		}));

	// What the ministry's replies add to each overdue commitment.
	const replyOf = new Map(replyFacts.map((r) => [r.commitmentId, r]));
	const withReplies = (c: (typeof newlyOverdue)[number]) => {
		const reply = replyOf.get(c.id);
		return {
			...c,
			noReport: reply !== undefined && reply.firstReportOn === null,
			refusedRequests: reply?.extensionsRefused ?? 0
		};
	};
	const replies = replyFigures(replyFacts, today);
	const allQuestions = suggestQuestions({
		newlyOverdue: newlyOverdue.map(withReplies),
		stillOverdue: stillOverdue.map(withReplies),
		lateMilestones: ms.late,
		dueSoon,
		milestonesDueSoon: ms.dueSoon,
		dueDateMoves,
		money: money.map((item) => ({
			linkId: item.linkId,
			ref: item.ref,
			title: item.title,
			line: {
				voteCode: item.line.voteCode,
				fiscalYear: item.line.fiscalYear,
				subProgramme: item.line.subProgramme
			},
			flags: item.flags
		})),
		noBudgetLine
	});
	const questions = allQuestions.slice(0, MAX_BRIEFING_QUESTIONS);
	const more = Object.values(hidden).some((n) => n > 0) ? hidden : undefined;
	const counts: SectionCounts = {
		changes: changes.length,
		overdue: newlyOverdue.length + ms.late.length + hidden.newlyOverdue + hidden.lateMilestones,
		dueSoon: dueSoon.length + ms.dueSoon.length + hidden.dueSoon + hidden.milestonesDueSoon,
		money: money.length + noBudgetLine.length + hidden.money + hidden.noBudgetLine,
		questions: questions.length
	};

	return {
		since,
		today,
		dueBy,
		tracked: summary.tracked,
		changes,
		changesCut:
			updateRows.length > MAX_BRIEFING_UPDATES || dueChangeRows.length > MAX_BRIEFING_UPDATES,
		newlyOverdue,
		stillOverdue,
		lateMilestones: ms.late,
		dueSoon,
		milestonesDueSoon: ms.dueSoon,
		money,
		moneyClear,
		noBudgetLine,
		// The heaviest first (rankQuestions): a sitting has time for a few dozen.
		questions,
		questionsMore: Math.max(0, allQuestions.length - MAX_BRIEFING_QUESTIONS),
		// How the ministries answered the committee (sent submissions only).
		replies,
		// The position in brief: what the pack leads with.
		position: summarisePosition({
			tracked: summary.tracked,
			overdue: deadlines.totals.newly_overdue + deadlines.totals.still_overdue,
			dueSoon: deadlines.totals.due_soon,
			reportsNotReceived: replies.notReceived,
			overdueFacts: [...newlyOverdue, ...stillOverdue],
			largestUnreleased
		}),
		// Items left out of each section (only when some were: the pack of a small committee is
		// exactly what it always was). The questions are about the items shown.
		more,
		counts
	};
}
