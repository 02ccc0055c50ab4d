// The MP's briefing pack, as pure rules: which deadlines became overdue since a date, which fall
// due soon, where a budget line's money stalled, and the questions those facts suggest. The
// server gathers the facts; everything here decides what they mean and how they read.
import type { LineSummary } from './budget';
import { m } from '../paraglide/messages';
import type { Locale } from '../paraglide/runtime';
import { formatDate as formatDateIn } from '../i18n/format';
import { addDays, daysBetween, isIsoDate } from './dates';
import { quarterEnd, type Quarter } from './fiscal-year';
import { formatKes, formatPercent } from './money';
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

export interface BriefingParams {
	committee: string | null;
	since: string | null;
	errors: { committee?: string; since?: string };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads `?committee=SLUG&since=YYYY-MM-DD`. Empty or missing values mean "use the default";
 * a malformed value is an error in plain words, never an exception. Whether the slug names a
 * real committee is for the caller to check against the list.
 */
export function parseBriefingParams(
	params: URLSearchParams,
	today: string,
	locale: Locale = 'en'
): BriefingParams {
	const o = { locale };
	const errors: BriefingParams['errors'] = {};
	const committeeRaw = (params.get('committee') ?? '').trim();
	const sinceRaw = (params.get('since') ?? '').trim();
	let committee: string | null = null;
	let since: string | null = null;
	if (committeeRaw !== '') {
		if (committeeRaw.length <= 100 && SLUG.test(committeeRaw)) committee = committeeRaw;
		else errors.committee = m.bq_choose_committee({}, o);
	}
	if (sinceRaw !== '') {
		if (!isIsoDate(sinceRaw)) {
			errors.since = m.bq_since_date({}, o);
		} else if (sinceRaw > today) {
			errors.since = m.bq_since_future({ today: formatDateIn(today, locale) }, o);
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

/**
 * Messages and dates in one language, passed in by the caller (the request's language on the
 * server), so these rules never read request state.
 */
function wordsIn(locale: Locale) {
	const o = { locale };
	return {
		o,
		date: (iso: string) => formatDateIn(iso, locale),
		days: (n: number) => m.bq_days({ count: n, shown: n.toLocaleString('en-GB') }, o)
	};
}

/** One plain sentence per flag, for the page and for the questions, in `locale`. */
export function moneyFlagDescriber(locale: Locale): (flag: MoneyFlag) => string {
	const { o, date } = wordsIn(locale);
	return (flag) => {
		switch (flag.kind) {
			case 'gap':
				return m.bq_flag_gap(
					{
						gap: formatKes(flag.gap),
						requested: formatKes(flag.requested),
						allocated: formatKes(flag.allocated),
						date: date(flag.asOf)
					},
					o
				);
			case 'slow_release':
				return m.bq_flag_slow(
					{
						rate: formatPercent(flag.rate),
						allocated: formatKes(flag.allocated),
						date: date(flag.asOf),
						expected: formatPercent(flag.expected)
					},
					o
				);
			case 'no_release':
				return m.bq_flag_none({ allocated: formatKes(flag.allocated) }, o);
			case 'low_use':
				return m.bq_flag_low(
					{
						rate: formatPercent(flag.rate),
						released: formatKes(flag.released),
						date: date(flag.asOf)
					},
					o
				);
		}
	};
}

/** One plain sentence per flag, in English. */
export const describeMoneyFlag = moneyFlagDescriber('en');

// ---------------------------------------------------------------------------------------------
// Suggested questions

export interface CommitmentRef {
	ref: string;
	title: string;
}

export interface BriefingFacts {
	newlyOverdue: OverdueFact[];
	stillOverdue: OverdueFact[];
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
	money: (CommitmentRef & { linkId: number; lineLabel: string; flags: MoneyFlag[] })[];
	noBudgetLine: CommitmentRef[];
}

export interface SuggestedQuestion {
	text: string;
	/** The fact behind the question, in one line. */
	fact: string;
	/** The id of the element of the briefing that shows the fact. */
	anchor: string;
	ref: string;
}

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

type Words = ReturnType<typeof wordsIn>;

function overdueQuestion(c: OverdueFact, newly: boolean, w: Words): SuggestedQuestion {
	const { o, date, days } = w;
	const due = c.extended
		? m.bq_due_extended({ date: date(c.deadline) }, o)
		: m.bq_due_on({ date: date(c.deadline) }, o);
	const inputs = { title: c.title, ref: c.ref, due, days: days(c.daysOverdue) };
	return {
		ref: c.ref,
		anchor: anchors.overdue(c.ref),
		text: newly ? m.bq_overdue_new(inputs, o) : m.bq_overdue_still(inputs, o),
		fact: m.bq_overdue_fact({ ref: c.ref, date: date(c.deadline), days: days(c.daysOverdue) }, o)
	};
}

function milestoneQuestion(
	ms: MilestoneInput & { commitmentTitle: string },
	w: Words
): SuggestedQuestion {
	const { o, date } = w;
	const what = m.bq_milestone_was_due(
		{ title: ms.title, ref: ms.ref, date: date(ms.plannedOn) },
		o
	);
	const fact = { ref: ms.ref, date: date(ms.plannedOn) };
	return {
		ref: ms.ref,
		anchor: anchors.milestone(ms.id),
		text:
			ms.status === 'missed'
				? m.bq_milestone_missed({ what }, o)
				: m.bq_milestone_not_met({ what }, o),
		fact:
			ms.status === 'missed'
				? m.bq_milestone_fact_missed(fact, o)
				: m.bq_milestone_fact_not_met(fact, o)
	};
}

/** The fact, briefly, as it reads inside a question. */
function moneyPhrase(flag: MoneyFlag, w: Words): string {
	const { o, date } = w;
	switch (flag.kind) {
		case 'gap':
			return m.bq_phrase_gap(
				{ allocated: formatKes(flag.allocated), requested: formatKes(flag.requested) },
				o
			);
		case 'slow_release':
			return m.bq_phrase_slow(
				{
					rate: formatPercent(flag.rate),
					date: date(flag.asOf),
					expected: formatPercent(flag.expected)
				},
				o
			);
		case 'no_release':
			return m.bq_phrase_none({}, o);
		case 'low_use':
			return m.bq_phrase_low({ rate: formatPercent(flag.rate), date: date(flag.asOf) }, o);
	}
}

/** The fact in a few words, for the citation under a question. */
function moneyFact(flag: MoneyFlag, w: Words): string {
	const { o, date } = w;
	switch (flag.kind) {
		case 'gap':
			return m.bq_fact_gap({ gap: formatKes(flag.gap), date: date(flag.asOf) }, o);
		case 'slow_release':
			return m.bq_fact_slow(
				{
					rate: formatPercent(flag.rate),
					date: date(flag.asOf),
					expected: formatPercent(flag.expected)
				},
				o
			);
		case 'no_release':
			return m.bq_fact_none({}, o);
		case 'low_use':
			return m.bq_fact_low({ rate: formatPercent(flag.rate), date: date(flag.asOf) }, o);
	}
}

function moneyQuestion(item: BriefingFacts['money'][number], w: Words): SuggestedQuestion | null {
	if (item.flags.length === 0) return null;
	const { o } = w;
	const asks: string[] = [];
	for (const flag of item.flags) {
		if (flag.kind === 'gap') asks.push(m.bq_ask_gap({ gap: formatKes(flag.gap) }, o));
		else if (flag.kind === 'slow_release') asks.push(m.bq_ask_slow({}, o));
		else if (flag.kind === 'no_release') asks.push(m.bq_ask_none({}, o));
		else asks.push(m.bq_ask_low({}, o));
	}
	return {
		ref: item.ref,
		anchor: anchors.money(item.linkId),
		text: m.bq_money(
			{
				line: item.lineLabel,
				ref: item.ref,
				phrases: item.flags.map((f) => moneyPhrase(f, w)).join(m.bq_and({}, o)),
				asks: asks.join(' ')
			},
			o
		),
		fact: m.bq_money_fact(
			{
				ref: item.ref,
				line: item.lineLabel,
				facts: item.flags.map((f) => moneyFact(f, w)).join('; ')
			},
			o
		)
	};
}

/**
 * Numbered questions, each built from one fact in the pack, most pressing first: what became
 * overdue, missed milestones, money, moved dates, what falls due soon, missing budget lines and
 * what was already overdue. A commitment gets one deadline question (overdue beats a moved
 * date, which beats due soon); milestone and money questions are asked besides. In `locale`.
 */
export function suggestQuestions(facts: BriefingFacts, locale: Locale = 'en'): SuggestedQuestion[] {
	const w = wordsIn(locale);
	const { o, date, days } = w;
	const out: SuggestedQuestion[] = [];
	const askedDeadline = new Set<string>();
	for (const c of facts.newlyOverdue) {
		out.push(overdueQuestion(c, true, w));
		askedDeadline.add(c.ref);
	}
	for (const ms of facts.lateMilestones) out.push(milestoneQuestion(ms, w));
	for (const item of facts.money) {
		const q = moneyQuestion(item, w);
		if (q) out.push(q);
	}
	const stillOverdue = new Set(facts.stillOverdue.map((c) => c.ref));
	for (const move of facts.dueDateMoves) {
		// Only slippage: a date brought forward raises no question.
		if (move.to <= move.from || askedDeadline.has(move.ref) || stillOverdue.has(move.ref)) continue;
		askedDeadline.add(move.ref);
		out.push({
			ref: move.ref,
			anchor: anchors.move(move.id),
			text: m.bq_moved(
				{
					title: move.title,
					ref: move.ref,
					from: date(move.from),
					to: date(move.to),
					changed: date(move.changedOn)
				},
				o
			),
			fact: m.bq_moved_fact(
				{ ref: move.ref, from: date(move.from), to: date(move.to), reason: move.reason },
				o
			)
		});
	}
	for (const c of facts.dueSoon) {
		if (askedDeadline.has(c.ref)) continue;
		askedDeadline.add(c.ref);
		out.push({
			ref: c.ref,
			anchor: anchors.dueSoon(c.ref),
			text: m.bq_due_soon({ title: c.title, ref: c.ref, date: date(c.deadline) }, o),
			fact: m.bq_due_soon_fact({ ref: c.ref, date: date(c.deadline), days: days(c.daysLeft) }, o)
		});
	}
	for (const ms of facts.milestonesDueSoon) {
		out.push({
			ref: ms.ref,
			anchor: anchors.milestone(ms.id),
			text: m.bq_milestone_soon({ title: ms.title, ref: ms.ref, date: date(ms.plannedOn) }, o),
			fact: m.bq_milestone_soon_fact({ ref: ms.ref, date: date(ms.plannedOn) }, o)
		});
	}
	for (const c of facts.noBudgetLine) {
		out.push({
			ref: c.ref,
			anchor: anchors.noLine(c.ref),
			text: m.bq_no_line({ title: c.title, ref: c.ref }, o),
			fact: m.bq_no_line_fact({ ref: c.ref }, o)
		});
	}
	for (const c of facts.stillOverdue) {
		if (askedDeadline.has(c.ref)) continue;
		askedDeadline.add(c.ref);
		out.push(overdueQuestion(c, false, w));
	}
	return out;
}
