// An MP's watchlist and private notes: writes are scoped to their owner, each audited once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/server/db/index';
import { getPrivateView, listWatchlist } from '../../src/lib/server/queries/mp-private';
import {
	addPrivateNote,
	deletePrivateNote,
	setWatching
} from '../../src/lib/server/services/mp-private';
import { freshDb } from '../helpers/db';

let db: Database;
let commitmentId: number;
let a: { id: number; label: string };
let b: { id: number; label: string };

beforeEach(async () => {
	db = await freshDb();
	const users = await db
		.insertInto('users')
		.values([
			{ email: 'a@x.example', name: 'A', role: 'mp', password_hash: 'x' },
			{ email: 'b@x.example', name: 'B', role: 'mp', password_hash: 'x' }
		])
		.returning('id')
		.execute();
	[a, b] = users.map((u) => ({ id: u.id, label: `user ${u.id}` })) as [typeof a, typeof b];
	const k = await db
		.insertInto('committees')
		.values({ slug: 'k', name: 'K', abbreviation: 'K', house: 'senate', chair_person_id: null })
		.returning('id')
		.executeTakeFirstOrThrow();
	const org = await db
		.insertInto('organisations')
		.values({ slug: 'o', name: 'O', kind: 'ministry' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const office = await db
		.insertInto('offices')
		.values({ slug: 'cs', title: 'CS', organisation_id: org.id })
		.returning('id')
		.executeTakeFirstOrThrow();
	const sitting = await db
		.insertInto('sittings')
		.values({
			committee_id: k.id,
			sat_on: '2025-04-10',
			subject: 'S',
			source_title: 'Hansard',
			visibility: 'published'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const c = await db
		.insertInto('commitments')
		.values({
			ref: 'K/2025/001',
			title: 'T',
			summary: 'S',
			quote: 'Q',
			quote_source_title: 'Hansard',
			committee_id: k.id,
			sitting_id: sitting.id,
			organisation_id: org.id,
			office_id: office.id,
			type: 'policy',
			given_on: '2025-04-10',
			visibility: 'published'
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	commitmentId = c.id;
});
afterEach(async () => db.destroy());

async function auditActions() {
	const rows = await db.selectFrom('audit_log').select('action').orderBy('id').execute();
	return rows.map((r) => r.action);
}

describe('MP watchlist and notes', () => {
	it('watches once however often asked, and unwatches', async () => {
		await setWatching(db, a, commitmentId, true);
		await setWatching(db, a, commitmentId, true);
		expect((await listWatchlist(db, a.id, '2026-01-15')).map((r) => r.ref)).toEqual(['K/2025/001']);
		await setWatching(db, a, commitmentId, false);
		expect(await listWatchlist(db, a.id, '2026-01-15')).toEqual([]);
		expect(await auditActions()).toEqual(['watchlist.added', 'watchlist.removed']);
	});

	it("never deletes another MP's note; deletes one's own, audited", async () => {
		const note = await addPrivateNote(db, a, commitmentId, 'ask about the training');
		expect(await deletePrivateNote(db, b, note)).toBe(false);
		expect((await getPrivateView(db, a.id, commitmentId)).notes).toHaveLength(1);
		expect(await deletePrivateNote(db, a, note)).toBe(true);
		expect((await getPrivateView(db, a.id, commitmentId)).notes).toEqual([]);
		expect(await auditActions()).toEqual(['private_note.created', 'private_note.deleted']);
	});
});
