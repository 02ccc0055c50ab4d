import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/lib/server/audit';
import { listAuditEntities, listAuditEntries } from '../../src/lib/server/queries/audit';
import { freshDb } from './auth-helpers';

async function seed(db: Awaited<ReturnType<typeof freshDb>>) {
	const rows: [at: string, entity: string][] = [
		['2026-01-01T20:59:59.000Z', 'user'], // 1 Jan, 23:59 in Nairobi
		['2026-01-01T21:00:00.000Z', 'commitment'], // 2 Jan, 00:00 in Nairobi
		['2026-01-02T12:00:00.000Z', 'commitment'],
		['2026-01-03T12:00:00.000Z', 'user']
	];
	for (const [at, entity] of rows) {
		await db
			.insertInto('audit_log')
			.values({
				at,
				user_id: null,
				actor: 'system',
				action: `${entity}.changed`,
				entity,
				entity_id: '1',
				before_json: null,
				after_json: null
			})
			.execute();
	}
}

describe('audit log queries', () => {
	it('filters by entity and time range and pages newest first', async () => {
		const db = await freshDb();
		await seed(db);
		const all = await listAuditEntries(db, {}, { pageSize: 3 });
		expect(all.total).toBe(4);
		expect(all.rows.map((r) => r.at)).toEqual([
			'2026-01-03T12:00:00.000Z',
			'2026-01-02T12:00:00.000Z',
			'2026-01-01T21:00:00.000Z'
		]);
		const page2 = await listAuditEntries(db, {}, { page: 2, pageSize: 3 });
		expect(page2.rows.map((r) => r.at)).toEqual(['2026-01-01T20:59:59.000Z']);

		const commitments = await listAuditEntries(db, { entity: 'commitment' });
		expect(commitments.total).toBe(2);

		// 2 Jan in Nairobi: [2026-01-01T21:00Z, 2026-01-02T21:00Z)
		const day = await listAuditEntries(db, {
			fromAt: '2026-01-01T21:00:00.000Z',
			beforeAt: '2026-01-02T21:00:00.000Z'
		});
		expect(day.rows.map((r) => r.at)).toEqual([
			'2026-01-02T12:00:00.000Z',
			'2026-01-01T21:00:00.000Z'
		]);
		expect(await listAuditEntities(db)).toEqual(['commitment', 'user']);
	});

	it('filters by user', async () => {
		const db = await freshDb();
		const u = await db
			.insertInto('users')
			.values({ email: 'a@x.example', name: 'A', role: 'admin', password_hash: 'x' })
			.returning('id')
			.executeTakeFirstOrThrow();
		await recordAudit(db, { id: u.id, label: 'A' }, { action: 'user.updated' });
		await recordAudit(db, { id: null, label: 'system' }, { action: 'user.created' });
		const mine = await listAuditEntries(db, { userId: u.id });
		expect(mine.rows.map((r) => r.action)).toEqual(['user.updated']);
	});
});
