// The MP's briefing pack, as pure rules: which deadlines became overdue since a date, which fall
// due soon, where a budget line's money stalled, and the questions those facts suggest. The
// server gathers the facts; everything here decides what they mean, as kinds, numbers, dates and
// references. Words are for the page ($lib/i18n/briefing-words.ts), in the reader's language.
import type { LineSummary } from './budget';
import { addDays, daysBetween, isIsoDate } from './dates';
import { quarterEnd, type Quarter } from './fiscal-year';
import { daysOverdue, effectiveDeadline } from './overdue';
import { isDeliveryClosed, type DeliveryStatus, type MilestoneStatus } from './status';

/** "Due in the next 30 days". */
export const DUE_SOON_DAYS = 30;
/** With no sitting on record, a briefing looks back this far. */
export const DEFAULT_LOOKBACK_DAYS = 90;
/** Releases are expected at a quarter of the allocation per completed quarter. */
export const RELEASE_SHARE_PER_QUARTER = 0.25;
/** Spending below this share of the money released is flagged as slow. */
export const LOW_USE_OF_RELEASES = 0.75;

// ---------------------------------------------------------------------------------------------
// Parameters

/**
 * What is wrong with a parameter: `choose` a malformed committee slug, `unknown` a slug that
 * names no committee (found by the caller), `not_a_date` and `future` a bad "since" date.
 */
export interface BriefingParamErrors {
	committee?: 'choose' | 'unknown';
	since?: 'not_a_date' | 'future';
}

