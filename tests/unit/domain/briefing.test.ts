import { describe, expect, it } from 'vitest';
import { summariseLine, type FigureInput } from '$lib/domain/budget';
import { addDays } from '$lib/domain/dates';
import {
	anchors,
	classifyDeadlines,
	classifyMilestones,
	expectedReleaseShare,
	heavierUnreleased,
	moneyFlags,
	nairobiDayStart,
	parseBriefingParams,
	suggestQuestions,
	summarisePosition,
	unreleasedOf,
	type BriefingFacts,
	type DeadlineInput,
	type MilestoneInput
} from '$lib/domain/briefing';

const TODAY = '2026-11-28';

/** An open commitment due on 23 Apr 2026, `days` overdue. */
const overdue = (ref: string, days: number) => ({
	ref,
	title: `Title ${ref}`,
	dueOn: '2026-04-23',
	deliveryStatus: 'off_track' as const,
	grantedExtensionsUntil: [],
	deadline: '2026-04-23',
	daysOverdue: days,
	extended: false
});

describe('parseBriefingParams', () => {
	const parse = (query: string) => parseBriefingParams(new URLSearchParams(query), TODAY);

	it('reads a committee slug and a since date', () => {
		expect(parse('committee=administration-internal-security&since=2026-03-31')).toEqual({
			committee: 'administration-internal-security',
			since: '2026-03-31',
			errors: {}
		});
	});

	it('treats missing or empty values as "use the default"', () => {
		expect(parse('')).toEqual({ committee: null, since: null, errors: {} });
		expect(parse('committee=&since=+')).toEqual({ committee: null, since: null, errors: {} });
	});

	it('refuses a date that is not a real date, or lies in the future', () => {
		expect(parse('since=2026-02-30').errors).toEqual({ since: 'not_a_date' });
		expect(parse('since=31/03/2026').errors).toEqual({ since: 'not_a_date' });
		expect(parse('since=2026-11-29')).toEqual({
			committee: null,
			since: null,
			errors: { since: 'future' }
		});
		expect(parse(`since=${TODAY}`).since).toBe(TODAY);
	});

	it('refuses a committee value that cannot be a slug', () => {
		const bad = parse('committee=%3Cscript%3E&since=2026-01-01');
		expect(bad.committee).toBeNull();
		expect(bad.errors).toEqual({ committee: 'choose' });
		expect(parse(`committee=${'a'.repeat(101)}`).errors.committee).toBe('choose');
	});
});

describe('nairobiDayStart', () => {
	it('is 21:00 UTC on the day before (Kenya is UTC+3 all year)', () => {
		expect(nairobiDayStart('2026-04-24')).toBe('2026-04-23T21:00:00.000Z');
		expect(() => nairobiDayStart('2026-13-01')).toThrow(RangeError);
	});
});

describe('classifyDeadlines', () => {
	const c = (ref: string, over: Partial<DeadlineInput> = {}): DeadlineInput => ({
		ref,
		title: `Commitment ${ref}`,
		dueOn: '2026-06-30',
		deliveryStatus: 'on_track',
		grantedExtensionsUntil: [],
		...over
	});

	it('splits overdue commitments by whether the deadline fell after "since"', () => {
		const rows = [c('A', { dueOn: '2026-04-23' }), c('B', { dueOn: '2026-06-30' })];
		const r = classifyDeadlines(rows, '2026-05-01', TODAY);
		expect(r.newlyOverdue.map((x) => [x.ref, x.deadline, x.daysOverdue])).toEqual([
			['B', '2026-06-30', 151]
		]);
		expect(r.stillOverdue.map((x) => x.ref)).toEqual(['A']);
	});

	it('counts a deadline on the "since" date as newly overdue (overdue from the next day)', () => {
		const r = classifyDeadlines([c('A', { dueOn: '2026-05-01' })], '2026-05-01', TODAY);
		expect(r.newlyOverdue.map((x) => x.ref)).toEqual(['A']);
	});

	it('counts a granted extension that ran out in the window', () => {
		const rows = [c('A', { dueOn: '2025-10-23', grantedExtensionsUntil: ['2026-09-30'] })];
		const r = classifyDeadlines(rows, '2026-05-01', TODAY);
		expect(r.newlyOverdue.map((x) => [x.ref, x.deadline, x.extended])).toEqual([
			['A', '2026-09-30', true]
		]);
	});

	it('lists what falls due from today to 30 days on, including under an extension', () => {
		const rows = [
			c('TODAY', { dueOn: TODAY }),
			c('EDGE', { dueOn: '2026-12-28' }),
			c('LATER', { dueOn: '2026-12-29' }),
			c('EXT', { dueOn: '2026-01-01', grantedExtensionsUntil: ['2026-12-15'] })
		];
		const r = classifyDeadlines(rows, '2026-05-01', TODAY);
		expect(r.dueSoon.map((x) => [x.ref, x.daysLeft])).toEqual([
			['TODAY', 0],
			['EXT', 17],
			['EDGE', 30]
		]);
		expect(r.newlyOverdue).toEqual([]);
	});

	it('ignores closed commitments and invalid dates', () => {
		const rows = [
			c('DONE', { dueOn: '2026-06-30', deliveryStatus: 'completed' }),
			c('DROPPED', { dueOn: '2026-12-01', deliveryStatus: 'not_pursued' }),
			c('BAD', { dueOn: 'soon' })
		];
		expect(classifyDeadlines(rows, '2026-01-01', TODAY)).toEqual({
			newlyOverdue: [],
			stillOverdue: [],
			dueSoon: []
		});
	});
});

