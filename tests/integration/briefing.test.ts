import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMITTEE_SLUG, seedDemo } from '../../db/seeds/demo';
import type { Database } from '$lib/server/db/index';
import { listBriefingCommittees, type BriefingCommittee } from '$lib/server/queries/briefing';
import { listWatchlist } from '$lib/server/queries/mp-private';
import { questionWords } from '$lib/i18n/briefing-words';
import { computeBriefing } from '$lib/server/services/briefing';
import { addPrivateNote, setWatching } from '$lib/server/services/mp-private';
import { freshDb } from '../helpers/db';

// The demo data's own "today" is late November 2026 (updates run to 12 Nov 2026).
const TODAY = '2026-11-28';

let db: Database;
let dcais: BriefingCommittee;

beforeAll(async () => {
	db = await freshDb();
	await seedDemo(db);
	const committees = await listBriefingCommittees(db, TODAY);
	dcais = committees.find((k) => k.slug === DEMO_COMMITTEE_SLUG)!;
});

afterAll(async () => {
	await db?.destroy();
});

describe('listBriefingCommittees', () => {
	it('gives each committee its last published sitting up to today', async () => {
		expect(dcais.lastSatOn).toBe('2025-04-23');
		const before = await listBriefingCommittees(db, '2025-04-22');
		expect(before.find((k) => k.slug === DEMO_COMMITTEE_SLUG)?.lastSatOn).toBeNull();
	});
});

describe('computeBriefing on the demo data', () => {
	it('lists what became overdue since the last sitting, with the missed milestones', async () => {
		const pack = await computeBriefing(db, dcais, '2025-04-23', TODAY);
		expect(pack.newlyOverdue.map((c) => c.ref)).toEqual(['DCAIS/2025/001', 'DCAIS/2025/004']);
		expect(pack.stillOverdue).toEqual([]);
		expect(pack.lateMilestones.map((m) => m.title)).toEqual([
			'Unit established and officers deployed',
			'Welfare provisions costed and submitted for the FY2026/27 budget',
			'Divisions, locations and sub-locations staffed and operational'
		]);
		// Only published commitments: the draft DCAIS/2025/005 (due July 2025) never appears.
		expect(JSON.stringify(pack)).not.toContain('DCAIS/2025/005');
		expect(pack.tracked).toBe(4);
		// The table of contents counts each section's items, milestones included.
		expect(pack.counts).toMatchObject({ changes: pack.changes.length, overdue: 5 });
	});

	it('moves what was overdue before a later "since" date out of "newly overdue"', async () => {
		const pack = await computeBriefing(db, dcais, '2026-05-01', TODAY);
		expect(pack.newlyOverdue.map((c) => c.ref)).toEqual(['DCAIS/2025/004']);
		expect(pack.stillOverdue.map((c) => c.ref)).toEqual(['DCAIS/2025/001']);
		expect(pack.changes.map((c) => `${c.on} ${c.ref} ${c.kind}`)).toEqual([
			'2026-11-12 DCAIS/2025/001 update',
			'2026-09-25 DCAIS/2025/003 update',
			'2026-09-18 DCAIS/2025/003 milestone',
			'2026-07-15 DCAIS/2025/004 update',
			'2026-07-08 DCAIS/2025/002 update',
			'2026-06-30 DCAIS/2025/004 milestone',
			'2026-06-15 DCAIS/2025/002 milestone',
			'2026-05-12 DCAIS/2025/001 update'
		]);
		const followUp = pack.changes.find((c) => c.on === '2026-05-12');
		expect(followUp?.kind === 'update' && followUp.evidence.map((e) => e.type)).toEqual([
			'committee_report'
		]);
	});

	it('flags the money: gaps and slow releases, and the policy with no budget line', async () => {
		const pack = await computeBriefing(db, dcais, '2025-04-23', TODAY);
		const units = pack.money.filter((m) => m.ref === 'DCAIS/2025/004');
		expect(units.map((m) => m.flags.map((f) => f.kind))).toEqual([
			['gap', 'slow_release'],
			['gap', 'slow_release']
		]);
		expect(units.map((m) => m.line.fiscalYear).sort()).toEqual(['2024/25', '2025/26']);
		expect(pack.noBudgetLine.map((c) => c.ref)).toEqual(['DCAIS/2025/002']);
		const questions = pack.questions.map((q) => questionWords(q, 'en').text).join('\n');
		expect(questions).toContain(
			'Why was the milestone “Unit established and officers deployed” missed, and what is the new date?'
		);
		expect(questions).toContain('No budget line has been identified for');
		// The heaviest first: the most days overdue leads, as in the summary of the position.
		expect(pack.questions[0]).toMatchObject({
			kind: 'overdue',
			ref: pack.position.mostOverdue?.ref
		});
		expect(pack.position).toMatchObject({ tracked: pack.tracked });
		expect(pack.position.largestUnreleased?.ref).toBe('DCAIS/2025/004');
	});

	it('runs a fixed number of queries whatever the window', async () => {
		// Statements, by query id: a streamed statement reports each chunk of rows.
		const seen = new Set<string>();
		const counter: KyselyPlugin = {
			transformQuery: (args) => args.node,
			transformResult: async (args) => {
				seen.add(args.queryId.queryId);
				return args.result;
			}
		};
		const counted = db.withPlugin(counter);
		const counts: number[] = [];
		for (const since of ['2025-04-23', '2026-05-01', TODAY]) {
			seen.clear();
			await computeBriefing(counted, dcais, since, TODAY);
			counts.push(seen.size);
		}
		// At most eight (the ministries' reply figures are one), however wide the window (the
		// evidence query is skipped when no update falls in it): the count is bounded, not
		// proportional to what the window holds.
		for (const count of counts) expect(count).toBeLessThanOrEqual(8);
		expect(counts[0]).toBeLessThanOrEqual(counts[2]! + 1);
	});
});

describe('listWatchlist', () => {
	it('is private to its user and counts only their notes', async () => {
		const users = await db
			.insertInto('users')
			.values([
				{ email: 'a@x.example', name: 'A', role: 'mp', password_hash: 'x' },
				{ email: 'b@x.example', name: 'B', role: 'mp', password_hash: 'x' }
			])
			.returning('id')
			.execute();
		const [a, b] = users.map((u) => ({ id: u.id, label: `user ${u.id}` }));
		const c = await db
			.selectFrom('commitments')
			.select('id')
			.where('ref', '=', 'DCAIS/2025/001')
			.executeTakeFirstOrThrow();
		await setWatching(db, a!, c.id, true);
		await addPrivateNote(db, a!, c.id, 'ask about the training');
		await addPrivateNote(db, b!, c.id, 'not A’s note');
		const mine = await listWatchlist(db, a!.id, TODAY);
		expect(mine.map((r) => [r.ref, r.notes, r.withdrawn, r.latestUpdate?.on])).toEqual([
			['DCAIS/2025/001', 1, false, '2026-11-12']
		]);
		expect(await listWatchlist(db, b!.id, TODAY)).toEqual([]);

		await db
			.updateTable('commitments')
			.set({ visibility: 'withdrawn', withdrawn_at: '2026-11-20T07:00:00.000Z' })
			.where('id', '=', c.id)
			.execute();
		expect((await listWatchlist(db, a!.id, TODAY)).map((r) => r.withdrawn)).toEqual([true]);
		await db
			.updateTable('commitments')
			.set({ visibility: 'published', withdrawn_at: null })
			.where('id', '=', c.id)
			.execute();
	});
});
