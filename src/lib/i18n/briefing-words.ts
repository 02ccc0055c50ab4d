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

function moneyAsk(flag: MoneyFlag, o: { locale: Locale }): string {
	switch (flag.kind) {
		case 'gap':
			return m.bq_ask_gap({ gap: formatKes(flag.gap) }, o);
		case 'slow_release':
			return m.bq_ask_slow({}, o);
		case 'no_release':
			return m.bq_ask_none({}, o);
		case 'low_use':
			return m.bq_ask_low({}, o);
	}
}

export interface QuestionWords {
	/** The question. */
	text: string;
	/** The fact behind it, in one line. */
	fact: string;
}

/** A suggested question and the fact it cites, in words. */
export function questionWords(q: SuggestedQuestion, locale: Locale = getLocale()): QuestionWords {
	const w = wordsIn(locale);
	const { o, date, days } = w;
	switch (q.kind) {
		case 'overdue': {
			const due = q.extended
				? m.bq_due_extended({ date: date(q.deadline) }, o)
				: m.bq_due_on({ date: date(q.deadline) }, o);
			const inputs = { title: q.title, ref: q.ref, due, days: days(q.daysOverdue) };
			return {
				text: q.newly ? m.bq_overdue_new(inputs, o) : m.bq_overdue_still(inputs, o),
				fact: m.bq_overdue_fact(
					{ ref: q.ref, date: date(q.deadline), days: days(q.daysOverdue) },
					o
				)
			};
		}
		case 'milestone_late': {
			const what = m.bq_milestone_was_due(
				{ title: q.title, ref: q.ref, date: date(q.plannedOn) },
				o
			);
			const fact = { ref: q.ref, date: date(q.plannedOn) };
			return q.missed
				? { text: m.bq_milestone_missed({ what }, o), fact: m.bq_milestone_fact_missed(fact, o) }
				: {
						text: m.bq_milestone_not_met({ what }, o),
						fact: m.bq_milestone_fact_not_met(fact, o)
					};
		}
		case 'money': {
			const line = questionLineLabel(q.line, locale);
			return {
				text: m.bq_money(
					{
						line,
						ref: q.ref,
						phrases: q.flags.map((f) => moneyPhrase(f, w)).join(m.bq_and({}, o)),
						asks: q.flags.map((f) => moneyAsk(f, o)).join(' ')
					},
					o
				),
				fact: m.bq_money_fact(
					{ ref: q.ref, line, facts: q.flags.map((f) => moneyFact(f, w)).join('; ') },
					o
				)
			};
		}
		case 'moved':
			return {
				text: m.bq_moved(
					{
						title: q.title,
						ref: q.ref,
						from: date(q.from),
						to: date(q.to),
						changed: date(q.changedOn)
					},
					o
				),
				fact: m.bq_moved_fact(
					{ ref: q.ref, from: date(q.from), to: date(q.to), reason: q.reason },
					o
				)
			};
		case 'due_soon':
			return {
				text: m.bq_due_soon({ title: q.title, ref: q.ref, date: date(q.deadline) }, o),
				fact: m.bq_due_soon_fact({ ref: q.ref, date: date(q.deadline), days: days(q.daysLeft) }, o)
			};
		case 'milestone_soon':
			return {
				text: m.bq_milestone_soon({ title: q.title, ref: q.ref, date: date(q.plannedOn) }, o),
				fact: m.bq_milestone_soon_fact({ ref: q.ref, date: date(q.plannedOn) }, o)
			};
		case 'no_line':
			return {
				text: m.bq_no_line({ title: q.title, ref: q.ref }, o),
				fact: m.bq_no_line_fact({ ref: q.ref }, o)
			};
	}
}
