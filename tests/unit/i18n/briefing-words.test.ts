// The briefing pack's facts in words, in English and in Kiswahili; recorded content (titles,
// reasons, line names) is quoted as recorded in both.
import { describe, expect, it } from 'vitest';
import {
	suggestQuestions,
	type BriefingFacts,
	type MoneyFlag,
	type QuestionLine
} from '$lib/domain/briefing';
import {
	describeMoneyFlag,
	figureNames,
	paramErrorWords,
	questionLineLabel,
	questionWords
} from '$lib/i18n/briefing-words';

const gap: MoneyFlag = {
	kind: 'gap',
	requested: 2_500_000_000,
	allocated: 616_000_000,
	gap: 1_884_000_000,
	asOf: '2025-02-28'
};
const slow: MoneyFlag = {
	kind: 'slow_release',
	allocated: 616_000_000,
	released: 340_000_000,
	rate: 0.55,
	expected: 0.75,
	asOf: '2026-03-31'
};
const line: QuestionLine = { voteCode: '1021', fiscalYear: '2025/26', subProgramme: 'Police' };
const empty: BriefingFacts = {
	newlyOverdue: [],
	stillOverdue: [],
	lateMilestones: [],
	dueSoon: [],
	milestonesDueSoon: [],
	dueDateMoves: [],
	money: [],
	noBudgetLine: []
};

describe('money flags', () => {
	it('read as one sentence each, in the language asked for', () => {
		expect([gap, slow].map((f) => describeMoneyFlag(f, 'en'))).toEqual([
			'Funding gap KES 1.9 bn: KES 2.5 bn requested, KES 616 m allocated (as at 28 Feb 2025).',
			'Released 55% of KES 616 m by 31 Mar 2026; 75% was expected by then.'
		]);
		expect(describeMoneyFlag(gap, 'sw')).toBe(
			'Pengo la ufadhili KES 1.9 bn: KES 2.5 bn ziliombwa, KES 616 m zilitengwa (kufikia 28 Februari 2025).'
		);
	});
});

describe('labels of the money section', () => {
	it('name the figures a source backs in both languages', () => {
		expect(figureNames(['requested', 'allocated'], 'en')).toBe('requested and allocated');
		expect(figureNames(['requested', 'allocated'], 'sw')).toBe('kilichoombwa na kilichotengwa');
		expect(questionLineLabel(line, 'sw')).toBe('Fungu 1021, 2025/26, “Police”');
	});
});

describe('parameter errors', () => {
	it('say what is wrong with each field, in the language asked for', () => {
		expect(paramErrorWords({ committee: 'unknown', since: 'future' }, '2026-11-28', 'en')).toEqual({
			committee: 'No committee has that name: choose one from the list.',
			since: 'The “since” date must be today (28 Nov 2026) or earlier.'
		});
		expect(
			paramErrorWords({ committee: 'choose', since: 'not_a_date' }, '2026-11-28', 'sw')
		).toEqual({
			committee: 'Chagua kamati kutoka kwenye orodha.',
			since: 'Jaza tarehe ya “tangu” kama tarehe halisi, kwa mfano 2026-03-31.'
		});
		expect(paramErrorWords({}, '2026-11-28', 'sw')).toEqual({});
	});
});