describe('classifyMilestones', () => {
	const m = (id: number, over: Partial<MilestoneInput> = {}): MilestoneInput => ({
		id,
		ref: 'K/1',
		title: `Milestone ${id}`,
		plannedOn: '2026-01-31',
		actualOn: null,
		status: 'planned',
		updatedAt: '2025-04-23T07:00:00.000Z',
		...over
	});

	it('sorts milestones into late, changed and due soon', () => {
		const rows = [
			m(1, { status: 'missed' }),
			m(2, { status: 'planned', plannedOn: '2026-03-31' }),
			m(3, { status: 'met', plannedOn: '2025-08-31', actualOn: '2025-09-15' }),
			m(4, { status: 'planned', plannedOn: '2026-12-10' }),
			m(5, { status: 'planned', plannedOn: '2027-02-01' }),
			m(6, { status: 'missed', plannedOn: '2025-01-31' }),
			m(7, { status: 'partly_met', plannedOn: '2025-01-31', updatedAt: '2025-06-01T21:00:00.000Z' })
		];
		const r = classifyMilestones(rows, '2025-05-31', TODAY);
		expect(r.late.map((x) => x.id)).toEqual([1, 2]);
		expect(r.changed.map((x) => x.id)).toEqual([7, 3]);
		expect(r.dueSoon.map((x) => x.id)).toEqual([4]);
	});

	it('treats an edit late on the "since" day (Nairobi time) as not after it', () => {
		const edited = (updatedAt: string) =>
			classifyMilestones([m(1, { plannedOn: '2027-06-30', updatedAt })], '2026-05-01', TODAY)
				.changed.length;
		expect(edited('2026-05-01T20:59:59.999Z')).toBe(0);
		expect(edited('2026-05-01T21:00:00.000Z')).toBe(1);
	});
});

describe('money', () => {
	const line = (figures: FigureInput[]) => summariseLine(figures);
	const units = [
		{ phase: 'requested', amountKes: 2_500_000_000, asOf: '2025-02-28' },
		{ phase: 'ceiling', amountKes: 616_000_000, asOf: '2025-02-28' },
		{ phase: 'released', amountKes: 340_000_000, asOf: '2026-03-31' },
		{ phase: 'spent', amountKes: 290_000_000, asOf: '2026-03-31' }
	] satisfies FigureInput[];

	it('expects a quarter of the allocation released per completed quarter', () => {
		expect(expectedReleaseShare('2025/26', '2025-09-29')).toBe(0);
		expect(expectedReleaseShare('2025/26', '2025-09-30')).toBe(0.25);
		expect(expectedReleaseShare('2025/26', '2026-03-31')).toBe(0.75);
		expect(expectedReleaseShare('2025/26', '2026-06-30')).toBe(1);
		expect(expectedReleaseShare('2025/26', '2027-01-01')).toBe(1);
	});

	it('flags a funding gap and releases behind the quarter', () => {
		const flags = moneyFlags(line(units), '2025/26', TODAY);
		expect(flags).toEqual([
			{
				kind: 'gap',
				requested: 2_500_000_000,
				allocated: 616_000_000,
				gap: 1_884_000_000,
				asOf: '2025-02-28'
			},
			{
				kind: 'slow_release',
				allocated: 616_000_000,
				released: 340_000_000,
				rate: expect.closeTo(0.552, 3),
				expected: 0.75,
				asOf: '2026-03-31'
			}
		]);
	});

	it('flags money released but not spent', () => {
		const flags = moneyFlags(
			line([
				{ phase: 'approved', amountKes: 1_000, asOf: '2025-06-30' },
				{ phase: 'released', amountKes: 500, asOf: '2025-12-31' },
				{ phase: 'spent', amountKes: 200, asOf: '2025-12-31' }
			]),
			'2025/26',
			TODAY
		);
		expect(flags.map((f) => [f.kind, 'rate' in f ? f.rate : null])).toEqual([['low_use', 0.4]]);
	});

	it('flags no releases only once a quarter has ended', () => {
		const approved = line([{ phase: 'approved', amountKes: 125_300_000, asOf: '2025-06-12' }]);
		expect(moneyFlags(approved, '2025/26', '2025-09-30')).toEqual([]);
		expect(moneyFlags(approved, '2025/26', '2025-10-01')).toEqual([
			{ kind: 'no_release', allocated: 125_300_000 }
		]);
	});

	it('raises nothing for a healthy line, or one with nothing allocated', () => {
		const healthy = line([
			{ phase: 'requested', amountKes: 1_000, asOf: '2025-06-01' },
			{ phase: 'approved', amountKes: 1_000, asOf: '2025-06-30' },
			{ phase: 'released', amountKes: 500, asOf: '2025-12-31' },
			{ phase: 'spent', amountKes: 450, asOf: '2025-12-31' }
		]);
		expect(moneyFlags(healthy, '2025/26', TODAY)).toEqual([]);
		const nothing = line([{ phase: 'approved', amountKes: 0, asOf: '2025-06-30' }]);
		expect(moneyFlags(nothing, '2025/26', TODAY)).toEqual([]);
	});
});

