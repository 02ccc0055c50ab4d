// Change alerts beyond updates and publication: a milestone added, re-planned or marked (with its
// evidence), a funding link made, changed or removed, a figure on a linked budget line, and a
// withdrawal. Each is queued in the write's own transaction for the commitment's followers and
// MPs on instant alerts, described in the recipient's language; a draft reaches nobody.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actorOf } from '$lib/server/audit';
import type { Database } from '$lib/server/db/index';
import { confirmFollow, requestFollow } from '$lib/server/services/alert-follow';
import { saveAlertSettings } from '$lib/server/services/alert-settings';
import { addBudgetLine, saveFigure } from '$lib/server/services/budget-figures';
import { withdrawCommitment } from '$lib/server/services/workspace-commitments';
import {
	addFundingLink,
	editFundingLink,
	linkStamp,
	removeFundingLink
} from '$lib/server/services/funding-links';
import { addMilestone, editMilestone, markMilestone } from '$lib/server/services/milestones';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';

const ORIGIN = 'http://ahadi.test';
const TODAY = '2026-12-09';
process.env.ORIGIN = ORIGIN;

let db: Database;
let clerk: { id: number; name: string; email: string };
let published: number;
let draft: number;
let lineId: number;
let basics: Awaited<ReturnType<typeof insertBasics>>;

const commitment = (id: number) =>
	db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** The change alerts queued so far, by recipient. */
async function changes() {
	const rows = await db
		.selectFrom('outbox_messages')
		.selectAll()
		.where('kind', '=', 'change')
		.orderBy('id')
		.execute();
	return {
		all: rows,
		follower: rows.filter((r) => r.recipient === 'reader@example.test'),
		mp: rows.filter((r) => r.recipient === 'mbunge@example.test')
	};
}

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
	const user = async (email: string, role: 'clerk' | 'mp') =>
		(
			await db
				.insertInto('users')
				.values({ email, name: email, role, password_hash: 'x' })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	clerk = { id: await user('clerk@example.test', 'clerk'), name: 'Clerk', email: 'clerk@' };
	const mp = await user('mbunge@example.test', 'mp');
	await db
		.insertInto('user_committees')
		.values([
			{ user_id: clerk.id, committee_id: basics.committeeId },
			{ user_id: mp, committee_id: basics.committeeId }
		])
		.execute();
	// An MP of the committee on instant alerts, in Kiswahili.
	await saveAlertSettings(db, { id: mp, label: 'mp' }, { digest: 'instant', language: 'sw' });
	const insert = async (ref: string, visibility: 'draft' | 'published') =>
		(
			await db
				.insertInto('commitments')
				.values({ ...commitmentValues(basics, { ref, title: `Title ${ref}` }), visibility })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	published = await insert('K/2025/001', 'published');
	draft = await insert('K/2025/002', 'draft');
	// A follower of the committee, in English: hears of both commitments, drafts excepted.
	await requestFollow(db, {
		kind: 'committee',
		key: 'k',
		email: 'reader@example.test',
		language: 'en',
		client: '203.0.113.9',
		origin: ORIGIN
	});
	const confirm = await db
		.selectFrom('outbox_messages')
		.select('text_body')
		.executeTakeFirstOrThrow();
	const token = /alerts\/confirm\/([A-Za-z0-9_-]{43})/.exec(confirm.text_body)?.[1];
	expect(await confirmFollow(db, token!)).toBeTruthy();
	lineId = await addBudgetLine(db, actorOf(clerk), {
		fiscalYear: '2025/26',
		voteCode: '1021',
		voteName: 'State Department for Internal Security',
		programme: 'Policing Services',
		subProgramme: '',
		economicClass: 'recurrent'
	});
});
afterEach(async () => {
	await db.destroy();
});

describe('change alerts for milestones', () => {
	it('describes a milestone added, re-planned and marked met with its evidence, in each language', async () => {
		const c = await commitment(published);
		const id = await addMilestone(db, clerk, c, {
			title: 'Bill drafted',
			plannedOn: '2026-03-31',
			weight: 1
		});
		await editMilestone(db, clerk, c, id, {
			title: 'Bill drafted',
			plannedOn: '2026-06-30',
			weight: 1,
			version: 1
		});
		await markMilestone(
			db,
			clerk,
			c,
			id,
			{
				version: 2,
				status: 'met',
				actualOn: '2026-06-01',
				evidence: { slot: 1, type: 'policy_document', title: 'The Bill as published' },
				existingEvidenceId: null
			},
			{ today: TODAY }
		);
		const { follower, mp } = await changes();
		expect(follower.map((r) => r.subject)).toEqual(Array(3).fill('Ahadi: K/2025/001 has changed'));
		expect(follower[0]?.text_body).toContain(
			'New milestone: “Bill drafted”, planned for 31 Mar 2026'
		);
		expect(follower[1]?.text_body).toContain(
			'Milestone re-planned: “Bill drafted”, now planned for 30 Jun 2026'
		);
		expect(follower[2]?.text_body).toContain('Milestone “Bill drafted”: Met');
		expect(follower[2]?.text_body).toContain('Evidence published: The Bill as published');
		expect(follower[2]?.html_body).toContain('Milestone “Bill drafted”: Met');
		expect(mp).toHaveLength(3);
		expect(mp[0]?.subject).toBe('Ahadi: K/2025/001 imebadilika');
		expect(mp[0]?.text_body).toContain(
			'Hatua muhimu mpya: “Bill drafted”, iliyopangwa 31 Machi 2026'
		);
		expect(mp[2]?.text_body).toContain('Hatua muhimu “Bill drafted”: Imefikiwa');
		expect(mp[2]?.text_body).toContain('Ushahidi umechapishwa: The Bill as published');
		expect(mp[2]?.text_body).toContain(`${ORIGIN}/sw/commitments/K%2F2025%2F001`);
	});

	it('sends nothing about a draft’s milestones', async () => {
		await addMilestone(db, clerk, await commitment(draft), {
			title: 'Secret plan',
			plannedOn: '2026-03-31',
			weight: 1
		});
		expect((await changes()).all).toEqual([]);
	});
});

