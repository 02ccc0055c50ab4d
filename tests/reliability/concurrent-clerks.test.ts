// Concurrent clerks: many signed-in sessions open the edit form of the same and of different
// commitments and save at once, a fixed number of saves each. No answer is a 5xx; every save is either
// applied (303) or refused as stale (409); the audit log has exactly one row per applied save
// and none for a refused one; the applied saves of a commitment form one unbroken chain of
// versions (two saves from the same version never both apply: no lost update); and the final
// record equals the last applied save.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { prng, signIn, type Client } from './helpers/client';
import { freshDemoDb, integrityProblems, one, query } from './helpers/db';
import { startServer, type Server } from './helpers/server';

const PORT = 5411;
const SESSIONS = 10;
/** Saves per session: a fixed count, so a run does the same work however fast the machine. */
const SAVES_PER_SESSION = 30;
/** Published demo commitments of committee A; the first is the one everybody fights over. */
const COMMITMENTS = [1, 2, 3, 4];
const HOT = 1;

const dbFile = freshDemoDb('concurrent');
const SEED = 777;
let server: Server;

beforeAll(async () => {
	server = await startServer({ port: PORT, dbFile });
});
afterAll(async () => {
	await server?.stop();
});

interface Row {
	id: number;
	version: number;
	title: string;
	summary: string;
	quote: string;
	quote_source_title: string;
	quote_source_url: string | null;
	quote_source_locator: string | null;
	organisation_id: number;
	office_id: number;
	person_id: number | null;
	type: string;
	measurable_target: string | null;
}

function current(id: number): Row {
	return one<Row>(dbFile, 'select * from commitments where id = ?', id);
}

function editForm(row: Row, title: string, version: string) {
	const tags = query<{ name: string }>(
		dbFile,
		'select t.name from commitment_tags ct join tags t on t.id = ct.tag_id where ct.commitment_id = ? order by t.name',
		row.id
	);
	return {
		title,
		summary: row.summary,
		quote: row.quote,
		quote_source_title: row.quote_source_title,
		quote_source_url: row.quote_source_url ?? '',
		quote_source_locator: row.quote_source_locator ?? '',
		organisation_id: String(row.organisation_id),
		office_id: String(row.office_id),
		person_id: row.person_id === null ? '' : String(row.person_id),
		type: row.type,
		measurable_target: row.measurable_target ?? '',
		tags: tags.map((t) => t.name).join(', '),
		version
	};
}

describe('concurrent clerks', () => {
	test('simultaneous saves of the same and different commitments: no 5xx, no lost update', async () => {
		const clients: Client[] = [];
		for (let i = 0; i < SESSIONS; i++)
			clients.push(await signIn(server.url, i % 4 === 3 ? 'admin' : 'clerkA'));
		const { n: auditBefore } = one<{ n: number }>(dbFile, 'select max(id) as n from audit_log');
		const start = new Map(COMMITMENTS.map((id) => [id, current(id)]));
		const applied = new Map<number, string[]>(COMMITMENTS.map((id) => [id, []]));
		const stale = new Map<number, string[]>(COMMITMENTS.map((id) => [id, []]));
		const bad: string[] = [];
		let saves = 0;
		const save = async (client: Client, id: number, title: string, version: string) => {
			saves++;
			const res = await client.post(
				`/workspace/commitments/${id}?/save`,
				editForm(start.get(id)!, title, version)
			);
			if (res.status === 303) applied.get(id)!.push(title);
			else if (res.status === 409) stale.get(id)!.push(title);
			else bad.push(`save ${id} from v${version}: ${res.status}`);
			return res.status;
		};
		// Contention for certain, not by luck: two sessions open the hot record at one version and
		// both save; the second is refused.
		const versionOf = async (client: Client, id: number) =>
			/name="version" value="(\d+)"/.exec(
				(await client.get(`/workspace/commitments/${id}`)).body
			)?.[1] ?? '';
		const [first, second] = [await versionOf(clients[0]!, HOT), await versionOf(clients[1]!, HOT)];
		expect(first).toBe(second);
		expect(await save(clients[0]!, HOT, 'Concurrent save first of two', first)).toBe(303);
		expect(await save(clients[1]!, HOT, 'Concurrent save second of two', second)).toBe(409);

		// Then every session makes a fixed number of saves at once, each drawn from its own
		// seeded sequence (the order the sessions interleave in is the server's, not ours).
		await Promise.all(
			clients.map(async (client, w) => {
				const rng = prng(SEED + w);
				for (let n = 0; n < SAVES_PER_SESSION; n++) {
					const id =
						rng() < 0.6 ? HOT : (COMMITMENTS[Math.floor(rng() * COMMITMENTS.length)] ?? HOT);
					// Open the form as a browser would and take the version it carries.
					const page = await client.get(`/workspace/commitments/${id}`);
					const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
					if (page.status !== 200 || !version) {
						bad.push(`GET ${id}: ${page.status}`);
						continue;
					}
					await save(client, id, `Concurrent save w${w} n${n}`, version);
				}
			})
		);
		expect(bad.slice(0, 10)).toEqual([]);
		expect(integrityProblems(dbFile)).toEqual([]);

		for (const id of COMMITMENTS) {
			const audit = query<{ before_json: string; after_json: string }>(
				dbFile,
				"select before_json, after_json from audit_log where id > ? and action = 'commitment.updated' and entity_id = ? order by id",
				auditBefore,
				String(id)
			).map((a) => ({
				before: JSON.parse(a.before_json) as { version: number },
				after: JSON.parse(a.after_json) as { version: number; title: string }
			}));
			const titles = applied.get(id)!;
			const first = start.get(id)!;
			// Every applied save has exactly one audit row, and no refused one has any.
			expect(audit.map((a) => a.after.title).sort()).toEqual([...titles].sort());
			// One unbroken chain of versions: each applied save started from the one before it.
			expect(audit.map((a) => a.before.version)).toEqual(titles.map((_, i) => first.version + i));
			const end = current(id);
			expect(end.version).toBe(first.version + titles.length);
			expect(end.title).toBe(audit.length ? audit.at(-1)!.after.title : first.title);
			// A refused save left no trace.
			const refused = new Set(stale.get(id));
			expect(audit.some((a) => refused.has(a.after.title))).toBe(false);
		}
		const total = (m: Map<number, string[]>) => [...m.values()].reduce((s, l) => s + l.length, 0);
		console.log(
			`concurrent clerks: ${saves} saves by ${SESSIONS} sessions: ${total(applied)} applied, ${total(stale)} refused as stale`
		);
		// Each save was applied or refused as stale, nothing else.
		expect(total(applied) + total(stale)).toBe(saves);
		expect(saves).toBe(2 + SESSIONS * SAVES_PER_SESSION);
	});
});
