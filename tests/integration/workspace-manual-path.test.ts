// The manual path of recording a sitting: the first due-date change is dated by the day the
// undertaking was given; "Who gave it" fills the person and office from the sitting's
// appearances; the offices a person holds come first; and several drafts of a sitting are
// published at once, each in its own transaction and audited, refusing anything else.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/index';
import { InputError, StaleRecordError } from '../../src/lib/server/errors';
import { sittingCommitmentSchema, withGiver } from '../../src/lib/server/forms/commitment';
import { validateForm } from '../../src/lib/server/forms/validation';
import { listReferenceOptions } from '../../src/lib/server/queries/reference';
import {
	createCommitment,
	publishCommitment,
	type Editor
} from '../../src/lib/server/services/workspace-commitments';
import { addDeadlineRule } from '../../src/lib/server/services/deadline-rules';
import { publishSittingDrafts } from '../../src/lib/server/services/publish-drafts';
import { addPerson, recordOfficeHolding } from '../../src/lib/server/services/reference';
import { freshDb, insertBasics, insertTreasury } from '../helpers/db';

let db: Database;
let basics: Awaited<ReturnType<typeof insertBasics>>;
let clerk: Editor;
let ruleId: number;

beforeEach(async () => {
	db = await freshDb();
	basics = await insertBasics(db);
	const { id } = await db
		.insertInto('users')
		.values({
			email: 'clerk@example.test',
			name: 'Clerk Achieng',
			role: 'clerk',
			password_hash: 'x'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	clerk = { id, name: 'Clerk Achieng', email: 'clerk@example.test' };
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

afterEach(async () => {
	await db.destroy();
});

function draft(title: string, givenOn = '2025-04-10', sittingId = basics.sittingId) {
	return createCommitment(db, clerk, {
		title,
		summary: 'Test data.',
		quote: 'We will do it. (test data)',
		quoteSourceTitle: 'Hansard (test data)',
		quoteSourceUrl: null,
		quoteSourceLocator: null,
		organisationId: basics.orgId,
		officeId: basics.officeId,
		personId: null,
		type: 'policy',
		tags: [],
		measurableTarget: null,
		sitting: { id: sittingId, committeeId: basics.committeeId },
		givenOn,
		due: { mode: 'rule', ruleId }
	});
}

const visibilityOf = async (id: number) =>
	(
		await db
			.selectFrom('commitments')
			.select('visibility')
			.where('id', '=', id)
			.executeTakeFirstOrThrow()
	).visibility;
const auditCount = async () =>
	Number(
		(
			await db
				.selectFrom('audit_log')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);

describe('the due-date history of a new commitment', () => {
	it('is dated by the day the undertaking was given, not the day it was typed', async () => {
		const { id } = await draft('Given long ago (test data)', '2024-11-05');
		const changes = await db
			.selectFrom('due_date_changes')
			.select(['changed_on', 'from_on', 'to_on'])
			.where('commitment_id', '=', id)
			.execute();
		expect(changes).toEqual([{ changed_on: '2024-11-05', from_on: null, to_on: '2025-01-04' }]);
	});
});

describe('"Who gave it" on the sitting page', () => {
	const appearances = () => [{ personId: 7, officeId: basics.officeId }];
	const posted = (fields: Record<string, string>) => {
		const f = new FormData();
		for (const [k, v] of Object.entries(fields)) f.set(k, v);
		return f;
	};

	it('fills the person and lead office from an appearance of the sitting', () => {
		const { formData, errors } = withGiver(
			posted({ giver: `7:${basics.officeId}`, person_id: '', office_id: '' }),
			appearances()
		);
		expect(errors).toEqual({});
		expect(formData.get('person_id')).toBe('7');
		expect(formData.get('office_id')).toBe(String(basics.officeId));
	});

	it('refuses a pair that did not appear, and fields that disagree with the pair', () => {
		expect(withGiver(posted({ giver: '8:1' }), appearances()).errors).toHaveProperty('giver');
		expect(withGiver(posted({ giver: 'x:1' }), appearances()).errors).toHaveProperty('giver');
		const disagree = withGiver(
			posted({ giver: `7:${basics.officeId}`, office_id: String(basics.officeId + 1) }),
			appearances()
		);
		expect(disagree.errors).toHaveProperty('giver');
		expect(disagree.formData.get('person_id')).toBeNull();
	});

	it('leaves the fields to the clerk for "someone else", and the form still needs an office', () => {
		const { formData, errors } = withGiver(posted({ giver: 'other' }), appearances());
		expect(errors).toEqual({});
		const form = validateForm(formData, sittingCommitmentSchema);
		expect(form.ok).toBe(false);
		if (!form.ok) expect(form.errors).toHaveProperty('office_id');
	});
});

describe('the office choices of a person', () => {
	it('lists who held which current office, for grouping the offices by person', async () => {
		const treasury = await insertTreasury(db);
		const actor = { id: clerk.id, label: clerk.email };
		const amina = await addPerson(db, actor, 'Amina Test-Data');
		await recordOfficeHolding(db, actor, {
			personId: amina,
			officeId: treasury.officeId,
			startOn: '2024-01-01'
		});
		const { holdings } = await listReferenceOptions(db);
		expect(holdings).toEqual([{ personId: amina, officeId: treasury.officeId }]);
	});
});

describe('publishSittingDrafts', () => {
	it('publishes each selected draft, audited, and leaves the others as drafts', async () => {
		const a = await draft('First draft (test data)');
		const b = await draft('Second draft (test data)');
		const c = await draft('Third draft (test data)');
		const outcome = await publishSittingDrafts(db, clerk, basics.sittingId, [a.id, b.id]);
		expect(outcome).toEqual({ published: [a.ref, b.ref], failed: [] });
		expect(await visibilityOf(a.id)).toBe('published');
		expect(await visibilityOf(b.id)).toBe('published');
		expect(await visibilityOf(c.id)).toBe('draft');
		const audited = await db
			.selectFrom('audit_log')
			.select(['action', 'entity_id'])
			.where('action', 'in', ['commitment.published', 'sitting.published'])
			.orderBy('id')
			.execute();
		expect(audited).toEqual([
			{ action: 'commitment.published', entity_id: String(a.id) },
			{ action: 'sitting.published', entity_id: String(basics.sittingId) },
			{ action: 'commitment.published', entity_id: String(b.id) }
		]);
	});

	it('refuses a published commitment, another sitting’s draft or an unknown id, changing nothing', async () => {
		const a = await draft('A draft (test data)');
		const b = await draft('Published already (test data)');
		await publishCommitment(db, clerk, b.id, 1);
		const other = await db
			.insertInto('sittings')
			.values({
				committee_id: basics.committeeId,
				sat_on: '2025-05-01',
				subject: 'Another sitting (test data)',
				source_title: 'Hansard'
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const elsewhere = await draft('Another sitting’s draft (test data)', '2025-05-01', other.id);
		const before = await auditCount();
		for (const ids of [[a.id, b.id], [a.id, elsewhere.id], [a.id, 999_999], []]) {
			const refused = await publishSittingDrafts(db, clerk, basics.sittingId, ids).catch((e) => e);
			expect(refused, JSON.stringify(ids)).toBeInstanceOf(InputError);
			expect(Object.keys((refused as InputError).errors)).toEqual(['publish']);
		}
		expect(await visibilityOf(a.id)).toBe('draft');
		expect(await visibilityOf(elsewhere.id)).toBe('draft');
		expect(await auditCount()).toBe(before);
	});

	it('reports by ref a draft someone changed meanwhile, and still publishes the others', async () => {
		const a = await draft('Publishes (test data)');
		const b = await draft('Changed meanwhile (test data)');
		const c = await draft('Publishes too (test data)');
		// Another clerk saves b after the drafts were read, just before the first one publishes.
		let raced = false;
		const racing = new Proxy(db, {
			get(target, prop, receiver) {
				if (prop !== 'transaction') {
					const value: unknown = Reflect.get(target, prop, receiver);
					// Kysely's methods read private fields: call them on the real instance.
					return typeof value === 'function' ? value.bind(target) : value;
				}
				return () => ({
					execute: async <T>(fn: Parameters<ReturnType<Database['transaction']>['execute']>[0]) => {
						if (!raced) {
							raced = true;
							await target
								.updateTable('commitments')
								.set({ version: sql<number>`version + 1` })
								.where('id', '=', b.id)
								.execute();
						}
						return target.transaction().execute(fn) as Promise<T>;
					}
				});
			}
		});
		const outcome = await publishSittingDrafts(racing, clerk, basics.sittingId, [c.id, a.id, b.id]);
		expect(outcome.published).toEqual([a.ref, c.ref]);
		expect(outcome.failed.map((f) => f.ref)).toEqual([b.ref]);
		expect(outcome.failed[0]!.error).toBeInstanceOf(StaleRecordError);
		expect(await visibilityOf(b.id)).toBe('draft');
		expect(await visibilityOf(c.id)).toBe('published');
	});
});
