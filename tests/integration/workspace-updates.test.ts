// recordUpdate: the rules of an update and its effects, all in one transaction and audited.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOverdue } from '$lib/domain';
import type { Database } from '$lib/server/db/index';
import { listGrantedExtensions } from '$lib/server/queries/public-commitments';
import { recordUpdate, type UpdateInput } from '$lib/server/services/updates';
import { markMilestone, addMilestone } from '$lib/server/services/milestones';
import { InputError, StaleRecordError } from '$lib/server/errors';
import { commitmentValues, freshDb, insertBasics } from '../helpers/db';

const TODAY = '2026-11-28';
let db: Database;
let commitmentId: number;
let author: { id: number; name: string; email: string };
let other: { id: number; name: string; email: string };

async function insertUser(email: string, name: string) {
	const { id } = await db
		.insertInto('users')
		.values({ email, name, role: 'clerk', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, name, email };
}

beforeEach(async () => {
	db = await freshDb();
	const basics = await insertBasics(db);
	author = await insertUser('clerk@example.test', 'Clerk One');
	other = await insertUser('other@example.test', 'Clerk Two');
	({ id: commitmentId } = await db
		.insertInto('commitments')
		.values({
			...commitmentValues(basics),
			due_on: '2025-06-10',
			visibility: 'published',
			procedural_status: 'communicated'
		})
		.returning('id')
		.executeTakeFirstOrThrow());
});
afterEach(async () => {
	await db.destroy();
});

const commitment = () =>
	db.selectFrom('commitments').selectAll().where('id', '=', commitmentId).executeTakeFirstOrThrow();

function input(overrides: Partial<UpdateInput> = {}): UpdateInput {
	return {
		version: 1,
		updateOn: '2026-11-20',
		note: 'The ministry reported progress.',
		deliveryTo: null,
		proceduralTo: null,
		dueTo: null,
		reason: null,
		requestedUntil: null,
		decision: null,
		evidence: [],
		existingEvidenceIds: [],
		...overrides
	};
}

const hansard = {
	slot: 1,
	type: 'hansard' as const,
	title: 'Hansard, 20 November 2026',
	url: 'https://parliament.go.ke/hansard',
	publishedOn: '2026-11-20'
};

/** Row counts of every table an update may write. */
async function counts() {
	const tables = [
		'commitments',
		'updates',
		'evidence',
		'update_evidence',
		'due_date_changes',
		'commitment_requests',
		'audit_log'
	] as const;
	const out: Record<string, number> = {};
	for (const t of tables) {
		const r = await db
			.selectFrom(t)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		out[t] = Number(r.n);
	}
	return out;
}

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await p;
	} catch (e) {
		if (e instanceof InputError) return e.errors;
		throw e;
	}
	throw new Error('expected the update to be refused');
}

