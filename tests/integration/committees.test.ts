import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/index';
import { InputError } from '../../src/lib/server/errors';
import { addCommittee, editCommittee } from '../../src/lib/server/services/committees';
import { freshDb } from '../helpers/db';

const admin = { id: null, label: 'test admin' };
let db: Database;

beforeEach(async () => {
	db = await freshDb();
});
afterEach(async () => {
	await db.destroy();
});

describe('committees (admin)', () => {
	it('adds a committee with a slug from its name, audited', async () => {
		const id = await addCommittee(db, admin, {
			name: 'Departmental Committee on Health',
			abbreviation: 'DCH',
			house: 'national_assembly'
		});
		const row = await db
			.selectFrom('committees')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row.slug).toBe('departmental-committee-on-health');
		const audit = await db.selectFrom('audit_log').selectAll().execute();
		expect(audit.map((a) => [a.action, a.entity_id])).toEqual([['committee.created', String(id)]]);
	});

	it('refuses a second committee with the same abbreviation and writes nothing', async () => {
		await addCommittee(db, admin, { name: 'Health', abbreviation: 'DCH', house: 'senate' });
		await expect(
			addCommittee(db, admin, { name: 'Housing', abbreviation: 'DCH', house: 'senate' })
		).rejects.toMatchObject({ errors: { abbreviation: expect.any(String) } });
		await expect(
			addCommittee(db, admin, {
				name: 'Housing',
				abbreviation: 'DCX',
				house: 'senate',
				chair_person_id: 99
			})
		).rejects.toBeInstanceOf(InputError);
		expect(await db.selectFrom('committees').select('id').execute()).toHaveLength(1);
		expect(await db.selectFrom('audit_log').select('id').execute()).toHaveLength(1);
	});

	it('renames a committee but keeps its address, with before and after in the audit log', async () => {
		const id = await addCommittee(db, admin, {
			name: 'Health',
			abbreviation: 'DCH',
			house: 'senate'
		});
		await editCommittee(db, admin, id, {
			name: 'Health and Welfare',
			abbreviation: 'DCHW',
			house: 'senate'
		});
		const row = await db
			.selectFrom('committees')
			.selectAll()
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({ name: 'Health and Welfare', abbreviation: 'DCHW', slug: 'health' });
		const audit = await db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'committee.updated')
			.executeTakeFirstOrThrow();
		expect(JSON.parse(audit.before_json!).name).toBe('Health');
		expect(JSON.parse(audit.after_json!).name).toBe('Health and Welfare');
	});
});
