// A due date from a time phrase in the sentence, relative to the sitting's date: "within thirty
// days", "by the end of March", "by December 2025", "before the end of this financial year",
// "in the next financial year", Kiswahili "ndani ya siku thelathini", "kufikia Desemba 2025".
import * as chrono from 'chrono-node';
import {
	addUnits,
	dateOf,
	endOfFiscalYear,
	endOfMonth,
	isoOf,
	SWAHILI_MONTH,
	SWAHILI_MONTHS
} from './calendar';
import { NUMBER_WORDS, numberOf } from './numbers';

export interface Due {
	dueOn: string;
	dueReason: string;
}

const UNIT: Record<string, 'day' | 'week' | 'month' | 'year'> = {
	day: 'day',
	days: 'day',
	siku: 'day',
	week: 'week',
	weeks: 'week',
	wiki: 'week',
	month: 'month',
	months: 'month',
	mwezi: 'month',
	miezi: 'month',
	year: 'year',
	years: 'year',
	mwaka: 'year',
	miaka: 'year'
};

const FISCAL_THIS =
	/\b(?:(?:before|by|within|in|during|at) (?:the )?(?:end of )?(?:this|the current|the present|the) (?:financial|fiscal) year|(?:ndani ya |kabla ya mwisho wa |kufikia mwisho wa )?mwaka huu wa (?:fedha|kifedha))\b/i;
const FISCAL_NEXT =
	/\b(?:(?:in|during|by|within) (?:the )?(?:next|coming|following|forthcoming|subsequent) (?:financial|fiscal) year|(?:katika |ndani ya )?mwaka ujao wa (?:fedha|kifedha))\b/i;
const FISCAL_NAMED =
	/\b(?:(?:in|by|during) )?(?:the )?(?:FY ?)?(20\d\d)\s*[/–-]\s*(?:20)?(\d\d)\b(?: (?:financial|fiscal) year)?/i;
const DURATION = new RegExp(
	`\\b(?:within|in|in the next|within the next|over the next|ndani ya|baada ya)\\s+(?:a period of\\s+|kipindi cha\\s+)?(?:(${NUMBER_WORDS})\\s*(?:\\((\\d+)\\)\\s*)?(days?|weeks?|months?|years?)|(siku|wiki|miezi|mwezi|miaka|mwaka)\\s+(${NUMBER_WORDS}|\\d+))\\b`,
	'i'
);
const END_OF_YEAR = /\b(?:by|before) the end of (?:this|the) year\b/i;
const SWAHILI_DATE = new RegExp(
	`\\b(?:kufikia|kabla ya|ifikapo|mwishoni mwa)\\s+(?:mwisho wa\\s+)?(?:mwezi wa\\s+)?(?:tarehe\\s+(\\d{1,2})\\s+)?${SWAHILI_MONTH}(?:\\s*,?\\s*(20\\d\\d))?`,
	'i'
);
/** Words before a chrono date that make it a deadline rather than a mention. */
const DEADLINE_LEAD =
	/\b(by|before|until|not later than|no later than|on or before|in|within|from|at|during|on|come)\s+(the\s+)?$/i;

/** Words without which chrono finds no date: checked first, chrono being the slow part. */
const DATE_WORDS =
	/\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:week|month|year|quarter|tomorrow|today|fortnight)s?\b/i;

function fromChrono(sentence: string, satOn: string): Due | null {
	if (!DATE_WORDS.test(sentence)) return null;
	const ref = dateOf(satOn);
	for (const r of chrono.parse(sentence, { instant: ref, timezone: 0 }, { forwardDate: true })) {
		const lead = DEADLINE_LEAD.exec(sentence.slice(Math.max(0, r.index - 30), r.index));
		const start = r.start;
		if (!lead && !/^(end of|next|this)\b/i.test(r.text)) continue;
		if (!start.isCertain('month') && !start.isCertain('day') && !/\b(week|month)\b/i.test(r.text))
			continue;
		let due = isoOf(start.date());
		if (!start.isCertain('day') && !/\bweek\b/i.test(r.text)) {
			due = endOfMonth(start.date().getUTCFullYear(), start.date().getUTCMonth() + 1);
		}
		if (due < satOn) continue;
		const reason = `${lead ? lead[0] : ''}${r.text}`.trim();
		return { dueOn: due, dueReason: reason };
	}
	return null;
}

/** The due date a sentence gives, or null when it gives none. */
export function dueOf(sentence: string, satOn: string | null): Due | null {
	const ref = satOn ?? isoOf(new Date());
	let m = FISCAL_NEXT.exec(sentence);
	if (m) return { dueOn: addUnits(endOfFiscalYear(ref), 1, 'year'), dueReason: m[0] };
	m = FISCAL_THIS.exec(sentence);
	if (m) return { dueOn: endOfFiscalYear(ref), dueReason: m[0] };
	m = FISCAL_NAMED.exec(sentence);
	if (m && /financial|fiscal|FY/i.test(m[0])) {
		return { dueOn: `${Number(m[1]!.slice(0, 2)) * 100 + Number(m[2])}-06-30`, dueReason: m[0] };
	}
	m = DURATION.exec(sentence);
	if (m) {
		const n = numberOf(m[2] ?? m[1] ?? m[5] ?? '');
		const unit = UNIT[(m[3] ?? m[4] ?? '').toLowerCase()];
		if (n && unit) return { dueOn: addUnits(ref, n, unit), dueReason: m[0] };
	}
	m = END_OF_YEAR.exec(sentence);
	if (m) return { dueOn: `${ref.slice(0, 4)}-12-31`, dueReason: m[0] };
	m = SWAHILI_DATE.exec(sentence);
	if (m) {
		const month = SWAHILI_MONTHS[m[2]!.toLowerCase()]!;
		const refYear = Number(ref.slice(0, 4));
		let year = m[3] ? Number(m[3]) : refYear;
		const day = m[1] ? Number(m[1]) : null;
		let due = day ? isoOf(new Date(Date.UTC(year, month - 1, day, 12))) : endOfMonth(year, month);
		if (!m[3] && due < ref) {
			year++;
			due = day ? isoOf(new Date(Date.UTC(year, month - 1, day, 12))) : endOfMonth(year, month);
		}
		return { dueOn: due, dueReason: m[0] };
	}
	return fromChrono(sentence, ref);
}
