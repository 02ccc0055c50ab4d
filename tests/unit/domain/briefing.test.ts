import { describe, expect, it } from 'vitest';
import { summariseLine, type FigureInput } from '$lib/domain/budget';
import {
	anchors,
	classifyDeadlines,
	classifyMilestones,
	expectedReleaseShare,
	moneyFlags,
	nairobiDayStart,
	parseBriefingParams,
	suggestQuestions,
	type BriefingFacts,
	type DeadlineInput,
	type MilestoneInput
} from '$lib/domain/briefing';

const TODAY = '2026-11-28';

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

	it('orders questions by urgency and asks one deadline question per commitment', () => {
		const line = { voteCode: '1021', fiscalYear: '2025/26', subProgramme: '' };
		const questions = suggestQuestions({
			...empty,
			newlyOverdue: [overdue('A', 219)],
			stillOverdue: [overdue('B', 400)],
			lateMilestones: [missed],
			dueSoon: [
				{
					ref: 'A',
					title: 'Title A',
					dueOn: '2026-12-01',
					deliveryStatus: 'on_track',
					grantedExtensionsUntil: [],
					deadline: '2026-12-01',
					daysLeft: 3,
					extended: false
				},
				{
					ref: 'C',
					title: 'Title C',
					dueOn: '2026-12-01',
					deliveryStatus: 'on_track',
					grantedExtensionsUntil: [],
					deadline: '2026-12-01',
					daysLeft: 3,
					extended: false
				}
			],
			dueDateMoves: [
				{
					id: 9,
					ref: 'B',
					title: 'Title B',
					changedOn: '2026-01-10',
					from: '2026-01-31',
					to: '2026-06-30',
					reason: 'more time'
				},
				{
					id: 10,
					ref: 'D',
					title: 'Title D',
					changedOn: '2026-01-10',
					from: '2026-01-31',
					to: '2026-06-30',
					reason: 'more time'
				},
				{
					id: 11,
					ref: 'E',
					title: 'Title E',
					changedOn: '2026-01-10',
					from: '2026-06-30',
					to: '2026-01-31',
					reason: 'brought forward'
				}
			],
			money: [
				{
					linkId: 4,
					ref: 'F',
					title: 'Title F',
					line,
					flags: [{ kind: 'no_release', allocated: 125_300_000 }]
				},
				{ linkId: 5, ref: 'G', title: 'Title G', line, flags: [] }
			],
			noBudgetLine: [{ ref: 'H', title: 'Title H' }]
		});
		expect(questions.map((q) => [q.ref, q.anchor])).toEqual([
			['A', anchors.overdue('A')],
			['DCAIS/2025/001', anchors.milestone(2)],
			['F', anchors.money(4)],
			['D', anchors.move(10)],
			['C', anchors.dueSoon('C')],
			['H', anchors.noLine('H')],
			['B', anchors.overdue('B')]
		]);
		expect(questions.map((q) => q.kind)).toEqual([
			'overdue',
			'milestone_late',
			'money',
			'moved',
			'due_soon',
			'no_line',
			'overdue'
		]);
		expect(questions[0]).toMatchObject({ newly: true, deadline: '2026-04-23', daysOverdue: 219 });
		expect(questions[2]).toMatchObject({
			line,
			flags: [{ kind: 'no_release', allocated: 125_300_000 }]
		});
		expect(questions[6]).toMatchObject({ newly: false, daysOverdue: 400 });
	});

	it('makes anchors safe element ids from references with slashes', () => {
		expect(anchors.overdue('DCAIS/2025/001')).toBe('overdue-DCAIS-2025-001');
	});
});
