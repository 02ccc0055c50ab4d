// The briefing pack's words. The domain ($lib/domain/briefing.ts) and the service return facts
// (kinds, numbers, dates, references); this turns them into sentences in the reader's language,
// the request's on the server (Paraglide's per-request locale) unless one is passed in. Recorded
// content (titles, reasons, line names) is quoted as recorded.
import { formatKes, formatPercent } from '$lib/domain';
import type {
	BriefingParamErrors,
	FigureKind,
	MoneyFlag,
	QuestionLine,
	SuggestedQuestion
} from '$lib/domain/briefing';
import { m } from '$lib/paraglide/messages';
import { getLocale, type Locale } from '$lib/paraglide/runtime';
import { formatDate } from './format';

function wordsIn(locale: Locale) {
	const o = { locale };
	return {
		o,
		date: (iso: string) => formatDate(iso, locale),
		days: (n: number) => m.bq_days({ count: n, shown: n.toLocaleString('en-GB') }, o)
	};
}

type Words = ReturnType<typeof wordsIn>;

/** What is wrong with the page's parameters, one sentence per field. */
export function paramErrorWords(
	errors: BriefingParamErrors,
	today: string,
	locale: Locale = getLocale()
): { committee?: string; since?: string } {
	const o = { locale };
	const out: { committee?: string; since?: string } = {};
	if (errors.committee === 'choose') out.committee = m.bq_choose_committee({}, o);
	else if (errors.committee === 'unknown') out.committee = m.bq_unknown_committee({}, o);
	if (errors.since === 'not_a_date') out.since = m.bq_since_date({}, o);
	else if (errors.since === 'future') {
		out.since = m.bq_since_future({ today: formatDate(today, locale) }, o);
	}
	return out;
}

const FIGURE: Record<FigureKind, (inputs: Record<string, never>, o: { locale: Locale }) => string> =
	{
		requested: m.briefing_figure_requested,
		allocated: m.briefing_figure_allocated,
		released: m.briefing_figure_released,
		spent: m.briefing_figure_spent
	};

/** "requested and allocated". */
export function figureNames(figures: readonly FigureKind[], locale: Locale = getLocale()): string {
	const o = { locale };
	return figures.map((f) => FIGURE[f]({}, o)).join(m.briefing_and({}, o));
}

/** One plain sentence per money flag, for the money section. */
export function describeMoneyFlag(flag: MoneyFlag, locale: Locale = getLocale()): string {
	const { o, date } = wordsIn(locale);
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
}

/** "Vote 1021, 2025/26, “Police Reforms”": the line as a question names it. */
export function questionLineLabel(line: QuestionLine, locale: Locale = getLocale()): string {
	const vote = m.bq_line_label({ code: line.voteCode, year: line.fiscalYear }, { locale });
	return `${vote}${line.subProgramme ? `, “${line.subProgramme}”` : ''}`;
}

/** The fact behind a money question, one flag at a time. */
function moneyFact(flag: MoneyFlag, w: Words): string {
	const { o, date } = w;
	switch (flag.kind) {
		case 'gap':
			return m.bq_fact_gap(
				{
					requested: formatKes(flag.requested),
					allocated: formatKes(flag.allocated),
					date: date(flag.asOf)
				},
				o
			);
		case 'slow_release':
			return m.bq_fact_slow(
				{
					released: formatKes(flag.released),
					rate: formatPercent(flag.rate),
					date: date(flag.asOf),
					expected: formatPercent(flag.expected)
				},
				o
			);
		case 'no_release':
			return m.bq_fact_none({}, o);
		case 'low_use':
			return m.bq_fact_low(
				{ spent: formatKes(flag.spent), rate: formatPercent(flag.rate), date: date(flag.asOf) },
				o
			);
	}
}

/** The question a money flag asks (the heaviest flag of an item asks it). */
function moneyQuestion(flag: MoneyFlag, title: string, o: { locale: Locale }): string {
	switch (flag.kind) {
		case 'gap':
			return m.bq_ask_gap({ gap: formatKes(flag.gap), title }, o);
		case 'slow_release':
			return m.bq_ask_slow(
				{
					held: formatKes(Math.max(0, flag.allocated - flag.released)),
					allocated: formatKes(flag.allocated),
					title
				},
				o
			);
		case 'no_release':
			return m.bq_ask_none({ allocated: formatKes(flag.allocated), title }, o);
		case 'low_use':
			return m.bq_ask_low(
				{ rate: formatPercent(flag.rate), released: formatKes(flag.released), title },
				o
			);
	}
}

export interface QuestionWords {
	/** The question. */
	text: string;
	/** The fact behind it, in one line. */
	fact: string;
}

/** A suggested question, in plain words, and the fact it rests on. */
export function questionWords(q: SuggestedQuestion, locale: Locale = getLocale()): QuestionWords {
	const w = wordsIn(locale);
	const { o, date, days } = w;
	switch (q.kind) {
		case 'overdue': {
			const fact = { date: date(q.deadline), days: days(q.daysOverdue) };
			const facts = [q.extended ? m.bq_overdue_fact_extended(fact, o) : m.bq_overdue_fact(fact, o)];
			if (q.postponements > 1) facts.push(m.bq_fact_postponed({ count: q.postponements }, o));
			if (q.refusedRequests > 0) facts.push(m.bq_fact_refused({ count: q.refusedRequests }, o));
			if (q.noReport) facts.push(m.bq_fact_no_report({}, o));
			return {
				text: q.newly
					? m.bq_overdue_new({ title: q.title }, o)
					: m.bq_overdue_still({ title: q.title }, o),
				fact: facts.join(' ')
			};
		}
		case 'milestone_late': {
			const fact = { date: date(q.plannedOn) };
			return q.missed
				? {
						text: m.bq_milestone_missed({ title: q.title }, o),
						fact: m.bq_milestone_fact_missed(fact, o)
					}
				: {
						text: m.bq_milestone_not_met({ title: q.title }, o),
						fact: m.bq_milestone_fact_not_met(fact, o)
					};
		}
		case 'money': {
			const [first] = q.flags;
			return {
				text: first ? moneyQuestion(first, q.title, o) : '',
				fact: m.bq_money_fact(
					{
						line: questionLineLabel(q.line, locale),
						facts: q.flags.map((f) => moneyFact(f, w)).join('; ')
					},
					o
				)
			};
		}
		case 'moved': {
			const fact = m.bq_moved_fact(
				{ from: date(q.from), to: date(q.to), changed: date(q.changedOn), reason: q.reason },
				o
			);
			return q.times > 1
				? { text: m.bq_moved_again({ title: q.title, count: q.times }, o), fact }
				: { text: m.bq_moved({ title: q.title, to: date(q.to) }, o), fact };
		}
		case 'due_soon':
			return {
				text: m.bq_due_soon({ title: q.title, date: date(q.deadline) }, o),
				fact: m.bq_due_soon_fact({ date: date(q.deadline), days: days(q.daysLeft) }, o)
			};
		case 'milestone_soon':
			return {
				text: m.bq_milestone_soon({ title: q.title, date: date(q.plannedOn) }, o),
				fact: m.bq_milestone_soon_fact({ date: date(q.plannedOn) }, o)
			};
		case 'no_line':
			return {
				text: m.bq_no_line({ title: q.title }, o),
				fact: m.bq_no_line_fact({}, o)
			};
	}
}

/** "229 days" in the reader's language, for the summary of the position. */
export function dayCount(n: number, locale: Locale = getLocale()): string {
	return wordsIn(locale).days(n);
}