export interface BriefingParams {
	committee: string | null;
	since: string | null;
	errors: BriefingParamErrors;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads `?committee=SLUG&since=YYYY-MM-DD`. Empty or missing values mean "use the default";
 * a malformed value is an error (its kind), never an exception. Whether the slug names a real
 * committee is for the caller to check against the list.
 */
export function parseBriefingParams(params: URLSearchParams, today: string): BriefingParams {
	const errors: BriefingParams['errors'] = {};
	const committeeRaw = (params.get('committee') ?? '').trim();
	const sinceRaw = (params.get('since') ?? '').trim();
	let committee: string | null = null;
	let since: string | null = null;
	if (committeeRaw !== '') {
		if (committeeRaw.length <= 100 && SLUG.test(committeeRaw)) committee = committeeRaw;
		else errors.committee = 'choose';
	}
	if (sinceRaw !== '') {
		if (!isIsoDate(sinceRaw)) {
			errors.since = 'not_a_date';
		} else if (sinceRaw > today) {
			errors.since = 'future';
		} else {
			since = sinceRaw;
		}
	}
	return { committee, since, errors };
}

/** The instant a Nairobi calendar day starts, as an ISO UTC timestamp (Kenya has no DST). */
export function nairobiDayStart(date: string): string {
	if (!isIsoDate(date)) throw new RangeError(`Not a valid ISO date: ${date}`);
	return new Date(`${date}T00:00:00+03:00`).toISOString();
}

// ---------------------------------------------------------------------------------------------
// Deadlines

export interface DeadlineInput {
	ref: string;
	title: string;
	dueOn: string;
	deliveryStatus: DeliveryStatus;
	/** Until-dates of granted extensions. */
	grantedExtensionsUntil: string[];
}

export type OverdueFact<T extends DeadlineInput = DeadlineInput> = T & {
	/** The date it had to be met by: the due date or a later granted extension. */
	deadline: string;
	daysOverdue: number;
	/** True when the deadline is an extension's end, not the original due date. */
	extended: boolean;
};

export type DueSoonFact<T extends DeadlineInput = DeadlineInput> = T & {
	deadline: string;
	daysLeft: number;
	extended: boolean;
};

/** Due date or the latest granted extension beyond it (the same rule as isOverdue). */
export function deadlineOf(c: DeadlineInput): string {
	return effectiveDeadline(c) ?? c.dueOn;
}

/**
 * Splits open commitments by deadline. Newly overdue: the deadline fell on or after `since`, so
 * the commitment became overdue after that date (an extension that ran out in the window
 * counts). Still overdue: it was already overdue on `since`. Due soon: deadline from today to
 * today + `horizon` days.
 */
export function classifyDeadlines<T extends DeadlineInput>(
	rows: readonly T[],
	since: string,
	today: string,
	horizon = DUE_SOON_DAYS
) {
	const newlyOverdue: OverdueFact<T>[] = [];
	const stillOverdue: OverdueFact<T>[] = [];
	const dueSoon: DueSoonFact<T>[] = [];
	const until = addDays(today, horizon);
	for (const row of rows) {
		if (!isIsoDate(row.dueOn) || isDeliveryClosed(row.deliveryStatus)) continue;
		const deadline = deadlineOf(row);
		const extended = deadline !== row.dueOn;
		const input = {
			dueOn: row.dueOn,
			deliveryStatus: row.deliveryStatus,
			grantedExtensionsUntil: row.grantedExtensionsUntil
		};
		const late = daysOverdue(input, today);
		if (late !== null) {
			const fact = { ...row, deadline, daysOverdue: late, extended };
			(deadline >= since ? newlyOverdue : stillOverdue).push(fact);
		} else if (deadline >= today && deadline <= until) {
			dueSoon.push({ ...row, deadline, daysLeft: daysBetween(today, deadline), extended });
		}
	}
	const byDeadline = (a: { deadline: string; ref: string }, b: { deadline: string; ref: string }) =>
		a.deadline.localeCompare(b.deadline) || a.ref.localeCompare(b.ref);
	return {
		newlyOverdue: newlyOverdue.sort(byDeadline),
		stillOverdue: stillOverdue.sort(byDeadline),
		dueSoon: dueSoon.sort(byDeadline)
	};
}

// ---------------------------------------------------------------------------------------------
// Milestones

export interface MilestoneInput {
	id: number;
	ref: string;
	title: string;
	plannedOn: string;
	actualOn: string | null;
	status: MilestoneStatus;
	/** ISO timestamp of the last change to the milestone. */
	updatedAt: string;
}

/**
 * Late: planned in the window (after `since`, before today) and missed or still not met.
 * Changed: done in the window or edited after the start of the day after `since`, unless late.
 * Due soon: still planned, from today to today + `horizon` days.
 */
export function classifyMilestones<T extends MilestoneInput>(
	rows: readonly T[],
	since: string,
	today: string,
	horizon = DUE_SOON_DAYS
) {
	const changedAfter = nairobiDayStart(addDays(since, 1));
	const until = addDays(today, horizon);
	const late: T[] = [];
	const changed: T[] = [];
	const dueSoon: T[] = [];
	for (const m of rows) {
		const open = m.status === 'planned' || m.status === 'missed';
		if (open && m.plannedOn > since && m.plannedOn < today) late.push(m);
		else if ((m.actualOn !== null && m.actualOn > since) || m.updatedAt >= changedAfter) {
			changed.push(m);
		} else if (m.status === 'planned' && m.plannedOn >= today && m.plannedOn <= until) {
			dueSoon.push(m);
		}
	}
	const byPlanned = (a: T, b: T) => a.plannedOn.localeCompare(b.plannedOn) || a.id - b.id;
	return {
		late: late.sort(byPlanned),
		changed: changed.sort(byPlanned),
		dueSoon: dueSoon.sort(byPlanned)
	};
}

// ---------------------------------------------------------------------------------------------
// Money

export type MoneyFlag =
	| { kind: 'gap'; requested: number; allocated: number; gap: number; asOf: string }
	| {
			kind: 'slow_release';
			allocated: number;
			released: number;
			rate: number;
			expected: number;
			asOf: string;
	  }
	| { kind: 'no_release'; allocated: number }
	| { kind: 'low_use'; released: number; spent: number; rate: number; asOf: string };

/** The figures of a budget line the pack names when it cites their source. */
export type FigureKind = 'requested' | 'allocated' | 'released' | 'spent';

/**
 * The share of a year's allocation that should have been released by `asOf`: a quarter for
 * each fiscal quarter completed by then (none before the end of Q1, all after the year).
 */
export function expectedReleaseShare(fiscalYear: string, asOf: string): number {
	let completed = 0;
	for (const q of [1, 2, 3, 4] as Quarter[]) if (quarterEnd(fiscalYear, q) <= asOf) completed = q;
	return completed * RELEASE_SHARE_PER_QUARTER;
}

/**
 * Where a line's money stalled: requested but not allocated (gap), released more slowly than a
 * quarter per quarter, nothing released once a quarter has ended, or released but not spent.
 */
export function moneyFlags(line: LineSummary, fiscalYear: string, today: string): MoneyFlag[] {
	const flags: MoneyFlag[] = [];
	const allocation = line.currentAllocation;
	if (line.requested && allocation && line.fundingGap !== null && line.fundingGap > 0) {
		flags.push({
			kind: 'gap',
			requested: line.requested.amountKes,
			allocated: allocation.amountKes,
			gap: line.fundingGap,
			asOf: line.requested.asOf > allocation.asOf ? line.requested.asOf : allocation.asOf
		});
	}
	if (allocation && allocation.amountKes > 0) {
		const released = line.released;
		if (released && line.releaseRate !== null) {
			const expected = expectedReleaseShare(fiscalYear, released.asOf);
			if (line.releaseRate < expected) {
				flags.push({
					kind: 'slow_release',
					allocated: allocation.amountKes,
					released: released.amountKes,
					rate: line.releaseRate,
					expected,
					asOf: released.asOf
				});
			}
		} else if (!released && quarterEnd(fiscalYear, 1) < today) {
			flags.push({ kind: 'no_release', allocated: allocation.amountKes });
		}
	}
	if (line.released && line.spent && line.useOfReleases !== null) {
		if (line.released.amountKes > 0 && line.useOfReleases < LOW_USE_OF_RELEASES) {
			flags.push({
				kind: 'low_use',
				released: line.released.amountKes,
				spent: line.spent.amountKes,
				rate: line.useOfReleases,
				asOf: line.spent.asOf
			});
		}
	}
	return flags;
}

// ---------------------------------------------------------------------------------------------
// Suggested questions

export interface CommitmentRef {
	ref: string;
	title: string;
}

/** The budget line a money question is about, as the question names it. */
export interface QuestionLine {
	voteCode: string;
	fiscalYear: string;
	subProgramme: string;
}

/** What the ministry's replies add to an overdue commitment (absent: nothing known). */
export interface ReplyNote {
	/** Postponements of the due date on record (all time). */
	postponements?: number;
	/** The deadline passed and the ministry has sent no report. */
	noReport?: boolean;
	/** Requests for more time the committee refused. */
	refusedRequests?: number;
}

export interface BriefingFacts {
	newlyOverdue: (OverdueFact & ReplyNote)[];
	stillOverdue: (OverdueFact & ReplyNote)[];
	lateMilestones: (MilestoneInput & { commitmentTitle: string })[];
	dueSoon: DueSoonFact[];
	milestonesDueSoon: (MilestoneInput & { commitmentTitle: string })[];
	/** Due dates moved in the window (from one date to another). */
	dueDateMoves: (CommitmentRef & {
		id: number;
		changedOn: string;
		from: string;
		to: string;
		reason: string;
	})[];
	money: (CommitmentRef & { linkId: number; line: QuestionLine; flags: MoneyFlag[] })[];
	noBudgetLine: CommitmentRef[];
}

/**
 * A question the facts raise, as the facts behind it: `kind` says which question it is, the
 * rest are the numbers, dates and references it quotes. `anchor` is the id of the element of
 * the briefing that shows the fact.
 */
export type SuggestedQuestion = { ref: string; anchor: string } & (
	| {
			kind: 'overdue';
			/** Became overdue in the window (else it was already overdue at its start). */
			newly: boolean;
			title: string;
			deadline: string;
			extended: boolean;
			daysOverdue: number;
			postponements: number;
			noReport: boolean;
			refusedRequests: number;
	  }
	| { kind: 'milestone_late'; title: string; plannedOn: string; missed: boolean }
	| {
			kind: 'money';
			title: string;
			line: QuestionLine;
			/** Heaviest first (moneyAtStake of each). */
			flags: MoneyFlag[];
			/** The largest sum any of the flags puts in question. */
			atStake: number;
	  }
	| {
			kind: 'moved';
			title: string;
			from: string;
			to: string;
			changedOn: string;
			reason: string;
			/** Postponements of this commitment in the window (this one included). */
			times: number;
	  }
	| { kind: 'due_soon'; title: string; deadline: string; daysLeft: number }
	| { kind: 'milestone_soon'; title: string; plannedOn: string }
	| { kind: 'no_line'; title: string }
);

const slugOf = (s: string) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Element ids shared by the page and the questions, so each question links to its fact. */
export const anchors = {
	overdue: (ref: string) => `overdue-${slugOf(ref)}`,
	milestone: (id: number) => `milestone-${id}`,
	dueSoon: (ref: string) => `due-${slugOf(ref)}`,
	move: (id: number) => `moved-${id}`,
	money: (linkId: number) => `money-${linkId}`,
	noLine: (ref: string) => `no-line-${slugOf(ref)}`
};

/** Allocated but not released: what a release flag says is held back (null for other flags). */
export function unreleasedOf(flag: MoneyFlag): number | null {
	if (flag.kind === 'no_release') return flag.allocated;
	if (flag.kind === 'slow_release') return Math.max(0, flag.allocated - flag.released);
	return null;
}

/** The sum a flag puts in question: the gap, the money held back, or released but not spent. */
export function moneyAtStake(flag: MoneyFlag): number {
	switch (flag.kind) {
		case 'gap':
			return flag.gap;
		case 'low_use':
			return Math.max(0, flag.released - flag.spent);
		default:
			return unreleasedOf(flag) ?? 0;
	}
}

function overdueQuestion(c: OverdueFact & ReplyNote, newly: boolean): SuggestedQuestion {
	return {
		kind: 'overdue',
		ref: c.ref,
		anchor: anchors.overdue(c.ref),
		newly,
		title: c.title,
		deadline: c.deadline,
		extended: c.extended,
		daysOverdue: c.daysOverdue,
		postponements: c.postponements ?? 0,
		noReport: c.noReport ?? false,
		refusedRequests: c.refusedRequests ?? 0
	};
}

/**
 * One question per fact of the pack, heaviest first (rankQuestions). A commitment gets one
 * deadline question (overdue beats a moved date, which beats due soon); milestone and money
 * questions are asked besides.
 */
export function suggestQuestions(facts: BriefingFacts): SuggestedQuestion[] {
	const out: SuggestedQuestion[] = [];
	const askedDeadline = new Set<string>();
	for (const c of facts.newlyOverdue) {
		out.push(overdueQuestion(c, true));
		askedDeadline.add(c.ref);
	}
	for (const c of facts.stillOverdue) {
		if (askedDeadline.has(c.ref)) continue;
		askedDeadline.add(c.ref);
		out.push(overdueQuestion(c, false));
	}
	for (const ms of facts.lateMilestones) {
		out.push({
			kind: 'milestone_late',
			ref: ms.ref,
			anchor: anchors.milestone(ms.id),
			title: ms.title,
			plannedOn: ms.plannedOn,
			missed: ms.status === 'missed'
		});
	}
	for (const item of facts.money) {
		if (item.flags.length === 0) continue;
		const flags = [...item.flags].sort((a, b) => moneyAtStake(b) - moneyAtStake(a));
		out.push({
			kind: 'money',
			ref: item.ref,
			anchor: anchors.money(item.linkId),
			title: item.title,
			line: item.line,
			flags,
			atStake: moneyAtStake(flags[0]!)
		});
	}
	// Only slippage: a date brought forward raises no question.
	const postponed = facts.dueDateMoves.filter((m) => m.to > m.from);
	const times = new Map<string, number>();
	for (const m of postponed) times.set(m.ref, (times.get(m.ref) ?? 0) + 1);
	for (const move of postponed) {
		// The latest move of each commitment (the list is newest first) asks the question.
		if (askedDeadline.has(move.ref)) continue;
		askedDeadline.add(move.ref);
		out.push({
			kind: 'moved',
			ref: move.ref,
			anchor: anchors.move(move.id),
			title: move.title,
			from: move.from,
			to: move.to,
			changedOn: move.changedOn,
			reason: move.reason,
			times: times.get(move.ref) ?? 1
		});
	}
	for (const c of facts.dueSoon) {
		if (askedDeadline.has(c.ref)) continue;
		askedDeadline.add(c.ref);
		out.push({
			kind: 'due_soon',
			ref: c.ref,
			anchor: anchors.dueSoon(c.ref),
			title: c.title,
			deadline: c.deadline,
			daysLeft: c.daysLeft
		});
	}
	for (const ms of facts.milestonesDueSoon) {
		out.push({
			kind: 'milestone_soon',
			ref: ms.ref,
			anchor: anchors.milestone(ms.id),
			title: ms.title,
			plannedOn: ms.plannedOn
		});
	}
	for (const c of facts.noBudgetLine) {
		out.push({ kind: 'no_line', ref: c.ref, anchor: anchors.noLine(c.ref), title: c.title });
	}
	return rankQuestions(out);
}

/**
 * The weight of a question: its tier (lower is heavier), then its size within the tier (larger
 * is heavier). Tiers, heaviest first: overdue commitments (by days overdue, then refused
 * requests for more time, then no report from the ministry); money (by the sum in question);
 * repeated slippage (a due date postponed more than once in the window, by the number of
 * times); missed or unmet milestones (the oldest first); a date postponed once; what falls due
 * soon (the soonest first); milestones due soon; commitments with no budget line.
 */
export function questionWeight(q: SuggestedQuestion): [tier: number, ...size: number[]] {
	switch (q.kind) {
		case 'overdue':
			return [0, q.daysOverdue, q.refusedRequests, q.noReport ? 1 : 0];
		case 'money':
			return [1, q.atStake];
		case 'moved':
			return q.times > 1 ? [2, q.times] : [4];
		case 'milestone_late':
			return [3, -Date.parse(q.plannedOn)];
		case 'due_soon':
			return [5, -Date.parse(q.deadline)];
		case 'milestone_soon':
			return [6, -Date.parse(q.plannedOn)];
		case 'no_line':
			return [7];
	}
}

function compareWeight(a: SuggestedQuestion, b: SuggestedQuestion): number {
	const wa = questionWeight(a);
	const wb = questionWeight(b);
	if (wa[0] !== wb[0]) return wa[0] - wb[0];
	for (let i = 1; i < Math.max(wa.length, wb.length); i++) {
		const d = (wb[i] ?? 0) - (wa[i] ?? 0);
		if (d !== 0) return d;
	}
	// Ties: by reference, so the order never depends on the order the facts came in.
	return a.ref.localeCompare(b.ref) || a.anchor.localeCompare(b.anchor);
}

/** Questions heaviest first (questionWeight); ties by reference. */
export function rankQuestions(questions: readonly SuggestedQuestion[]): SuggestedQuestion[] {
	return [...questions].sort(compareWeight);
}

// ---------------------------------------------------------------------------------------------
// The position in brief

export interface PositionInput {
	tracked: number;
	/** Every overdue commitment (shown or not). */
	overdue: number;
	dueSoon: number;
	/** Commitments past their due date with no report from the ministry. */
	reportsNotReceived: number;
	/** The overdue commitments shown (SQL returns the oldest deadlines first, so the worst). */
	overdueFacts: readonly OverdueFact[];
	/** The largest sum allocated but not released on any of the committee's lines, if any. */
	largestUnreleased: (CommitmentRef & { amount: number; fiscalYear: string }) | null;
}

export interface PositionSummary {
	tracked: number;
	overdue: number;
	dueSoon: number;
	reportsNotReceived: number;
	mostOverdue: (CommitmentRef & { deadline: string; daysOverdue: number }) | null;
	largestUnreleased: (CommitmentRef & { amount: number; fiscalYear: string }) | null;
}

/** The counts and the worst gaps an MP reads first. */
export function summarisePosition(input: PositionInput): PositionSummary {
	let worst: OverdueFact | null = null;
	for (const c of input.overdueFacts) {
		if (
			worst === null ||
			c.daysOverdue > worst.daysOverdue ||
			(c.daysOverdue === worst.daysOverdue && c.ref.localeCompare(worst.ref) < 0)
		) {
			worst = c;
		}
	}
	return {
		tracked: input.tracked,
		overdue: input.overdue,
		dueSoon: input.dueSoon,
		reportsNotReceived: input.reportsNotReceived,
		mostOverdue: worst
			? {
					ref: worst.ref,
					title: worst.title,
					deadline: worst.deadline,
					daysOverdue: worst.daysOverdue
				}
			: null,
		largestUnreleased:
			input.largestUnreleased && input.largestUnreleased.amount > 0 ? input.largestUnreleased : null
	};
}

/** Keeps the heavier of two candidates for "largest unreleased" (ties: the lower reference). */
export function heavierUnreleased<T extends { ref: string; amount: number }>(a: T | null, b: T): T {
	if (a === null || b.amount > a.amount) return b;
	if (b.amount === a.amount && b.ref.localeCompare(a.ref) < 0) return b;
	return a;
}
