// Allow/deny rows for the clerk workspace's part-A actions (sittings, commitments, reference
// lists, deadline rules), for the matrix in tests/e2e/auth-matrix.ts:
//   import { CLERK_WORKSPACE_ROWS } from './clerk-matrix-rows';   …   ...CLERK_WORKSPACE_ROWS
// Ids are looked up when a request is built (never at import, so Vitest can import this file
// without the demo database). Rows that would change demo records others assert on send a
// value that fails validation instead, so the allowed roles get 400 (they passed the guard)
// while the refused ones get 401/403, or 404 for another committee's record.
import type { Expected, MatrixContext, MatrixRow } from './auth-matrix';
import { demoAccount, readDb, writeDb } from './auth-fixtures';

const by = (allowed: number, otherCommittee: number, adminStatus: number = allowed): Expected => ({
	anonymous: 401,
	mp: 403,
	clerkA: allowed,
	clerkB: otherCommittee,
	admin: adminStatus,
	ministry: 403,
	disabled: 401
});
const adminOnly = (ok: number): Expected => ({
	anonymous: 401,
	mp: 403,
	clerkA: 403,
	clerkB: 403,
	admin: ok,
	ministry: 403,
	disabled: 401
});

function one<T>(query: string): T {
	const [row] = readDb<T>(query);
	if (!row) throw new Error(`no row for ${query}`);
	return row;
}
/** The demo sitting of committee A and the ids a valid form needs. */
const demo = () =>
	one<{
		commitment: number;
		version: number;
		sitting: number;
		sitting_version: number;
		person: number;
		office: number;
		organisation: number;
	}>(
		`select c.id as commitment, c.version, s.id as sitting, s.version as sitting_version,
			c.person_id as person, c.office_id as office, c.organisation_id as organisation
		from commitments c join sittings s on s.id = c.sitting_id where c.ref = 'DCAIS/2025/005'`
	);

const sittingFields = (d: ReturnType<typeof demo>, ctx: MatrixContext) => ({
	sat_on: '2025-06-12',
	subject: `Matrix sitting ${ctx.unique} (test data)`,
	source_title: 'Hansard (test data)',
	appearance_person_0: String(d.person),
	appearance_office_0: String(d.office)
});

const TRANSCRIPT_OF_A = `select t.id from transcripts t join committees k on k.id = t.committee_id
	where k.abbreviation = 'DCAIS' order by t.id limit 1`;

/** A transcript of committee A for the review rows (ensureTranscriptOfA makes one). */
const transcriptA = () => one<{ id: number }>(TRANSCRIPT_OF_A).id;

/**
 * Stores a transcript of committee A, as an upload would (without proposals), unless there is
 * one: the review rows need one. Call it before taking snapshots of the database.
 */
export function ensureTranscriptOfA(): void {
	if (readDb(TRANSCRIPT_OF_A).length > 0) return;
	const text = Buffer.from('The Chairperson (Hon. Test): Test data.');
	writeDb(
		`insert into transcripts (committee_id, file_name, kind, byte_size, sha256, content, pages,
			speeches, sitting_json, created_by, created_at)
		select k.id, 'matrix.txt', 'text', ?, ?, ?, 1, 1, ?, u.id, ?
		from committees k, users u where k.abbreviation = 'DCAIS' and u.email = ?`,
		text.byteLength,
		'0'.repeat(64),
		text,
		JSON.stringify({ committee: null, satOn: null, subject: null, appeared: [] }),
		new Date().toISOString(),
		demoAccount('clerkA').email
	);
}