describe('suggested questions', () => {
	const missed = {
		id: 2,
		ref: 'DCAIS/2025/001',
		commitmentTitle: 'Create a unit',
		title: 'Unit established and officers deployed',
		plannedOn: '2026-03-31',
		actualOn: null,
		status: 'missed' as const,
		updatedAt: '2025-04-23T07:00:00.000Z'
	};
	const overdue = {
		ref: 'A',
		title: 'Title A',
		dueOn: '2026-04-23',
		deliveryStatus: 'off_track' as const,
		grantedExtensionsUntil: [],
		deadline: '2026-04-23',
		daysOverdue: 219,
		extended: false
	};

	it('ask about a missed milestone in plain words and cite the fact', () => {
		const [q] = suggestQuestions({ ...empty, lateMilestones: [missed] });
		expect(questionWords(q!, 'en')).toEqual({
			text: 'Why was the milestone “Unit established and officers deployed” missed, and what is the new date?',
			fact: 'Planned for 31 Mar 2026; recorded as missed.'
		});
		const [notMet] = suggestQuestions({
			...empty,
			lateMilestones: [{ ...missed, status: 'planned' }]
		});
		expect(questionWords(notMet!, 'en')).toEqual({
			text: 'Has the milestone “Unit established and officers deployed” been met? If not, what is the new date?',
			fact: 'Planned for 31 Mar 2026; not recorded as met.'
		});
	});

	it('ask about overdue commitments and money in plain words, the fact beside each', () => {
		const questions = suggestQuestions({
			...empty,
			newlyOverdue: [{ ...overdue, noReport: true, refusedRequests: 1, postponements: 2 }],
			stillOverdue: [{ ...overdue, ref: 'B', title: 'Title B', daysOverdue: 400 }],
			money: [
				{
					linkId: 4,
					ref: 'F',
					title: 'Title F',
					line: { ...line, subProgramme: '' },
					flags: [{ kind: 'no_release', allocated: 125_300_000 }]
				}
			],
			noBudgetLine: [{ ref: 'H', title: 'Title H' }]
		});
		const words = questions.map((q) => questionWords(q, 'en'));
		expect(words[0]).toEqual({
			text: '“Title B” is long overdue: what is the new date, and who answers for it?',
			fact: 'It was due on 23 Apr 2026 and is 400 days late.'
		});
		expect(words[1]).toEqual({
			text: 'Why has “Title A” not been delivered, and when will it be?',
			fact: 'It was due on 23 Apr 2026 and is 219 days late. Its due date has been moved 2 times. The committee refused a request for more time. The ministry has sent no report.'
		});
		expect(words[2]).toEqual({
			text: 'Why has none of the KES 125 m allocated to “Title F” been released?',
			fact: 'Vote 1021, 2025/26: no release on record.'
		});
		expect(words.every((w) => w.text.endsWith('?'))).toBe(true);
	});

	it('are in Kiswahili when asked; recorded titles and reasons stay as recorded', () => {
		const move = {
			id: 9,
			ref: 'D',
			title: 'Title D',
			changedOn: '2026-01-10',
			from: '2026-01-31',
			to: '2026-06-30',
			reason: 'more time'
		};
		const [moved] = suggestQuestions({ ...empty, dueDateMoves: [move] });
		expect(questionWords(moved!, 'sw')).toEqual({
			text: 'Kwa nini tarehe ya mwisho ya “Title D” ilisogezwa hadi 30 Juni 2026, na nini kitahakikisha tarehe mpya inazingatiwa?',
			fact: 'Ilisogezwa kutoka 31 Januari 2026 hadi 30 Juni 2026 tarehe 10 Januari 2026: “more time”.'
		});
		const [twice] = suggestQuestions({
			...empty,
			dueDateMoves: [
				{ ...move, id: 10, changedOn: '2026-05-01', from: '2026-06-30', to: '2026-12-31' },
				move
			]
		});
		expect(questionWords(twice!, 'en').text).toBe(
			'Why has the due date of “Title D” been moved 2 times, and what will make the new date hold?'
		);
		const [money] = suggestQuestions({
			...empty,
			money: [{ linkId: 4, ref: 'F', title: 'Title F', line, flags: [slow, gap] }]
		});
		// The heaviest flag (the gap of KES 1.9 bn) asks; every flag is cited.
		expect(questionWords(money!, 'sw')).toEqual({
			text: 'Pengo la ufadhili la KES 1.9 bn kwa “Title F” litazibwa vipi, na nini hakitafanyika bila fedha hizo?',
			fact: 'Fungu 1021, 2025/26, “Police”: KES 2.5 bn ziliombwa, KES 616 m zilitengwa (kufikia 28 Februari 2025); KES 340 m zilitolewa (55%) kufikia 31 Machi 2026, ilhali 75% zilitarajiwa.'
		});
	});
});
