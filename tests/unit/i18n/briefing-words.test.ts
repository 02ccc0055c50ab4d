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
			text: 'Milestone “Unit established and officers deployed” (DCAIS/2025/001) was due on 31 Mar 2026 and is missed: what is the new date and why?',
			fact: 'DCAIS/2025/001: milestone planned for 31 Mar 2026, missed.'
		});
		const [notMet] = suggestQuestions({
			...empty,
			lateMilestones: [{ ...missed, status: 'planned' }]
		});
		expect(questionWords(notMet!, 'en').text).toMatch(
			/is not recorded as met: has it been met, and if not/
		);
	});

	it('ask about overdue commitments and money, every one a question', () => {
		const questions = suggestQuestions({
			...empty,
			newlyOverdue: [overdue],
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
		expect(words[0]?.text).toBe(
			'“Title A” (A) was due on 23 Apr 2026 and is 219 days overdue: when will it be delivered, and what has held it up?'
		);
		expect(words[1]?.text).toBe(
			'Vote 1021, 2025/26, for F: no releases are on record. How much has been released, and when?'
		);
		expect(words.every((w) => w.text.endsWith('?'))).toBe(true);
		expect(words.at(-1)?.text).toMatch(/is still not delivered, 400 days later/);
	});

	it('are in Kiswahili when asked; recorded titles and reasons stay as recorded', () => {
		const [moved] = suggestQuestions({
			...empty,
			dueDateMoves: [
				{
					id: 9,
					ref: 'D',
					title: 'Title D',
					changedOn: '2026-01-10',
					from: '2026-01-31',
					to: '2026-06-30',
					reason: 'more time'
				}
			]
		});
		expect(questionWords(moved!, 'sw')).toEqual({
			text: 'Tarehe ya mwisho ya “Title D” (D) ilisogezwa kutoka 31 Januari 2026 hadi 30 Juni 2026 tarehe 10 Januari 2026: kwa nini, na nini kitahakikisha tarehe mpya inazingatiwa?',
			fact: 'D: tarehe ya mwisho imesogezwa 31 Januari 2026 → 30 Juni 2026 (more time).'
		});
		const [money] = suggestQuestions({
			...empty,
			money: [{ linkId: 4, ref: 'F', title: 'Title F', line, flags: [gap, slow] }]
		});
		expect(questionWords(money!, 'sw').text).toBe(
			'Fungu 1021, 2025/26, “Police”, kwa F: ni KES 616 m pekee kati ya KES 2.5 bn zilizoombwa zilizotengwa, na ni 55% pekee ya fedha zilizotengwa zilizokuwa zimetolewa kufikia 31 Machi 2026 (75% zilitarajiwa). Pengo la KES 1.9 bn litazibwa vipi, na nini hakitafanyika bila fedha hizo? Fedha zilizobaki zitatolewa lini?'
		);
	});
});