export const CLERK_WORKSPACE_ROWS: readonly MatrixRow[] = [
	{
		// No file and no text: refused once past the guard (the upload is not committee-bound).
		routeId: '/(clerk)/workspace/transcripts',
		action: 'upload',
		path: () => '/workspace/transcripts?/upload',
		form: () => ({ pasted: '' }),
		expect: by(400, 400)
	},
	{
		// A malformed deadline rule: refused by validation; another committee's clerk gets 404.
		routeId: '/(clerk)/workspace/transcripts/[id]',
		action: 'review',
		path: () => `/workspace/transcripts/${transcriptA()}?/review`,
		form: () => ({ rule_id: 'x' }),
		expect: by(400, 404)
	},
	{
		// Committee A's clerk may record a sitting of committee A; committee B's may not (400).
		routeId: '/(clerk)/workspace/sittings/new',
		action: 'create',
		path: () => '/workspace/sittings/new?/create',
		form: (ctx) => ({ committee_id: String(ctx.committeeA), ...sittingFields(demo(), ctx) }),
		expect: by(303, 400)
	},
	{
		// An impossible date: refused by validation once past the guard and the scope check.
		routeId: '/(clerk)/workspace/sittings/[id]',
		action: 'save',
		path: () => `/workspace/sittings/${demo().sitting}?/save`,
		form: (ctx) => ({
			...sittingFields(demo(), ctx),
			sat_on: '2025-02-30',
			version: String(demo().sitting_version)
		}),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/sittings/[id]',
		action: 'addCommitment',
		path: () => `/workspace/sittings/${demo().sitting}?/addCommitment`,
		form: () => ({ title: '', type: 'policy', due_mode: 'none' }),
		expect: by(400, 404)
	},
	{
		// Never publishes a demo draft: the id is malformed.
		routeId: '/(clerk)/workspace/sittings/[id]',
		action: 'publishSelected',
		path: () => `/workspace/sittings/${demo().sitting}?/publishSelected`,
		form: () => ({ publish: 'x' }),
		expect: by(400, 404)
	},
	{
		// Never publishes a demo sitting: the version is malformed.
		routeId: '/(clerk)/workspace/sittings/[id]',
		action: 'announce',
		path: () => `/workspace/sittings/${demo().sitting}?/announce`,
		form: () => ({ version: 'x' }),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]',
		action: 'save',
		path: () => `/workspace/commitments/${demo().commitment}?/save`,
		form: () => ({ title: '', version: String(demo().version) }),
		expect: by(400, 404)
	},
	{
		// Never publishes the demo draft: the version is malformed.
		routeId: '/(clerk)/workspace/commitments/[id]',
		action: 'publish',
		path: () => `/workspace/commitments/${demo().commitment}?/publish`,
		form: () => ({ version: 'x' }),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]',
		action: 'withdraw',
		path: () => `/workspace/commitments/${demo().commitment}?/withdraw`,
		form: () => ({ reason: '', version: String(demo().version) }),
		expect: by(400, 404)
	},
	{
		// The reference lists are shared by every committee.
		routeId: '/(clerk)/workspace/reference',
		action: 'addPerson',
		path: () => '/workspace/reference?/addPerson',
		form: (ctx) => ({ person_name: `Matrix Person ${ctx.unique} (test data)` }),
		expect: by(303, 303)
	},
	{
		routeId: '/(clerk)/workspace/reference',
		action: 'addOffice',
		path: () => '/workspace/reference?/addOffice',
		form: () => ({ office_title: 'Matrix office (test data)', office_organisation_id: 'x' }),
		expect: by(400, 400)
	},
	{
		routeId: '/(clerk)/workspace/reference',
		action: 'addOrganisation',
		path: () => '/workspace/reference?/addOrganisation',
		form: () => ({ organisation_name: 'Matrix organisation', organisation_kind: 'cartel' }),
		expect: by(400, 400)
	},
	{
		routeId: '/(clerk)/workspace/reference',
		action: 'addHolding',
		path: () => '/workspace/reference?/addHolding',
		form: () => ({
			holding_person_id: String(demo().person),
			holding_office_id: String(demo().office),
			holding_start_on: '2025-02-30'
		}),
		expect: by(400, 400)
	},
	{
		routeId: '/(clerk)/workspace/reference',
		action: 'retire',
		path: () => '/workspace/reference?/retire',
		form: () => ({ retire_kind: 'person', retire_id: 'x' }),
		expect: adminOnly(400)
	},
	{
		routeId: '/(clerk)/workspace/reference',
		action: 'merge',
		path: () => '/workspace/reference?/merge',
		form: () => ({
			merge_kind: 'person',
			merge_from_id: String(demo().person),
			merge_into_id: String(demo().person)
		}),
		expect: adminOnly(400)
	},
	{
		routeId: '/(admin)/admin/deadline-rules',
		action: 'add',
		path: () => '/admin/deadline-rules?/add',
		form: (ctx) => ({
			name: `Matrix rule ${ctx.unique}`,
			description: 'Test data',
			unit: 'days',
			amount: '30'
		}),
		expect: adminOnly(303)
	},
	{
		routeId: '/(admin)/admin/deadline-rules',
		action: 'update',
		path: () => '/admin/deadline-rules?/update',
		form: () => ({ rule_id: 'x', name: 'x', description: 'x', unit: 'days', amount: '1' }),
		expect: adminOnly(400)
	},
	{
		routeId: '/(admin)/admin/deadline-rules',
		action: 'deactivate',
		path: () => '/admin/deadline-rules?/deactivate',
		form: () => ({ rule_id: 'x' }),
		expect: adminOnly(400)
	},
	{
		routeId: '/(admin)/admin/deadline-rules',
		action: 'activate',
		path: () => '/admin/deadline-rules?/activate',
		form: () => ({ rule_id: 'x' }),
		expect: adminOnly(400)
	}
];