describe('change alerts for money', () => {
	it('describes a funding link made, changed and removed', async () => {
		const c = await commitment(published);
		const share = {
			shareKind: 'percent' as const,
			shareBasisPoints: 1000,
			shareAmountKes: null,
			basis: 'indicative' as const,
			note: null
		};
		const linkId = await addFundingLink(db, clerk, c, lineId, share);
		const next = { ...share, shareBasisPoints: 2000 };
		await editFundingLink(db, clerk, c, linkId, linkStamp(share), next);
		await removeFundingLink(db, clerk, c, linkId);
		const { follower, mp } = await changes();
		const line = '1021 Policing Services (2025/26)';
		expect(
			follower.map((r) =>
				r.text_body
					.split('\n')
					.find((l) => l.includes(line))
					?.trim()
			)
		).toEqual([
			`Linked to the budget line ${line}`,
			`Its share of the budget line ${line} has changed`,
			`No longer linked to the budget line ${line}`
		]);
		expect(mp[0]?.text_body).toContain(`Imeunganishwa na kifungu cha bajeti ${line}`);
		expect(mp[2]?.text_body).toContain(`Haijaunganishwa tena na kifungu cha bajeti ${line}`);
	});

	it('tells followers of each published commitment on a line of a new or corrected figure', async () => {
		const share = {
			shareKind: 'percent' as const,
			shareBasisPoints: 1000,
			shareAmountKes: null,
			basis: 'earmarked' as const,
			note: null
		};
		await addFundingLink(db, clerk, await commitment(published), lineId, share);
		await addFundingLink(db, clerk, await commitment(draft), lineId, share);
		const other = await db
			.insertInto('commitments')
			.values({
				...commitmentValues(basics, { ref: 'K/2025/003', title: 'Another' }),
				visibility: 'published'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await addFundingLink(db, clerk, await commitment(other.id), lineId, share);
		const before = (await changes()).all.length;
		await saveFigure(
			db,
			actorOf(clerk),
			{
				budgetLineId: lineId,
				phase: 'released',
				asOf: '2026-09-30',
				amountKes: 125_000_000,
				sourceTitle: 'Exchequer issues, Q1',
				sourceUrl: null,
				replaces: null
			},
			{ today: TODAY }
		);
		const after = (await changes()).all.slice(before);
		// Each published commitment's follower and MP, one message per commitment; nothing about
		// the draft on the same line.
		expect(after.map((r) => `${r.recipient} ${r.subject}`).sort()).toEqual([
			'mbunge@example.test Ahadi: K/2025/001 imebadilika',
			'mbunge@example.test Ahadi: K/2025/003 imebadilika',
			'reader@example.test Ahadi: K/2025/001 has changed',
			'reader@example.test Ahadi: K/2025/003 has changed'
		]);
		const en = after.find((r) => r.language === 'en');
		expect(en?.text_body).toContain(
			'New figure on its budget line 1021 Policing Services (2025/26): Exchequer releases, KES 125,000,000, as at 30 Sep 2026'
		);
		const sw = after.find((r) => r.language === 'sw');
		expect(sw?.text_body).toContain('Takwimu mpya kwenye kifungu chake cha bajeti');
		expect(sw?.text_body).toContain('Fedha zilizotolewa na Hazina');
	});
});

describe('change alerts for a withdrawal', () => {
	it('tells followers a commitment was withdrawn, with the reason, and nothing after', async () => {
		await addFundingLink(db, clerk, await commitment(published), lineId, {
			shareKind: 'percent',
			shareBasisPoints: 1000,
			shareAmountKes: null,
			basis: 'earmarked',
			note: null
		});
		const version = (await commitment(published)).version;
		await withdrawCommitment(db, clerk, published, version, 'Recorded twice; see K/2025/003.');
		const { follower, mp } = await changes();
		expect(follower).toHaveLength(2);
		expect(follower[1]?.text_body).toContain(
			'Withdrawn from publication. Reason: Recorded twice; see K/2025/003.'
		);
		expect(mp[1]?.text_body).toContain(
			'Imeondolewa kwenye uchapishaji. Sababu: Recorded twice; see K/2025/003.'
		);
		// A figure later on the line it was linked to is no news of a withdrawn commitment.
		await saveFigure(
			db,
			actorOf(clerk),
			{
				budgetLineId: lineId,
				phase: 'spent',
				asOf: '2026-09-30',
				amountKes: 1_000_000,
				sourceTitle: 'Expenditure report',
				sourceUrl: null,
				replaces: null
			},
			{ today: TODAY }
		);
		expect((await changes()).all).toHaveLength(4);
	});
});
