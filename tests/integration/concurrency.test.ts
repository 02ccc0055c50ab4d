// Concurrent writers on the dialect under test: no lost update, and the CSV import transaction
// is safe when two run at once. On PostgreSQL the writers use two connection pools, as two app
// instances would. On SQLite they share one handle, which is the production topology (one
// server process, one connection; Kysely queues its transactions), so the race is the same one
// a busy single server sees.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { createDb, type Database } from '../../src/lib/server/db/index';
import { StaleRecordError } from '../../src/lib/server/errors';
import {
	createCommitment,
	saveCommitment,
	type CommitmentDetails,
	type Editor
} from '../../src/lib/server/services/workspace-commitments';
import {
	BUDGET_CSV_COLUMNS,
	applyBudgetImport,
	parseBudgetCsv
} from '../../src/lib/server/services/budget-import';
import { insertBasics } from '../helpers/db';
import { TEST_DIALECT, newDatabaseUrl } from '../helpers/test-db';

let first: Database;
let second: Database;
let basics: Awaited<ReturnType<typeof insertBasics>>;

beforeEach(async () => {
	const url = await newDatabaseUrl();
	first = createDb(url);
	second = TEST_DIALECT === 'postgres' ? createDb(url) : first;
	basics = await insertBasics(first);
});

afterEach(async () => {
	await first.destroy();
	if (second !== first) await second.destroy();
});

/** The handle the i-th writer uses (alternating between "instances" on PostgreSQL). */
const on = (i: number) => (i % 2 === 0 ? first : second);
const db = () => first;

async function clerk(i: number): Promise<Editor> {
	const email = `clerk${i}@example.test`;
	const name = `Clerk ${i}`;
	const { id } = await db()
		.insertInto('users')
		.values({ email, name, role: 'clerk', password_hash: 'x' })
		.returning('id')
		.executeTakeFirstOrThrow();
	return { id, name, email };
}

function details(title: string): CommitmentDetails {
	return {
		title,
		summary: 'Test data.',
		quote: 'We will do it. (test data)',
		quoteSourceTitle: 'Hansard (test data)',
		quoteSourceUrl: null,
		quoteSourceLocator: null,
		organisationId: basics.orgId,
		officeId: basics.officeId,
		personId: null,
		type: 'institution',
		tags: [],
		measurableTarget: null
	};
}

async function newCommitment(by: Editor): Promise<number> {
	const { id } = await createCommitment(db(), by, {
		...details('Original title'),
		sitting: { id: basics.sittingId, committeeId: basics.committeeId },
		givenOn: '2025-04-10',
		due: { mode: 'none' }
	});
	return id;
}

async function current(id: number) {
	return db()
		.selectFrom('commitments')
		.select(['title', 'version'])
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
}

async function appliedSaves(id: number) {
	const rows = await db()
		.selectFrom('audit_log')
		.select('after_json')
		.where('action', '=', 'commitment.updated')
		.where('entity_id', '=', String(id))
		.orderBy('id')
		.execute();
	return rows.map((r) => JSON.parse(r.after_json ?? '{}') as { title?: string; version: number });
}

describe(`concurrent writers (${TEST_DIALECT})`, () => {
	it('lets exactly one of eight saves of the same version through; the rest are refused as stale', async () => {
		const clerks = await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(clerk));
		const id = await newCommitment(clerks[0]!);
		const results = await Promise.allSettled(
			clerks.map((c, i) => saveCommitment(on(i), c, id, 1, details(`Title from clerk ${i}`)))
		);
		const applied = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
		const refused = results.filter((r) => r.status === 'rejected');
		expect(applied).toHaveLength(1);
		expect(refused).toHaveLength(7);
		for (const r of refused) expect(r.reason).toBeInstanceOf(StaleRecordError);

		const winner = applied[0];
		expect(await current(id)).toEqual({ title: `Title from clerk ${winner}`, version: 2 });
		expect(await appliedSaves(id)).toEqual([{ title: `Title from clerk ${winner}`, version: 2 }]);
	});

	it('loses no update when writers keep retrying for a bounded number of rounds', async () => {
		const clerks = await Promise.all([0, 1, 2, 3].map(clerk));
		const ids = [await newCommitment(clerks[0]!), await newCommitment(clerks[0]!)];
		let applied = 0;
		let stale = 0;
		let attempts = 0;
		// Each writer makes 6 saves, alternating between the two commitments; on a stale version
		// it reloads and tries again (at most 50 attempts per save).
		await Promise.all(
			clerks.map(async (c, w) => {
				for (let n = 0; n < 6; n++) {
					const id = ids[(w + n) % 2]!;
					for (let attempt = 0; attempt < 50; attempt++) {
						const { version } = await current(id);
						attempts++;
						try {
							await saveCommitment(on(w), c, id, version, details(`w${w} n${n} a${attempt}`));
							applied++;
							break;
						} catch (e) {
							if (!(e instanceof StaleRecordError)) throw e;
							stale++;
						}
					}
				}
			})
		);
		expect(applied).toBe(24);
		let audited = 0;
		for (const id of ids) {
			const saves = await appliedSaves(id);
			audited += saves.length;
			const now = await current(id);
			// Every applied save moved the version by one and left one audit row, and the row
			// holds the newest of them.
			expect(now.version).toBe(1 + saves.length);
			expect(saves.map((s) => s.version)).toEqual(saves.map((_, i) => i + 2));
			expect(now.title).toBe(saves.at(-1)?.title);
		}
		expect(audited).toBe(applied);
		expect(attempts).toBe(applied + stale);

		// Two saves from the same version: whoever comes second is refused, and leaves no trace.
		const id = ids[0]!;
		const { version } = await current(id);
		const before = (await appliedSaves(id)).length;
		await saveCommitment(on(0), clerks[0]!, id, version, details('first from this version'));
		await expect(
			saveCommitment(on(1), clerks[1]!, id, version, details('second from this version'))
		).rejects.toBeInstanceOf(StaleRecordError);
		expect((await current(id)).title).toBe(details('first from this version').title);
		expect(await appliedSaves(id)).toHaveLength(before + 1);
	});

	it('runs two imports of the same file at once without duplicates or errors', async () => {
		const header = BUDGET_CSV_COLUMNS.join(',');
		const row = (programme: string, phase: string, amount: number) =>
			`2025/26,1021,State Department for Internal Security,${programme},,recurrent,${phase},${amount},2025-06-26,Test source (illustrative),`;
		const text = [
			header,
			row('Policing Services', 'approved', 6_985_000_000),
			row('Policing Services', 'released', 1_000_000_000),
			row('Administration', 'approved', 500_000_000)
		].join('\n');
		const { rows, errors } = await parseBudgetCsv(text);
		expect(errors).toEqual([]);

		const results = await Promise.all([
			applyBudgetImport(on(0), rows, SYSTEM_ACTOR),
			applyBudgetImport(on(1), rows, SYSTEM_ACTOR)
		]);
		// One of them added the rows; the other, serialised after it, found them unchanged.
		expect(results.map((r) => r.added).sort()).toEqual([0, 3]);
		expect(results.map((r) => r.unchanged).sort()).toEqual([0, 3]);
		const count = async (table: 'budget_lines' | 'budget_figures') =>
			Number(
				(
					await db()
						.selectFrom(table)
						.select((eb) => eb.fn.countAll<number>().as('n'))
						.executeTakeFirstOrThrow()
				).n
			);
		expect(await count('budget_lines')).toBe(2);
		expect(await count('budget_figures')).toBe(3);
	});
});
