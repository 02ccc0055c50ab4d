// The deadline and overdue rule is written twice: in the domain (domain/overdue.ts), which
// every page's "N days overdue" uses, and once in SQL (queries/deadline-sql.ts), which the
// explorer and API filter and sort by, the dashboard counts, the briefing pack sections by and
// the watchlist and the clerks' workspace read. A few hundred generated commitments (seeded, so a failure reproduces):
// with and without a due date, every delivery status, drafts and withdrawn ones, extensions
// granted, refused, pending, run out, several, ending before the due date, and "drop" requests;
// looked at on days either side of midnight in Nairobi. The SQL must give the domain's answer
// row by row (effective deadline, overdue or not, days overdue), on its own and through each
// query that uses it, on SQLite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	addDays,
	daysBetween,
	daysOverdue,
	DELIVERY_STATUSES,
	effectiveDeadline,
	isOverdue,
	todayInNairobi,
	type DeliveryStatus,
	type OverdueInput
} from '$lib/domain';
import { classifyDeadlines } from '$lib/domain/briefing';
import { EMPTY_COMMITMENT_QUERY, type CommitmentQuery } from '$lib/domain/commitment-query';
import type { Database } from '$lib/server/db/index';
import { listDeadlineCommitments } from '$lib/server/queries/briefing';
import { searchCommitments } from '$lib/server/queries/commitment-search';
import { countByGroup, countOverdue } from '$lib/server/queries/dashboard';
import {
	effectiveDeadline as deadlineSql,
	overdueCondition
} from '$lib/server/queries/deadline-sql';
import { listWatchlist } from '$lib/server/queries/mp-private';
import { listOverdueCommitments } from '$lib/server/queries/workspace-commitments';
import { commitmentValues, freshDb, insertBasics, insertTreasury } from '../helpers/db';

const SEED = 14;
const COUNT = 320;
/** Due dates and extensions fall within a few weeks either side of this day. */
const PIVOT = '2026-01-10';

type Visibility = 'published' | 'draft' | 'withdrawn';
interface Request {
	kind: 'extension' | 'drop';
	decision: 'pending' | 'granted' | 'refused';
	grantedUntil: string | null;
}
interface Case {
	id: number;
	ref: string;
	committee: number;
	organisation: number;
	visibility: Visibility;
	dueOn: string | null;
	deliveryStatus: DeliveryStatus;
	requests: Request[];
}

/** mulberry32: a small seeded generator, so every run (and both databases) sees the same cases. */
function random(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
	const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
	return { next, int, pick };
}

/**
 * Instants a few minutes either side of midnight in Nairobi (UTC+3), on days around the pivot:
 * 20:59 UTC is still that day in Nairobi, 21:00 and 22:30 UTC are already the next one.
 */
const INSTANTS = [-25, -12, -4, -1, 0, 1, 3, 9, 17, 30].flatMap((offset) => {
	const day = addDays(PIVOT, offset);
	return [`${day}T20:59:00Z`, `${day}T21:00:00Z`, `${day}T22:30:00Z`];
});
const TODAYS = [...new Set(INSTANTS.map((i) => todayInNairobi(new Date(i))))];

let db: Database;
let cases: Case[] = [];
let committees: number[] = [];
let watcher = 0;

function domainInput(c: Case): OverdueInput {
	return {
		dueOn: c.dueOn,
		deliveryStatus: c.deliveryStatus,
		grantedExtensionsUntil: c.requests
			.filter((r) => r.kind === 'extension' && r.decision === 'granted' && r.grantedUntil)
			.map((r) => r.grantedUntil as string)
	};
}

const published = () => cases.filter((c) => c.visibility === 'published');
const refsOf = (list: { ref: string }[]) => list.map((c) => c.ref).sort();
const search = (today: string, query: Partial<CommitmentQuery>) =>
	searchCommitments(db, { ...EMPTY_COMMITMENT_QUERY, ...query }, today, { all: true });