describe('recordUpdate', () => {
	it('records a note-only update and bumps the version', async () => {
		const id = await recordUpdate(db, author, commitmentId, input(), { today: TODAY });
		const u = await db
			.selectFrom('updates')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(u).toMatchObject({ note: 'The ministry reported progress.', author_name: 'Clerk One' });
		expect(u.delivery_to).toBeNull();
		const c = await commitment();
		expect(c.version).toBe(2);
		expect(c.updated_by).toBe(author.id);
	});

	it('refuses a status change without evidence and writes nothing', async () => {
		const before = await counts();
		const errors = await refusal(
			recordUpdate(db, author, commitmentId, input({ deliveryTo: 'on_track' }), { today: TODAY })
		);
		expect(errors.evidence_type_1).toMatch(/at least one evidence item/);
		expect(await counts()).toEqual(before);
		expect((await commitment()).delivery_status).toBe('not_started');
	});

	it('changes the delivery status with new evidence, linked to the update', async () => {
		const id = await recordUpdate(
			db,
			author,
			commitmentId,
			input({ deliveryTo: 'on_track', evidence: [hansard] }),
			{ today: TODAY }
		);
		const c = await commitment();
		expect(c.delivery_status).toBe('on_track');
		const u = await db
			.selectFrom('updates')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect([u.delivery_from, u.delivery_to]).toEqual(['not_started', 'on_track']);
		const links = await db
			.selectFrom('update_evidence as ue')
			.innerJoin('evidence as e', 'e.id', 'ue.evidence_id')
			.select(['e.title', 'e.commitment_id', 'e.created_by'])
			.where('ue.update_id', '=', id)
			.execute();
		expect(links).toEqual([
			{ title: hansard.title, commitment_id: commitmentId, created_by: author.id }
		]);
	});

	it('accepts evidence already recorded for the commitment, but not another commitment’s', async () => {
		const first = await recordUpdate(
			db,
			author,
			commitmentId,
			input({ deliveryTo: 'on_track', evidence: [hansard] }),
			{ today: TODAY }
		);
		const { evidence_id } = await db
			.selectFrom('update_evidence')
			.select('evidence_id')
			.where('update_id', '=', first)
			.executeTakeFirstOrThrow();
		await recordUpdate(
			db,
			author,
			commitmentId,
			input({ version: 2, deliveryTo: 'with_challenges', existingEvidenceIds: [evidence_id] }),
			{ today: TODAY }
		);
		expect((await commitment()).delivery_status).toBe('with_challenges');
		const errors = await refusal(
			recordUpdate(
				db,
				author,
				commitmentId,
				input({ version: 3, deliveryTo: 'off_track', existingEvidenceIds: [evidence_id + 999] }),
				{ today: TODAY }
			)
		);
		expect(errors.existing_evidence).toBeDefined();
	});

	it('refuses not_pursued without a reason, then stores the reason on the update and the commitment', async () => {
		const errors = await refusal(
			recordUpdate(
				db,
				author,
				commitmentId,
				input({ deliveryTo: 'not_pursued', evidence: [hansard] }),
				{ today: TODAY }
			)
		);
		expect(errors.reason).toMatch(/not being pursued/);
		await recordUpdate(
			db,
			author,
			commitmentId,
			input({
				deliveryTo: 'not_pursued',
				evidence: [hansard],
				reason: 'Policy abandoned by Cabinet'
			}),
			{ today: TODAY }
		);
		const c = await commitment();
		expect(c.delivery_status).toBe('not_pursued');
		expect(c.status_reason).toBe('Policy abandoned by Cabinet');
		const u = await db.selectFrom('updates').select('reason').executeTakeFirstOrThrow();
		expect(u.reason).toBe('Policy abandoned by Cabinet');
	});

	it('refuses a due-date change without a reason, and writes the history with one', async () => {
		const errors = await refusal(
			recordUpdate(db, author, commitmentId, input({ dueTo: '2026-12-31' }), { today: TODAY })
		);
		expect(errors.reason).toMatch(/due date/);
		const id = await recordUpdate(
			db,
			author,
			commitmentId,
			input({ dueTo: '2026-12-31', reason: 'The committee agreed a new date' }),
			{ today: TODAY }
		);
		const change = await db.selectFrom('due_date_changes').selectAll().executeTakeFirstOrThrow();
		expect(change).toMatchObject({
			commitment_id: commitmentId,
			changed_on: '2026-11-20',
			from_on: '2025-06-10',
			to_on: '2026-12-31',
			reason: 'The committee agreed a new date',
			update_id: id
		});
		const c = await commitment();
		expect(c.due_on).toBe('2026-12-31');
		expect(c.deadline_rule_id).toBeNull();
		const u = await db
			.selectFrom('updates')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect([u.due_from, u.due_to]).toEqual(['2025-06-10', '2026-12-31']);
	});

	it('refuses dates in the future or before the commitment was given', async () => {
		expect(
			(
				await refusal(
					recordUpdate(db, author, commitmentId, input({ updateOn: '2026-11-29' }), {
						today: TODAY
					})
				)
			).update_on
		).toMatch(/future/);
		expect(
			(
				await refusal(
					recordUpdate(db, author, commitmentId, input({ updateOn: '2025-04-09' }), {
						today: TODAY
					})
				)
			).update_on
		).toMatch(/before the commitment/);
		expect(
			(
				await refusal(
					recordUpdate(db, author, commitmentId, input({ dueTo: '2025-01-01', reason: 'x' }), {
						today: TODAY
					})
				)
			).due_to
		).toMatch(/before the commitment/);
	});

	it('records an extension request, then the granted decision, which covers the overdue commitment', async () => {
		expect(isOverdue({ dueOn: '2025-06-10', deliveryStatus: 'not_started' }, TODAY)).toBe(true);
		await recordUpdate(
			db,
			author,
			commitmentId,
			input({
				proceduralTo: 'extension_requested',
				reason: 'Cabinet approval pending',
				requestedUntil: '2027-03-31',
				evidence: [{ ...hansard, type: 'ministry_response', title: 'Letter asking for time' }]
			}),
			{ today: TODAY }
		);
		const request = await db
			.selectFrom('commitment_requests')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(request).toMatchObject({
			kind: 'extension',
			requested_on: '2026-11-20',
			requested_until: '2027-03-31',
			reason: 'Cabinet approval pending',
			decision: 'pending'
		});
		expect((await commitment()).procedural_status).toBe('extension_requested');

		// A second request while one is pending is refused.
		const errors = await refusal(
			recordUpdate(
				db,
				author,
				commitmentId,
				input({ version: 2, proceduralTo: 'drop_requested', reason: 'x', evidence: [hansard] }),
				{ today: TODAY }
			)
		);
		expect(errors.procedural_to).toMatch(/already waiting/);

		await recordUpdate(
			db,
			author,
			commitmentId,
			input({
				version: 2,
				updateOn: '2026-11-27',
				note: 'The committee granted the extension.',
				decision: {
					requestId: request.id,
					outcome: 'granted',
					decidedOn: '2026-11-27',
					grantedUntil: '2027-03-31',
					note: 'Granted at the sitting of 27 November'
				},
				evidence: [{ ...hansard, type: 'committee_report', title: 'Minutes of 27 November' }]
			}),
			{ today: TODAY }
		);
		const decided = await db
			.selectFrom('commitment_requests')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(decided).toMatchObject({
			decision: 'granted',
			decided_on: '2026-11-27',
			granted_until: '2027-03-31',
			decision_note: 'Granted at the sitting of 27 November'
		});
		const c = await commitment();
		expect(c.procedural_status).toBe('extension_granted');
		const granted = await listGrantedExtensions(db, [commitmentId]);
		expect(
			isOverdue(
				{
					dueOn: c.due_on,
					deliveryStatus: c.delivery_status,
					grantedExtensionsUntil: granted.map((g) => g.grantedUntil)
				},
				TODAY
			)
		).toBe(false);
	});

	it('sends the committee process back to where it was when a request is refused', async () => {
		await recordUpdate(
			db,
			author,
			commitmentId,
			input({ proceduralTo: 'drop_requested', reason: 'No longer needed', evidence: [hansard] }),
			{ today: TODAY }
		);
		const request = await db
			.selectFrom('commitment_requests')
			.selectAll()
			.executeTakeFirstOrThrow();
		expect(request.kind).toBe('drop');
		await recordUpdate(
			db,
			author,
			commitmentId,
			input({
				version: 2,
				decision: {
					requestId: request.id,
					outcome: 'refused',
					decidedOn: '2026-11-21',
					grantedUntil: null,
					note: 'The committee wants it delivered'
				},
				evidence: [hansard]
			}),
			{ today: TODAY }
		);
		expect((await commitment()).procedural_status).toBe('communicated');
		expect(
			(await db.selectFrom('commitment_requests').select('decision').executeTakeFirstOrThrow())
				.decision
		).toBe('refused');
	});

	it('refuses a stale version, says who saved and leaves everything unchanged', async () => {
		await recordUpdate(db, other, commitmentId, input(), { today: TODAY });
		const before = await counts();
		let caught: unknown;
		try {
			await recordUpdate(
				db,
				author,
				commitmentId,
				input({ deliveryTo: 'on_track', dueTo: '2026-12-31', reason: 'r', evidence: [hansard] }),
				{ today: TODAY }
			);
		} catch (e) {
			caught = e;
		}
		expect(caught).toBeInstanceOf(StaleRecordError);
		expect((caught as StaleRecordError).by).toBe('Clerk Two');
		expect((caught as StaleRecordError).at).toBeTruthy();
		expect(await counts()).toEqual(before);
		const c = await commitment();
		expect([c.delivery_status, c.due_on, c.version]).toEqual(['not_started', '2025-06-10', 2]);
	});

	it('audits every write of an update in the same transaction', async () => {
		const id = await recordUpdate(
			db,
			author,
			commitmentId,
			input({
				deliveryTo: 'on_track',
				proceduralTo: 'extension_requested',
				requestedUntil: '2027-01-31',
				dueTo: '2026-12-31',
				reason: 'More time needed',
				evidence: [hansard, { ...hansard, slot: 2, title: 'Second item' }]
			}),
			{ today: TODAY }
		);
		const audit = await db
			.selectFrom('audit_log')
			.select(['entity', 'action', 'user_id'])
			.orderBy('id')
			.execute();
		expect(audit.map((a) => `${a.action} ${a.entity}`)).toEqual([
			'commitment.update_recorded commitment',
			'evidence.created evidence',
			'evidence.created evidence',
			'update.created update',
			'due_date_change.created due_date_change',
			'commitment_request.created commitment_request'
		]);
		expect(audit.every((a) => a.user_id === author.id)).toBe(true);
		const updateAudit = await db
			.selectFrom('audit_log')
			.select('after_json')
			.where('entity', '=', 'update')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(updateAudit.after_json!)).toMatchObject({
			commitmentId,
			evidenceIds: expect.any(Array)
		});
		expect(id).toBeGreaterThan(0);
	});

	it('refuses updates to a withdrawn commitment', async () => {
		await db.updateTable('commitments').set({ visibility: 'withdrawn' }).execute();
		const errors = await refusal(recordUpdate(db, author, commitmentId, input(), { today: TODAY }));
		expect(errors.note).toMatch(/withdrawn/);
	});
});

