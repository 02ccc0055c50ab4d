// The clerk workspace's use cases against a fresh, migrated database: recording commitments
// (ref numbering, rule-derived due dates and their history), the version check that refuses a
// stale save, publishing and withdrawing (audited), sittings, and the reference lists.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDeadlineRule } from '../../src/lib/domain';
import type { Database } from '../../src/lib/server/db/index';
import { InputError, StaleRecordError } from '../../src/lib/server/errors';
import {
	createCommitment,
	publishCommitment,
	saveCommitment,
	withdrawCommitment,
	type CommitmentDetails,
	type Editor
} from '../../src/lib/server/services/workspace-commitments';
import {
	addDeadlineRule,
	setDeadlineRuleActivity
} from '../../src/lib/server/services/deadline-rules';
import {
	addPerson,
	mergeReference,
	recordOfficeHolding
} from '../../src/lib/server/services/reference';
import { createSitting, saveSitting } from '../../src/lib/server/services/sittings';
import { freshDb, insertBasics } from '../helpers/db';

let db: Database;
let basics: Awaited<ReturnType<typeof insertBasics>>;
let alice: Editor;
let bob: Editor;
let ruleId: number;

async function insertUser(email: string, name: string): Promise<Editor> {
	const { id } = await db
		.insertInto('users')
		.values({ email, name, role: 'clerk', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, name, email };
}

function details(overrides: Partial<CommitmentDetails> = {}): CommitmentDetails {
	return {
		title: 'Create a special anti-human-trafficking unit (test data)',
		summary: 'Test data: a unit to dismantle trafficking networks.',
		quote: 'We are looking to establish a special anti-human trafficking unit. (test data)',
		quoteSourceTitle: 'Hansard (test data)',
		quoteSourceUrl: null,
		quoteSourceLocator: null,
		organisationId: basics.orgId,
		officeId: basics.officeId,
		personId: null,
		type: 'institution',
		tags: ['Human trafficking', 'policing'],
		measurableTarget: null,
		...overrides
	};
}

const sitting = () => ({ id: basics.sittingId, committeeId: basics.committeeId });
const count = async (table: 'audit_log' | 'updates' | 'due_date_changes' | 'commitments') =>
	Number(
		(
			await db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
const row = (id: number) =>
	db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const auditsOf = (entity: string, id: number) =>
	db
		.selectFrom('audit_log')
		.selectAll()
		.where('entity', '=', entity)
		.where('entity_id', '=', String(id))
		.orderBy('id')
		.execute();

afterEach(async () => {
	await db.destroy();
});

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
	alice = await insertUser('alice@example.test', 'Alice Wanjiku');
	bob = await insertUser('bob@example.test', 'Bob Kiprono');
	ruleId = await addDeadlineRule(
		db,
		{ id: null, label: 'test' },
		{
			name: 'Report within 60 days',
			description: 'Test rule',
			unit: 'days',
			amount: 60,
			authority: null
		}
	);
});

describe('createCommitment', () => {
	it('derives the due date from the rule and records it as the first due-date change', async () => {
		const { id, ref } = await createCommitment(db, alice, {
			...details(),
			sitting: sitting(),
			givenOn: '2025-04-10',
			due: { mode: 'rule', ruleId }
		});
		expect(ref).toBe('K/2025/001');
		const c = await row(id);
		expect(c).toMatchObject({
			visibility: 'draft',
			due_on: applyDeadlineRule('2025-04-10', { unit: 'days', amount: 60 }),
			deadline_rule_id: ruleId,
			due_basis: 'Report within 60 days',
			updated_by: alice.id,
			version: 1
		});
		expect(c.due_on).toBe('2025-06-09');
		const changes = await db.selectFrom('due_date_changes').selectAll().execute();
		expect(changes).toEqual([
			expect.objectContaining({
				commitment_id: id,
				from_on: null,
				to_on: '2025-06-09',
				deadline_rule_id: ruleId,
				reason: 'Set by rule: Report within 60 days'
			})
		]);
		const tags = await db.selectFrom('tags').select(['slug', 'name']).orderBy('slug').execute();
		expect(tags).toEqual([
			{ slug: 'human-trafficking', name: 'Human trafficking' },
			{ slug: 'policing', name: 'policing' }
		]);
		const [audit] = await auditsOf('commitment', id);
		expect(audit).toMatchObject({ action: 'commitment.created', user_id: alice.id });
		expect(JSON.parse(audit!.after_json!)).toMatchObject({ ref, due_on: '2025-06-09' });
	});

	it('numbers refs per committee and year, after the highest one used', async () => {
		const make = (givenOn: string) =>
			createCommitment(db, alice, {
				...details(),
				sitting: sitting(),
				givenOn,
				due: { mode: 'none' }
			});
		expect((await make('2025-04-10')).ref).toBe('K/2025/001');
		expect((await make('2025-05-01')).ref).toBe('K/2025/002');
		expect((await make('2026-01-05')).ref).toBe('K/2026/001');
		await db
			.insertInto('commitments')
			.values({
				ref: 'K/2025/017',
				committee_id: basics.committeeId,
				sitting_id: basics.sittingId,
				title: 'Imported',
				summary: '',
				quote: '',
				quote_source_title: 'x',
				organisation_id: basics.orgId,
				office_id: basics.officeId,
				type: 'policy',
				given_on: '2025-04-10'
			})
			.execute();
		expect((await make('2025-12-31')).ref).toBe('K/2025/018');
		// Without a due date there is no due-date history.
		expect(await count('due_date_changes')).toBe(0);
	});

	it('gives concurrent requests distinct refs', async () => {
		const results = await Promise.all(
			Array.from({ length: 5 }, () =>
				createCommitment(db, alice, {
					...details(),
					sitting: sitting(),
					givenOn: '2025-04-10',
					due: { mode: 'none' }
				})
			)
		);
		expect(new Set(results.map((r) => r.ref)).size).toBe(5);
	});

	it('records a due date set by hand with its reason, and refuses one before the date given', async () => {
		const { id } = await createCommitment(db, alice, {
			...details(),
			sitting: sitting(),
			givenOn: '2025-04-10',
			due: { mode: 'hand', dueOn: '2025-12-31', basis: 'Date the Cabinet Secretary gave' }
		});
		expect((await row(id)).due_basis).toBe('Date the Cabinet Secretary gave');
		const change = await db.selectFrom('due_date_changes').selectAll().executeTakeFirstOrThrow();
		expect(change.reason).toBe('Set by hand: Date the Cabinet Secretary gave');

		const before = [await count('commitments'), await count('audit_log')];
		await expect(
			createCommitment(db, alice, {
				...details(),
				sitting: sitting(),
				givenOn: '2025-04-10',
				due: { mode: 'hand', dueOn: '2025-04-09', basis: 'x' }
			})
		).rejects.toMatchObject({ errors: { due_on: expect.any(String) } });
		expect([await count('commitments'), await count('audit_log')]).toEqual(before);
	});

	it('refuses an inactive rule and a retired office', async () => {
		await setDeadlineRuleActivity(db, { id: null, label: 'test' }, ruleId, false);
		await expect(
			createCommitment(db, alice, {
				...details(),
				sitting: sitting(),
				givenOn: '2025-04-10',
				due: { mode: 'rule', ruleId }
			})
		).rejects.toBeInstanceOf(InputError);
		await db.updateTable('offices').set({ retired_at: '2025-01-01' }).execute();
		await expect(
			createCommitment(db, alice, {
				...details(),
				sitting: sitting(),
				givenOn: '2025-04-10',
				due: { mode: 'none' }
			})
		).rejects.toMatchObject({ errors: { office_id: expect.any(String) } });
		expect(await count('commitments')).toBe(0);
	});
});

describe('saveCommitment (compare-and-swap on version)', () => {
	async function draft() {
		return (
			await createCommitment(db, alice, {
				...details(),
				sitting: sitting(),
				givenOn: '2025-04-10',
				due: { mode: 'rule', ruleId }
			})
		).id;
	}

	it('refuses a stale save, names who saved and when, and leaves the row unchanged', async () => {
		const id = await draft();
		// Alice and Bob both opened version 1; Alice saves first.
		await saveCommitment(db, alice, id, 1, { ...details({ title: 'Alice’s title' }) });
		const afterAlice = await row(id);
		expect(afterAlice).toMatchObject({ title: 'Alice’s title', version: 2, updated_by: alice.id });
		const audits = await count('audit_log');

		const refused = await saveCommitment(db, bob, id, 1, details({ title: 'Bob’s title' })).catch(
			(e: unknown) => e
		);
		expect(refused).toBeInstanceOf(StaleRecordError);
		expect(refused).toMatchObject({ by: 'Alice Wanjiku', at: afterAlice.updated_at });
		expect(await row(id)).toEqual(afterAlice);
		expect(await count('audit_log')).toBe(audits);
	});

	it('writes nothing when nothing changed, and re-derives a draft’s due date', async () => {
		const id = await draft();
		expect(await saveCommitment(db, alice, id, 1, details())).toEqual({ changed: false });
		expect((await row(id)).version).toBe(1);
		await saveCommitment(db, alice, id, 1, {
			...details(),
			givenOn: '2025-05-01',
			due: { mode: 'rule', ruleId }
		});
		expect(await row(id)).toMatchObject({
			given_on: '2025-05-01',
			due_on: '2025-06-30',
			version: 2
		});
		expect(await count('due_date_changes')).toBe(2);
	});

	it('notes a correction to a published record in its change log', async () => {
		const id = await draft();
		await publishCommitment(db, alice, id, 1);
		await saveCommitment(db, bob, id, 2, {
			...details({ title: 'Corrected title' }),
			givenOn: '2030-01-01',
			due: { mode: 'none' }
		});
		const c = await row(id);
		// Once published, the given and due dates do not change through the edit form.
		expect(c).toMatchObject({
			title: 'Corrected title',
			given_on: '2025-04-10',
			due_on: '2025-06-09'
		});
		const update = await db.selectFrom('updates').selectAll().executeTakeFirstOrThrow();
		expect(update).toMatchObject({ note: 'Record corrected: title.', author_name: 'Bob Kiprono' });
	});
});

describe('publish and withdraw', () => {
	it('publishes explicitly and audits it, publishing the sitting with it', async () => {
		const { id } = await createCommitment(db, alice, {
			...details(),
			sitting: sitting(),
			givenOn: '2025-04-10',
			due: { mode: 'none' }
		});
		await expect(publishCommitment(db, alice, id, 7)).rejects.toBeInstanceOf(StaleRecordError);
		expect((await row(id)).visibility).toBe('draft');

		await publishCommitment(db, alice, id, 1);
		const c = await row(id);
		expect(c.visibility).toBe('published');
		expect(c.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect((await auditsOf('commitment', id)).map((a) => a.action)).toEqual([
			'commitment.created',
			'commitment.published'
		]);
		const s = await db.selectFrom('sittings').selectAll().executeTakeFirstOrThrow();
		expect(s.visibility).toBe('published');
		expect((await auditsOf('sitting', s.id)).map((a) => a.action)).toEqual(['sitting.published']);
		await expect(publishCommitment(db, alice, id, 2)).rejects.toMatchObject({
			errors: { publish: expect.any(String) }
		});
	});

	it('withdraws a published record with its reason in the change log, audited', async () => {
		const { id } = await createCommitment(db, alice, {
			...details(),
			sitting: sitting(),
			givenOn: '2025-04-10',
			due: { mode: 'none' }
		});
		await expect(withdrawCommitment(db, alice, id, 1, 'Duplicate')).rejects.toMatchObject({
			errors: { reason: expect.any(String) }
		});
		await publishCommitment(db, alice, id, 1);
		await withdrawCommitment(db, bob, id, 2, 'Duplicate of K/2025/002');
		expect(await row(id)).toMatchObject({
			visibility: 'withdrawn',
			withdrawn_reason: 'Duplicate of K/2025/002',
			version: 3
		});
		const update = await db.selectFrom('updates').selectAll().executeTakeFirstOrThrow();
		expect(update).toMatchObject({
			note: 'Withdrawn from publication.',
			reason: 'Duplicate of K/2025/002',
			author_id: bob.id
		});
		expect((await auditsOf('commitment', id)).at(-1)).toMatchObject({
			action: 'commitment.withdrawn',
			user_id: bob.id
		});
		await expect(saveCommitment(db, alice, id, 3, details())).rejects.toMatchObject({
			errors: { form: expect.any(String) }
		});
	});
});

describe('sittings', () => {
	it('records a sitting with who appeared, and refuses a stale edit naming who saved', async () => {
		const person = await addPerson(db, { id: alice.id, label: 'Alice' }, 'Test Person');
		const input = {
			satOn: '2025-04-23',
			subject: 'Test data: appearance of the Cabinet Secretary',
			sourceTitle: 'Hansard (test data)',
			sourceUrl: null,
			sourceLocator: null,
			appearances: [{ personId: person, officeId: basics.officeId }]
		};
		const id = await createSitting(db, alice, { ...input, committeeId: basics.committeeId });
		const appearances = await db
			.selectFrom('sitting_appearances')
			.selectAll()
			.where('sitting_id', '=', id)
			.execute();
		expect(appearances).toHaveLength(1);

		await saveSitting(db, alice, id, 1, { ...input, subject: 'Alice’s subject' });
		const refused = await saveSitting(db, bob, id, 1, { ...input, subject: 'Bob’s' }).catch(
			(e: unknown) => e
		);
		expect(refused).toBeInstanceOf(StaleRecordError);
		expect(refused).toMatchObject({ by: 'Alice Wanjiku' });
		const s = await db
			.selectFrom('sittings')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(s).toMatchObject({ subject: 'Alice’s subject', version: 2 });
		expect((await auditsOf('sitting', id)).map((a) => a.action)).toEqual([
			'sitting.created',
			'sitting.updated'
		]);
	});
});

describe('reference lists', () => {
	const admin = { id: null, label: 'admin (test)' };

	it('merging people re-points commitments, appearances and holdings in one go, audited', async () => {
		const keep = await addPerson(db, admin, 'Kipchumba Murkomen');
		const dup = await addPerson(db, admin, 'K. Murkomen');
		const { id } = await createCommitment(db, alice, {
			...details({ personId: dup }),
			sitting: sitting(),
			givenOn: '2025-04-10',
			due: { mode: 'none' }
		});
		await db
			.insertInto('sitting_appearances')
			.values({ sitting_id: basics.sittingId, person_id: dup, office_id: basics.officeId })
			.execute();
		await recordOfficeHolding(db, admin, {
			personId: dup,
			officeId: basics.officeId,
			startOn: '2024-08-08'
		});

		await mergeReference(db, admin, 'person', dup, keep);
		expect((await row(id)).person_id).toBe(keep);
		const appearance = await db
			.selectFrom('sitting_appearances')
			.select('person_id')
			.executeTakeFirstOrThrow();
		expect(appearance.person_id).toBe(keep);
		const holding = await db
			.selectFrom('office_holdings')
			.select('person_id')
			.executeTakeFirstOrThrow();
		expect(holding.person_id).toBe(keep);
		const old = await db
			.selectFrom('people')
			.selectAll()
			.where('id', '=', dup)
			.executeTakeFirstOrThrow();
		expect(old.merged_into_id).toBe(keep);
		expect(old.retired_at).not.toBeNull();
		const [audit] = (await auditsOf('person', dup)).filter((a) => a.action === 'person.merged');
		expect(JSON.parse(audit!.after_json!).moved).toMatchObject({
			commitments: 1,
			sittingAppearances: 1,
			officeHoldings: 1
		});
		await expect(mergeReference(db, admin, 'person', dup, keep)).rejects.toMatchObject({
			errors: { merge_from_id: expect.any(String) }
		});
	});

	it('merging organisations moves offices and commitments', async () => {
		const { id: other } = await db
			.insertInto('organisations')
			.values({ slug: 'dup', name: 'Duplicate ministry', kind: 'ministry' })
			.returning('id')
			.executeTakeFirstOrThrow();
		const { id } = await createCommitment(db, alice, {
			...details(),
			sitting: sitting(),
			givenOn: '2025-04-10',
			due: { mode: 'none' }
		});
		await mergeReference(db, admin, 'organisation', basics.orgId, other);
		expect((await row(id)).organisation_id).toBe(other);
		const office = await db
			.selectFrom('offices')
			.select('organisation_id')
			.executeTakeFirstOrThrow();
		expect(office.organisation_id).toBe(other);
	});

	it('a new holder of an office ends the previous holder’s term, keeping the history', async () => {
		const first = await addPerson(db, admin, 'First Holder');
		const second = await addPerson(db, admin, 'Second Holder');
		await recordOfficeHolding(db, admin, {
			personId: first,
			officeId: basics.officeId,
			startOn: '2023-01-01'
		});
		await recordOfficeHolding(db, admin, {
			personId: second,
			officeId: basics.officeId,
			startOn: '2025-03-27'
		});
		const holdings = await db
			.selectFrom('office_holdings')
			.select(['person_id', 'start_on', 'end_on'])
			.orderBy('id')
			.execute();
		expect(holdings).toEqual([
			{ person_id: first, start_on: '2023-01-01', end_on: '2025-03-27' },
			{ person_id: second, start_on: '2025-03-27', end_on: null }
		]);
	});
});
