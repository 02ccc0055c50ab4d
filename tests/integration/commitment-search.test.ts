import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOverdue } from '$lib/domain';
import {
	EMPTY_COMMITMENT_QUERY,
	commitmentQueryToParams,
	type CommitmentQuery
} from '$lib/domain/commitment-query';
import type { Database } from '$lib/server/db/index';
import type { NewCommitment } from '$lib/server/db/schema';
import {
	findPublicCommitment,
	parseCommitmentQuery,
	searchCommitments
} from '$lib/server/queries/commitment-search';
import { commitmentValues, freshDb, insertBasics, insertTreasury } from '../helpers/db';

const TODAY = '2026-01-15';
const DRAFT = 'K/2025/099';
const WITHDRAWN = 'K/2025/098';

let db: Database;

afterAll(async () => {
	await db?.destroy();
});

/** Hand-made rows: five published commitments, a draft and a withdrawn one that match a lot. */
beforeAll(async () => {
	db = await freshDb();
	const basics = await insertBasics(db);
	const treasury = await insertTreasury(db);
	const committee2 = await db
		.insertInto('committees')
		.values({ slug: 'l', name: 'Finance Committee', abbreviation: 'L', house: 'senate' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const sitting2 = await db
		.insertInto('sittings')
		.values({
			committee_id: committee2.id,
			sat_on: '2024-12-01',
			subject: 'Releases',
			source_title: 'Hansard'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const tags = await db
		.insertInto('tags')
		.values([
			{ slug: 'policing', name: 'Policing' },
			{ slug: 'budget', name: 'Budget' }
		])
		.returning(['id', 'slug'])
		.execute();
	const tagId = (slug: string) => tags.find((t) => t.slug === slug)!.id;

	const add = async (overrides: Record<string, unknown>) =>
		(
			await db
				.insertInto('commitments')
				.values({
					...commitmentValues(basics, overrides),
					visibility: 'published'
				} as NewCommitment)
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;

	const a = await add({
		ref: 'K/2025/001',
		title: 'Create an anti-trafficking unit',
		summary: 'A dedicated unit against trafficking networks',
		quote: 'We are looking to establish a special unit',
		given_on: '2025-04-10',
		due_on: '2025-10-10',
		delivery_status: 'on_track',
		procedural_status: 'communicated',
		funding_status: 'allocated',
		updated_at: '2025-12-01T10:00:00.000Z'
	});
	const b = await add({
		ref: 'K/2025/002',
		title: 'Enact a reservists policy',
		summary: 'Legal framework for police reservists',
		quote: 'We will enact the policy',
		given_on: '2025-05-20',
		due_on: '2025-12-01',
		delivery_status: 'with_challenges',
		procedural_status: 'extension_granted',
		funding_status: 'no_line_identified',
		updated_at: '2025-12-05T10:00:00.000Z'
	});
	await add({
		ref: 'K/2025/003',
		title: 'Review 100% of the scheme of service',
		summary: 'Promotion and pay of officers',
		quote: 'The whole scheme will be reviewed',
		given_on: '2025-08-01',
		due_on: '2025-11-01',
		delivery_status: 'completed',
		procedural_status: 'closed',
		funding_status: 'spent',
		updated_at: '2025-11-02T10:00:00.000Z'
	});
	await add({
		ref: 'L/2025/001',
		committee_id: committee2.id,
		sitting_id: sitting2.id,
		organisation_id: treasury.orgId,
		office_id: treasury.officeId,
		title: 'Publish a schedule of exchequer releases',
		summary: 'Quarterly schedule',
		quote: 'We shall share a schedule',
		type: 'information',
		given_on: '2024-12-01',
		due_on: null,
		delivery_status: 'cannot_assess',
		procedural_status: 'recorded',
		funding_status: 'no_line_identified',
		updated_at: '2024-12-02T10:00:00.000Z'
	});
	const e = await add({
		ref: 'K/2025/004',
		title: 'Fund the new administrative units',
		summary: 'Operational funding for gazetted units',
		quote: 'We are engaging the National Treasury',
		type: 'funding',
		given_on: '2025-06-30',
		due_on: '2025-09-30',
		delivery_status: 'not_started',
		procedural_status: 'response_due',
		funding_status: 'partly_released',
		updated_at: '2025-10-01T10:00:00.000Z'
	});
	for (const [ref, visibility] of [
		[DRAFT, 'draft'],
		[WITHDRAWN, 'withdrawn']
	] as const) {
		const id = await add({
			ref,
			title: 'Secret unit to fund the scheme (not public)',
			summary: 'trafficking unit reservists scheme',
			quote: 'We are looking to establish a special unit',
			given_on: '2025-05-01',
			due_on: '2025-06-01',
			delivery_status: 'on_track',
			procedural_status: 'communicated',
			funding_status: 'allocated'
		});
		await db.updateTable('commitments').set({ visibility }).where('id', '=', id).execute();
		await db
			.insertInto('commitment_tags')
			.values([
				{ commitment_id: id, tag_id: tagId('policing') },
				{ commitment_id: id, tag_id: tagId('budget') }
			])
			.execute();
	}

	await db
		.insertInto('commitment_tags')
		.values([
			{ commitment_id: a, tag_id: tagId('policing') },
			{ commitment_id: b, tag_id: tagId('policing') },
			{ commitment_id: e, tag_id: tagId('budget') }
		])
		.execute();
	await db
		.insertInto('milestones')
		.values([
			{ commitment_id: a, title: 'Mandate', planned_on: '2025-06-01', weight: 1, status: 'met' },
			{
				commitment_id: a,
				title: 'Staff',
				planned_on: '2025-08-01',
				weight: 2,
				status: 'partly_met'
			},
			{ commitment_id: a, title: 'Launch', planned_on: '2025-10-01', weight: 1, status: 'planned' }
		])
		.execute();
	await db
		.insertInto('commitment_requests')
		.values([
			// B: a granted extension still running today, so B is not overdue.
			{
				commitment_id: b,
				kind: 'extension',
				requested_on: '2025-11-20',
				reason: 'More time',
				decision: 'granted',
				granted_until: '2026-06-30'
			},
			// E: a granted extension that ran out on 31 Dec, so E is overdue by 15 days.
			{
				commitment_id: e,
				kind: 'extension',
				requested_on: '2025-09-20',
				reason: 'More time',
				decision: 'granted',
				granted_until: '2025-12-31'
			},
			// A: a refused extension that would have covered today; refused ones do not count.
			{
				commitment_id: a,
				kind: 'extension',
				requested_on: '2025-10-01',
				reason: 'More time',
				decision: 'refused',
				granted_until: null
			}
		])
		.execute();
});

function query(overrides: Partial<CommitmentQuery> = {}): CommitmentQuery {
	return { ...EMPTY_COMMITMENT_QUERY, pageSize: 200, ...overrides };
}

async function refs(overrides: Partial<CommitmentQuery> = {}) {
	const { rows } = await searchCommitments(db, query(overrides), TODAY);
	return rows.map((r) => r.ref);
}

function parse(qs: string) {
	return parseCommitmentQuery(new URLSearchParams(qs));
}

describe('parseCommitmentQuery', () => {
	it('gives the defaults for an empty query string and ignores unknown parameters', () => {
		const parsed = parse('utm_source=x&foo=bar');
		expect(parsed).toEqual({ ok: true, query: { ...EMPTY_COMMITMENT_QUERY } });
	});

	it('reads every filter, with repeated and comma-separated values', () => {
		const parsed = parse(
			'q=  anti   trafficking &committee=k&committee=l&organisation=ministry&tag=policing,budget' +
				'&deliveryStatus=on_track,off_track&proceduralStatus=closed&fundingStatus=spent' +
				'&overdue=true&fiscalYear=2025%2F26&givenFrom=2025-01-01&givenTo=2025-12-31' +
				'&sort=-due&page=3&pageSize=200'
		);
		expect(parsed).toEqual({
			ok: true,
			query: {
				q: 'anti trafficking',
				committee: ['k', 'l'],
				organisation: ['ministry'],
				tag: ['policing', 'budget'],
				deliveryStatus: ['on_track', 'off_track'],
				proceduralStatus: ['closed'],
				fundingStatus: ['spent'],
				overdue: true,
				fiscalYear: '2025/26',
				givenFrom: '2025-01-01',
				givenTo: '2025-12-31',
				sort: '-due',
				page: 3,
				pageSize: 200
			}
		});
	});

	it('treats empty values as no filter, as HTML forms send them', () => {
		const parsed = parse('q=&committee=&deliveryStatus=&overdue=&fiscalYear=&sort=&page=');
		expect(parsed).toEqual({ ok: true, query: { ...EMPTY_COMMITMENT_QUERY } });
	});

	it.each([
		['pageSize=500', 'pageSize'],
		['pageSize=0', 'pageSize'],
		['page=0', 'page'],
		['page=-1', 'page'],
		['page=1.5', 'page'],
		['deliveryStatus=nope', 'deliveryStatus'],
		['deliveryStatus=on_track,nope', 'deliveryStatus'],
		['proceduralStatus=open', 'proceduralStatus'],
		['fundingStatus=funded', 'fundingStatus'],
		['givenFrom=2025-02-30', 'givenFrom'],
		['givenTo=31-12-2025', 'givenTo'],
		['givenFrom=2025-06-01&givenTo=2025-05-01', 'givenTo'],
		['fiscalYear=2025%2F27', 'fiscalYear'],
		['fiscalYear=2025', 'fiscalYear'],
		['sort=random', 'sort'],
		['overdue=maybe', 'overdue'],
		['committee=Not%20a%20slug', 'committee'],
		['tag=%3Cscript%3E', 'tag'],
		[`q=${'x'.repeat(201)}`, 'q'],
		['q=unit%00', 'q'],
		[`committee=${Array.from({ length: 51 }, (_, i) => `c${i}`).join(',')}`, 'committee']
	])('rejects %s naming %s', (qs, param) => {
		const parsed = parse(qs);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.errors.map((e) => e.param)).toEqual([param]);
	});

	it('names every bad parameter at once', () => {
		const parsed = parse('pageSize=500&deliveryStatus=nope&givenFrom=2025-02-30');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.errors.map((e) => e.param).sort()).toEqual([
				'deliveryStatus',
				'givenFrom',
				'pageSize'
			]);
			expect(parsed.errors.every((e) => e.message.length > 0)).toBe(true);
		}
	});

	it('round-trips through commitmentQueryToParams', () => {
		const qs =
			'q=unit&committee=k&deliveryStatus=on_track&deliveryStatus=off_track&overdue=false' +
			'&fiscalYear=2024%2F25&givenFrom=2024-07-01&sort=title&page=2&pageSize=10';
		const first = parse(qs);
		expect(first.ok).toBe(true);
		if (!first.ok) return;
		const again = parseCommitmentQuery(commitmentQueryToParams(first.query));
		expect(again).toEqual(first);
		expect(commitmentQueryToParams(EMPTY_COMMITMENT_QUERY).toString()).toBe('');
	});
});

describe('searchCommitments', () => {
	it('lists published commitments only, newest given first by default', async () => {
		const { rows, total } = await searchCommitments(db, query(), TODAY);
		expect(rows.map((r) => r.ref)).toEqual([
			'K/2025/003',
			'K/2025/004',
			'K/2025/002',
			'K/2025/001',
			'L/2025/001'
		]);
		expect(total).toBe(5);
	});

	it('never returns a draft or withdrawn commitment, whatever the filters', async () => {
		const matchingTheDraft: Partial<CommitmentQuery>[] = [
			{},
			{ q: 'secret' },
			{ q: 'unit' },
			{ committee: ['k'] },
			{ organisation: ['ministry'] },
			{ tag: ['policing', 'budget'] },
			{ deliveryStatus: ['on_track'] },
			{ proceduralStatus: ['communicated'] },
			{ fundingStatus: ['allocated'] },
			{ overdue: true },
			{ fiscalYear: '2024/25' },
			{ givenFrom: '2025-05-01', givenTo: '2025-05-01' },
			...(
				['-given', 'given', 'due', '-due', 'title', '-title', 'overdue', '-updated'] as const
			).map((sort) => ({ sort }))
		];
		for (const filter of matchingTheDraft) {
			const found = await refs(filter);
			expect(found, JSON.stringify(filter)).not.toContain(DRAFT);
			expect(found, JSON.stringify(filter)).not.toContain(WITHDRAWN);
		}
		const { rows } = await searchCommitments(db, query(), TODAY, { all: true });
		expect(rows.map((r) => r.ref)).not.toContain(DRAFT);
		expect(await findPublicCommitment(db, DRAFT, TODAY)).toBeNull();
		// A withdrawn record is still found by its reference (its page, API record and feed).
		expect(await findPublicCommitment(db, WITHDRAWN, TODAY)).toMatchObject({ ref: WITHDRAWN });
	});

	it('searches title, summary and quote, case-insensitively, every word required', async () => {
		expect(await refs({ q: 'TRAFFICKING' })).toEqual(['K/2025/001']);
		expect(await refs({ q: 'reservists' })).toEqual(['K/2025/002']);
		expect(await refs({ q: 'engaging treasury' })).toEqual(['K/2025/004']);
		expect(await refs({ q: 'unit', sort: 'title' })).toEqual(['K/2025/001', 'K/2025/004']);
		expect(await refs({ q: 'unit reservists' })).toEqual([]);
	});

	it('requires every word of the longest search allowed, and refuses a longer one by name', async () => {
		const common = 'e a n i t r o s l u'.split(' ');
		expect(common).toHaveLength(10);
		expect(await refs({ q: common.join(' ') })).not.toEqual([]);
		// The tenth word matches nothing, so nothing is found (it was once silently dropped).
		expect(await refs({ q: [...common.slice(0, 9), 'zzqxjvk'].join(' ') })).toEqual([]);
		const parsed = parse(`q=${encodeURIComponent([...common, 'zzqxjvk'].join(' '))}`);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(parsed.errors).toEqual([{ param: 'q', message: 'must have at most 10 words' }]);
	});

	it('treats % and _ in a search as plain characters', async () => {
		expect(await refs({ q: '100%' })).toEqual(['K/2025/003']);
		expect(await refs({ q: '%' })).toEqual(['K/2025/003']);
		expect(await refs({ q: '_' })).toEqual([]);
	});

	it('filters by committee, organisation and tag slugs', async () => {
		expect(await refs({ committee: ['l'] })).toEqual(['L/2025/001']);
		expect(await refs({ committee: ['k', 'l'] })).toHaveLength(5);
		expect(await refs({ committee: ['nobody'] })).toEqual([]);
		expect(await refs({ organisation: ['treasury'] })).toEqual(['L/2025/001']);
		expect(await refs({ tag: ['policing'], sort: 'given' })).toEqual(['K/2025/001', 'K/2025/002']);
		expect(await refs({ tag: ['policing', 'budget'], sort: 'given' })).toEqual([
			'K/2025/001',
			'K/2025/002',
			'K/2025/004'
		]);
	});

	it('filters by delivery, procedural and funding status (any of several)', async () => {
		expect(await refs({ deliveryStatus: ['completed'] })).toEqual(['K/2025/003']);
		expect(await refs({ deliveryStatus: ['on_track', 'not_started'], sort: 'given' })).toEqual([
			'K/2025/001',
			'K/2025/004'
		]);
		expect(await refs({ proceduralStatus: ['extension_granted'] })).toEqual(['K/2025/002']);
		expect(await refs({ fundingStatus: ['no_line_identified'], sort: 'given' })).toEqual([
			'L/2025/001',
			'K/2025/002'
		]);
	});

	it('filters by fiscal year of the date given and by a given-between range', async () => {
		expect(await refs({ fiscalYear: '2024/25', sort: 'given' })).toEqual([
			'L/2025/001',
			'K/2025/001',
			'K/2025/002',
			'K/2025/004'
		]);
		expect(await refs({ fiscalYear: '2025/26' })).toEqual(['K/2025/003']);
		expect(await refs({ givenFrom: '2025-05-20', givenTo: '2025-06-30', sort: 'given' })).toEqual([
			'K/2025/002',
			'K/2025/004'
		]);
		expect(await refs({ givenTo: '2024-12-01' })).toEqual(['L/2025/001']);
	});

	it('derives overdue in SQL: past due, open, and no granted extension covering today', async () => {
		// A: past due, refused extension. E: its granted extension ran out. B: extension running.
		// 003: completed. L: no due date.
		expect(await refs({ overdue: true, sort: 'given' })).toEqual(['K/2025/001', 'K/2025/004']);
		expect(await refs({ overdue: false, sort: 'given' })).toEqual([
			'L/2025/001',
			'K/2025/002',
			'K/2025/003'
		]);
		// On the last day of E's extension it is not yet overdue.
		const { rows } = await searchCommitments(db, query({ overdue: true }), '2025-12-31');
		expect(rows.map((r) => r.ref)).toEqual(['K/2025/001']);
	});

	it('agrees with the domain rule row by row on several dates', async () => {
		for (const today of ['2025-09-30', '2025-10-11', '2025-12-31', TODAY, '2026-07-01']) {
			const { rows } = await searchCommitments(db, query(), today);
			const overdue = await searchCommitments(db, query({ overdue: true }), today);
			const extensions = await db
				.selectFrom('commitment_requests')
				.select(['commitment_id', 'granted_until'])
				.where('decision', '=', 'granted')
				.execute();
			for (const row of rows) {
				const until = extensions
					.filter((e) => e.commitment_id === row.id)
					.map((e) => e.granted_until!);
				const rule = isOverdue(
					{ dueOn: row.dueOn, deliveryStatus: row.deliveryStatus, grantedExtensionsUntil: until },
					today
				);
				expect(row.overdue, `${row.ref} on ${today}`).toBe(rule);
				expect(
					overdue.rows.some((r) => r.ref === row.ref),
					`${row.ref} on ${today}`
				).toBe(rule);
			}
		}
	});

	it('adds progress and days overdue by the domain rules', async () => {
		const { rows } = await searchCommitments(db, query(), TODAY);
		const byRef = new Map(rows.map((r) => [r.ref, r]));
		expect(byRef.get('K/2025/001')).toMatchObject({
			progress: 0.5,
			milestoneCount: 3,
			overdue: true,
			daysOverdue: 97
		});
		expect(byRef.get('K/2025/004')).toMatchObject({ progress: null, daysOverdue: 15 });
		expect(byRef.get('K/2025/002')).toMatchObject({ overdue: false, daysOverdue: null });
		expect(byRef.get('L/2025/001')).toMatchObject({
			organisation: 'National Treasury',
			organisationSlug: 'treasury',
			office: 'Principal Secretary',
			committee: { slug: 'l', name: 'Finance Committee', abbreviation: 'L' }
		});
	});

	it.each([
		['-given', ['K/2025/003', 'K/2025/004', 'K/2025/002', 'K/2025/001', 'L/2025/001']],
		['given', ['L/2025/001', 'K/2025/001', 'K/2025/002', 'K/2025/004', 'K/2025/003']],
		['due', ['K/2025/004', 'K/2025/001', 'K/2025/003', 'K/2025/002', 'L/2025/001']],
		['-due', ['K/2025/002', 'K/2025/003', 'K/2025/001', 'K/2025/004', 'L/2025/001']],
		['title', ['K/2025/001', 'K/2025/002', 'K/2025/004', 'L/2025/001', 'K/2025/003']],
		['-title', ['K/2025/003', 'L/2025/001', 'K/2025/004', 'K/2025/002', 'K/2025/001']],
		// Overdue first, longest overdue first (A since 10 Oct, E since its extension ended 31 Dec).
		['overdue', ['K/2025/001', 'K/2025/004', 'K/2025/003', 'K/2025/002', 'L/2025/001']],
		['-updated', ['K/2025/002', 'K/2025/001', 'K/2025/003', 'K/2025/004', 'L/2025/001']]
	] as const)('sorts by %s', async (sort, expected) => {
		expect(await refs({ sort })).toEqual(expected);
	});

	it('pages in SQL with a stable order and the full total on every page', async () => {
		const pages = [];
		for (const page of [1, 2, 3]) {
			const { rows, total } = await searchCommitments(
				db,
				query({ page, pageSize: 2, sort: 'title' }),
				TODAY
			);
			expect(total).toBe(5);
			pages.push(rows.map((r) => r.ref));
		}
		expect(pages).toEqual([
			['K/2025/001', 'K/2025/002'],
			['K/2025/004', 'L/2025/001'],
			['K/2025/003']
		]);
		const beyond = await searchCommitments(db, query({ page: 9, pageSize: 2 }), TODAY);
		expect(beyond).toEqual({ rows: [], total: 5 });
	});

	it('runs a fixed number of queries whatever the page size', async () => {
		let count = 0;
		// transformResult runs once per executed statement (transformQuery also sees subqueries).
		const counter: KyselyPlugin = {
			transformQuery: (args) => args.node,
			transformResult: async (args) => {
				count += 1;
				return args.result;
			}
		};
		const counted = db.withPlugin(counter);
		const counts: number[] = [];
		for (const pageSize of [1, 2, 200]) {
			count = 0;
			await searchCommitments(counted, query({ pageSize }), TODAY);
			counts.push(count);
		}
		count = 0;
		await searchCommitments(counted, query(), TODAY, { all: true });
		counts.push(count);
		expect(counts).toEqual([3, 3, 3, 3]);
	});

	it('finds one published commitment by reference, shaped like a search row', async () => {
		const one = await findPublicCommitment(db, 'K/2025/001', TODAY);
		expect(one).toMatchObject({ ref: 'K/2025/001', overdue: true, progress: 0.5 });
		expect(await findPublicCommitment(db, 'K/2025/404', TODAY)).toBeNull();
	});
});