describe('suggestQuestions', () => {
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

	it('asks nothing when there are no facts', () => {
		expect(suggestQuestions(empty)).toEqual([]);
	});

	it('asks about a missed milestone with the facts it quotes and the anchor it cites', () => {
		const [q] = suggestQuestions({ ...empty, lateMilestones: [missed] });
		expect(q).toEqual({
			kind: 'milestone_late',
			ref: 'DCAIS/2025/001',
			anchor: anchors.milestone(2),
			title: 'Unit established and officers deployed',
			plannedOn: '2026-03-31',
			missed: true
		});
	});

	it('asks whether a milestone past its date without a status was met', () => {
		const [q] = suggestQuestions({
			...empty,
			lateMilestones: [{ ...missed, status: 'planned' }]
		});
		expect(q).toMatchObject({ kind: 'milestone_late', missed: false });
	});

	it('ranks by weight and asks one deadline question per commitment', () => {
		const line = { voteCode: '1021', fiscalYear: '2025/26', subProgramme: '' };
		const dueSoon = (ref: string, daysLeft: number) => ({
			ref,
			title: `Title ${ref}`,
			dueOn: '2026-12-01',
			deliveryStatus: 'on_track' as const,
			grantedExtensionsUntil: [],
			deadline: addDays('2026-12-01', daysLeft),
			daysLeft,
			extended: false
		});
		const move = (id: number, ref: string, from: string, to: string) => ({
			id,
			ref,
			title: `Title ${ref}`,
			changedOn: '2026-01-10',
			from,
			to,
			reason: 'more time'
		});
		const questions = suggestQuestions({
			...empty,
			newlyOverdue: [overdue('A', 219)],
			stillOverdue: [overdue('B', 400)],
			lateMilestones: [missed],
			dueSoon: [dueSoon('A', 3), dueSoon('C', 9), dueSoon('J', 2)],
			dueDateMoves: [
				move(9, 'B', '2026-01-31', '2026-06-30'),
				move(10, 'D', '2026-01-31', '2026-06-30'),
				move(11, 'E', '2026-06-30', '2026-01-31'),
				move(12, 'K', '2026-06-30', '2026-09-30'),
				move(13, 'K', '2026-01-31', '2026-06-30')
			],
			money: [
				{
					linkId: 4,
					ref: 'F',
					title: 'Title F',
					line,
					flags: [{ kind: 'no_release', allocated: 125_300_000 }]
				},
				{ linkId: 5, ref: 'G', title: 'Title G', line, flags: [] },
				{
					linkId: 6,
					ref: 'I',
					title: 'Title I',
					line,
					flags: [
						{
							kind: 'slow_release',
							allocated: 616_000_000,
							released: 340_000_000,
							rate: 0.55,
							expected: 0.75,
							asOf: '2026-03-31'
						}
					]
				}
			],
			noBudgetLine: [{ ref: 'H', title: 'Title H' }]
		});
		expect(questions.map((q) => [q.kind, q.anchor])).toEqual([
			// Overdue, the most days first (B was overdue before the window; it still leads).
			['overdue', anchors.overdue('B')],
			['overdue', anchors.overdue('A')],
			// Money, the largest sum first: KES 276 m held back, then KES 125.3 m.
			['money', anchors.money(6)],
			['money', anchors.money(4)],
			// Repeated slippage: K's date postponed twice in the window (its latest move asks).
			['moved', anchors.move(12)],
			['milestone_late', anchors.milestone(2)],
			// Postponed once; a date brought forward (E) asks nothing.
			['moved', anchors.move(10)],
			// Due soon, the soonest first; A is asked about once, as overdue.
			['due_soon', anchors.dueSoon('J')],
			['due_soon', anchors.dueSoon('C')],
			['no_line', anchors.noLine('H')]
		]);
		expect(questions[0]).toMatchObject({ newly: false, daysOverdue: 400 });
		expect(questions[1]).toMatchObject({ newly: true, deadline: '2026-04-23', daysOverdue: 219 });
		expect(questions[2]).toMatchObject({ atStake: 276_000_000, title: 'Title I' });
		expect(questions[4]).toMatchObject({ times: 2, ref: 'K' });
		expect(questions[6]).toMatchObject({ times: 1, ref: 'D' });
	});

	it('breaks ties by reference, whatever order the facts came in', () => {
		const facts = {
			...empty,
			newlyOverdue: [overdue('Z', 30), overdue('M', 30), overdue('Q', 31)]
		};
		const refs = (f: BriefingFacts) => suggestQuestions(f).map((q) => q.ref);
		expect(refs(facts)).toEqual(['Q', 'M', 'Z']);
		expect(refs({ ...facts, newlyOverdue: [...facts.newlyOverdue].reverse() })).toEqual([
			'Q',
			'M',
			'Z'
		]);
	});

	it('puts an overdue commitment with a refused request or no report before its equals', () => {
		const refs = suggestQuestions({
			...empty,
			newlyOverdue: [
				overdue('A', 30),
				{ ...overdue('B', 30), noReport: true },
				{ ...overdue('C', 30), refusedRequests: 1 },
				overdue('D', 31)
			]
		}).map((q) => q.ref);
		expect(refs).toEqual(['D', 'C', 'B', 'A']);
	});

	it('ranks money with nothing held back after the sums in question, and asks the heaviest flag first', () => {
		const line = { voteCode: '1021', fiscalYear: '2025/26', subProgramme: '' };
		const gap = {
			kind: 'gap' as const,
			requested: 300,
			allocated: 100,
			gap: 200,
			asOf: '2025-02-28'
		};
		const lowUse = {
			kind: 'low_use' as const,
			released: 100,
			spent: 100,
			rate: 1,
			asOf: '2026-03-31'
		};
		const questions = suggestQuestions({
			...empty,
			money: [
				{ linkId: 1, ref: 'A', title: 'A', line, flags: [lowUse] },
				{ linkId: 2, ref: 'B', title: 'B', line, flags: [lowUse, gap] },
				{ linkId: 3, ref: 'C', title: 'C', line, flags: [{ kind: 'no_release', allocated: 200 }] }
			]
		});
		// B (gap 200) and C (200 not released) tie: by reference. A puts nothing in question.
		expect(questions.map((q) => q.ref)).toEqual(['B', 'C', 'A']);
		expect(questions[0]).toMatchObject({ atStake: 200, flags: [gap, lowUse] });
		expect(questions[2]).toMatchObject({ atStake: 0 });
	});

	it('makes anchors safe element ids from references with slashes', () => {
		expect(anchors.overdue('DCAIS/2025/001')).toBe('overdue-DCAIS-2025-001');
	});
});