describe('milestones', () => {
	it('marks a milestone met with evidence and adds a line to the change log', async () => {
		const c = await commitment();
		const id = await addMilestone(db, author, c, {
			title: 'Draft policy',
			plannedOn: '2026-01-31',
			weight: 2
		});
		const noEvidence = await refusal(
			markMilestone(
				db,
				author,
				c,
				id,
				{
					version: 1,
					status: 'met',
					actualOn: '2026-02-10',
					evidence: null,
					existingEvidenceId: null
				},
				{ today: TODAY }
			)
		);
		expect(noEvidence.evidence_type_1).toBeDefined();
		const updateId = await markMilestone(
			db,
			author,
			c,
			id,
			{
				version: 1,
				status: 'met',
				actualOn: '2026-02-10',
				evidence: hansard,
				existingEvidenceId: null
			},
			{ today: TODAY }
		);
		const m = await db.selectFrom('milestones').selectAll().executeTakeFirstOrThrow();
		expect(m).toMatchObject({ status: 'met', actual_on: '2026-02-10', version: 2 });
		expect(m.evidence_id).not.toBeNull();
		const u = await db
			.selectFrom('updates')
			.selectAll()
			.where('id', '=', updateId!)
			.executeTakeFirstOrThrow();
		expect(u.note).toBe('Milestone “Draft policy” met.');
		let stale: unknown;
		try {
			await markMilestone(
				db,
				author,
				c,
				id,
				{
					version: 1,
					status: 'missed',
					actualOn: null,
					evidence: null,
					existingEvidenceId: m.evidence_id
				},
				{ today: TODAY }
			);
		} catch (e) {
			stale = e;
		}
		expect(stale).toBeInstanceOf(StaleRecordError);
		expect((stale as StaleRecordError).by).toBe('Clerk One');
	});
});