beforeAll(async () => {
	db = await freshDb();
	const basics = await insertBasics(db);
	const treasury = await insertTreasury(db);
	const k2 = await db
		.insertInto('committees')
		.values({ slug: 'k2', name: 'Second committee', abbreviation: 'K2', house: 'senate' })
		.returning('id')
		.executeTakeFirstOrThrow();
	committees = [basics.committeeId, k2.id];
	const places = [
		{ organisation: basics.orgId, office: basics.officeId },
		{ organisation: treasury.orgId, office: treasury.officeId }
	];

	const rnd = random(SEED);
	const made = Array.from({ length: COUNT }, (_, i) => {
		const place = rnd.pick(places);
		const dueOn = rnd.next() < 0.1 ? null : addDays(PIVOT, rnd.int(-30, 30));
		const requests: Request[] = Array.from({ length: rnd.pick([0, 0, 1, 1, 2, 3, 4]) }, () => {
			const kind = rnd.next() < 0.85 ? 'extension' : 'drop';
			const decision = rnd.pick(['pending', 'granted', 'refused'] as const);
			// A granted extension names its end (the table insists); a refused or pending one
			// sometimes carries a date too, which must never move the deadline.
			const dated = kind === 'extension' && decision === 'granted' ? true : rnd.next() < 0.5;
			const from = dueOn ?? PIVOT;
			return { kind, decision, grantedUntil: dated ? addDays(from, rnd.int(-10, 40)) : null };
		});
		return {
			ref: `G/2026/${String(i + 1).padStart(4, '0')}`,
			committee: rnd.pick(committees),
			organisation: place.organisation,
			office: place.office,
			visibility: rnd.pick([
				'published',
				'published',
				'published',
				'published',
				'draft',
				'withdrawn'
			] as const),
			dueOn,
			deliveryStatus: rnd.pick(DELIVERY_STATUSES),
			requests
		};
	});
	const ids = await db
		.insertInto('commitments')
		.values(
			made.map((c) =>
				commitmentValues(basics, {
					ref: c.ref,
					committee_id: c.committee,
					organisation_id: c.organisation,
					office_id: c.office,
					given_on: '2025-06-01',
					due_on: c.dueOn,
					delivery_status: c.deliveryStatus,
					status_reason: c.deliveryStatus === 'not_pursued' ? 'Dropped by the ministry' : null,
					visibility: c.visibility,
					withdrawn_at: c.visibility === 'withdrawn' ? '2026-01-02T08:00:00.000Z' : null,
					withdrawn_reason: c.visibility === 'withdrawn' ? 'Recorded twice' : null
				})
			)
		)
		.returning(['id', 'ref'])
		.execute();
	const idOf = new Map(ids.map((r) => [r.ref, r.id]));
	cases = made.map((c) => ({ ...c, id: idOf.get(c.ref)! }));
	const requests = cases.flatMap((c) =>
		c.requests.map((r) => ({
			commitment_id: c.id,
			kind: r.kind,
			requested_on: '2025-12-01',
			reason: 'More time',
			decision: r.decision,
			decided_on: r.decision === 'pending' ? null : '2025-12-15',
			granted_until: r.grantedUntil
		}))
	);
	await db.insertInto('commitment_requests').values(requests).execute();

	const user = await db
		.insertInto('users')
		.values({ email: 'mp@x.example', name: 'MP', role: 'mp', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	watcher = user.id;
	await db
		.insertInto('watchlist')
		.values(cases.map((c) => ({ user_id: watcher, commitment_id: c.id })))
		.execute();
});

afterAll(async () => {
	await db?.destroy();
});

describe('the generated cases', () => {
	it('cover what the rule distinguishes', () => {
		expect(new Set(cases.map((c) => c.deliveryStatus))).toEqual(new Set(DELIVERY_STATUSES));
		expect(cases.some((c) => c.dueOn === null)).toBe(true);
		const requests = cases.flatMap((c) => c.requests);
		for (const decision of ['pending', 'granted', 'refused'] as const) {
			expect(requests.some((r) => r.decision === decision && r.grantedUntil)).toBe(true);
		}
		expect(requests.some((r) => r.kind === 'drop' && r.decision === 'granted')).toBe(true);
		const granted = (c: Case) => domainInput(c).grantedExtensionsUntil!;
		expect(cases.some((c) => granted(c).length >= 2)).toBe(true);
		// Extensions ending before the due date, running, and run out by some day looked at.
		expect(cases.some((c) => granted(c).some((u) => c.dueOn && u < c.dueOn))).toBe(true);
		expect(cases.some((c) => granted(c).some((u) => u > TODAYS.at(-1)!))).toBe(true);
		expect(cases.some((c) => granted(c).some((u) => u < TODAYS[0]!))).toBe(true);
		// Overdue and not, on each day looked at.
		for (const today of TODAYS) {
			const overdue = published().filter((c) => isOverdue(domainInput(c), today)).length;
			expect(overdue, today).toBeGreaterThan(0);
			expect(overdue, today).toBeLessThan(published().length);
		}
	});

	it('look at days on both sides of midnight in Nairobi', () => {
		expect(todayInNairobi(new Date(`${PIVOT}T20:59:00Z`))).toBe(PIVOT);
		expect(todayInNairobi(new Date(`${PIVOT}T21:00:00Z`))).toBe(addDays(PIVOT, 1));
		expect(todayInNairobi(new Date(`${PIVOT}T22:30:00Z`))).toBe(addDays(PIVOT, 1));
		expect(TODAYS.length).toBeGreaterThan(15);
	});
});

describe.each(TODAYS)('on %s in Nairobi', (today) => {
	it('the SQL rule gives the domain’s deadline, overdue and days overdue row by row', async () => {
		const rows = await db
			.selectFrom('commitments as c')
			.select((eb) => [
				'c.ref',
				deadlineSql(eb).as('deadline'),
				eb.case().when(overdueCondition(eb, today)).then(1).else(0).end().as('overdue'),
				// NOT(overdue) must be its exact opposite: no row lost to a SQL null.
				eb
					.case()
					.when(eb.not(overdueCondition(eb, today)))
					.then(1)
					.else(0)
					.end()
					.as('not_overdue')
			])
			.execute();
		const sqlOf = new Map(rows.map((r) => [r.ref, r]));
		const wrong = cases.flatMap((c) => {
			const r = sqlOf.get(c.ref)!;
			const overdue = Number(r.overdue) === 1;
			const got = {
				deadline: (r.deadline as string | null) ?? null,
				overdue,
				notOverdue: Number(r.not_overdue) === 1,
				days: overdue && r.deadline ? daysBetween(r.deadline as string, today) : null
			};
			const input = domainInput(c);
			const want = {
				deadline: effectiveDeadline(input),
				overdue: isOverdue(input, today),
				notOverdue: !isOverdue(input, today),
				days: daysOverdue(input, today)
			};
			return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ case: c, got, want }];
		});
		expect(wrong).toEqual([]);
	});

	it('the explorer and API filter, sort and count days overdue by it', async () => {
		const { rows, total } = await search(today, { sort: 'overdue' });
		expect(total).toBe(published().length);
		const byRef = new Map(published().map((c) => [c.ref, domainInput(c)]));
		const wrong = rows.flatMap((r) => {
			const input = byRef.get(r.ref)!;
			const want = { overdue: isOverdue(input, today), daysOverdue: daysOverdue(input, today) };
			const got = { overdue: r.overdue, daysOverdue: r.daysOverdue };
			return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ ref: r.ref, got, want }];
		});
		expect(wrong).toEqual([]);
		// Overdue first, then by the date each had to be met by (none last), then by reference.
		const key = (c: Case) => {
			const input = domainInput(c);
			return [isOverdue(input, today) ? 0 : 1, effectiveDeadline(input) ?? '9999', c.ref].join();
		};
		const order = [...published()].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((c) => c.ref);
		expect(rows.map((r) => r.ref)).toEqual(order);

		const overdue = published().filter((c) => isOverdue(domainInput(c), today));
		const onTime = published().filter((c) => !isOverdue(domainInput(c), today));
		expect(refsOf((await search(today, { overdue: true })).rows)).toEqual(refsOf(overdue));
		expect(refsOf((await search(today, { overdue: false })).rows)).toEqual(refsOf(onTime));
	});

	it('the dashboard counts it, in all and per committee and organisation', async () => {
		const overdue = published().filter((c) => isOverdue(domainInput(c), today));
		expect(await countOverdue(db, today)).toBe(overdue.length);
		for (const by of ['committee', 'organisation'] as const) {
			const groups = await countByGroup(db, by, today);
			const counted = Object.fromEntries(groups.map((g) => [g.id, g.overdue]));
			const want: Record<number, number> = {};
			for (const c of published()) {
				const group = by === 'committee' ? c.committee : c.organisation;
				want[group] = (want[group] ?? 0) + (overdue.includes(c) ? 1 : 0);
			}
			expect(counted, by).toEqual(want);
		}
	});

	it('the briefing pack sections deadlines by it, first ones by deadline', async () => {
		const since = addDays(today, -10);
		const dueBy = addDays(today, 30);
		for (const committee of committees) {
			const mine = published()
				.filter((c) => c.committee === committee && c.dueOn !== null)
				.map((c) => ({
					ref: c.ref,
					title: c.ref,
					dueOn: c.dueOn as string,
					deliveryStatus: c.deliveryStatus,
					grantedExtensionsUntil: domainInput(c).grantedExtensionsUntil as string[]
				}));
			const want = classifyDeadlines(mine, since, today, 30);
			const all = await listDeadlineCommitments(db, committee, today, dueBy, since, 1000);
			expect(all.totals).toEqual({
				newly_overdue: want.newlyOverdue.length,
				still_overdue: want.stillOverdue.length,
				due_soon: want.dueSoon.length
			});
			const first = await listDeadlineCommitments(db, committee, today, dueBy, since, 3);
			const sections: { ref: string }[][] = [want.newlyOverdue, want.stillOverdue, want.dueSoon];
			const shown = sections.flatMap((s) => s.slice(0, 3));
			expect(refsOf(first.rows)).toEqual(refsOf(shown));
		}
	});

	it('the watchlist shows days overdue by it (a withdrawn one never overdue)', async () => {
		const rows = await listWatchlist(db, watcher, today);
		const shown = cases.filter((c) => c.visibility !== 'draft');
		expect(refsOf(rows)).toEqual(refsOf(shown));
		const byRef = new Map(shown.map((c) => [c.ref, c]));
		const wrong = rows.flatMap((r) => {
			const c = byRef.get(r.ref)!;
			const input = domainInput(c);
			const granted = input.grantedExtensionsUntil!;
			const want = {
				daysOverdue: c.visibility === 'withdrawn' ? null : daysOverdue(input, today),
				grantedUntil: granted.length > 0 ? [...granted].sort().at(-1) : null
			};
			const got = { daysOverdue: r.daysOverdue, grantedUntil: r.grantedUntil };
			return JSON.stringify(got) === JSON.stringify(want) ? [] : [{ ref: r.ref, got, want }];
		});
		expect(wrong).toEqual([]);
	});

	it('the clerks’ workspace lists the overdue ones by it, oldest due first', async () => {
		const overdue = published().filter((c) => isOverdue(domainInput(c), today));
		const all = await listOverdueCommitments(db, null, today, 1000);
		expect(all.map((r) => [r.ref, r.daysLate])).toEqual(
			[...overdue]
				.sort((a, b) => a.dueOn!.localeCompare(b.dueOn!) || a.id - b.id)
				.map((c) => [c.ref, daysOverdue(domainInput(c), today)])
		);
		const scoped = await listOverdueCommitments(db, [committees[1]!], today, 5);
		expect(scoped.map((r) => r.ref)).toEqual(
			all
				.filter((r) => overdue.find((c) => c.ref === r.ref)!.committee === committees[1])
				.slice(0, 5)
				.map((r) => r.ref)
		);
	});
});