describe('summarisePosition', () => {
	const base = {
		tracked: 4,
		overdue: 3,
		dueSoon: 1,
		reportsNotReceived: 2,
		overdueFacts: [],
		largestUnreleased: null
	};

	it('gives the counts and the most overdue commitment (ties: the lower reference)', () => {
		const position = summarisePosition({
			...base,
			overdueFacts: [overdue('B', 100), overdue('C', 229), overdue('A', 229)]
		});
		expect(position).toEqual({
			tracked: 4,
			overdue: 3,
			dueSoon: 1,
			reportsNotReceived: 2,
			mostOverdue: { ref: 'A', title: 'Title A', deadline: '2026-04-23', daysOverdue: 229 },
			largestUnreleased: null
		});
	});

	it('names no gap when nothing is overdue and no money is held back', () => {
		const position = summarisePosition({
			...base,
			largestUnreleased: { ref: 'A', title: 'A', amount: 0, fiscalYear: '2025/26' }
		});
		expect(position.mostOverdue).toBeNull();
		expect(position.largestUnreleased).toBeNull();
	});

	it('keeps the largest sum not released (ties: the lower reference)', () => {
		const a = { ref: 'A', amount: 100 };
		const b = { ref: 'B', amount: 300 };
		const c = { ref: 'C', amount: 300 };
		expect([a, c, b].reduce<typeof a | null>(heavierUnreleased, null)).toBe(b);
		expect(unreleasedOf({ kind: 'no_release', allocated: 125 })).toBe(125);
		expect(
			unreleasedOf({
				kind: 'slow_release',
				allocated: 616,
				released: 340,
				rate: 0.55,
				expected: 0.75,
				asOf: '2026-03-31'
			})
		).toBe(276);
		expect(
			unreleasedOf({ kind: 'gap', requested: 3, allocated: 1, gap: 2, asOf: '2026-03-31' })
		).toBeNull();
	});
});
