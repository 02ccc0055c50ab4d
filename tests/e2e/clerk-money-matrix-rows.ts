// Allow/deny rows for the clerk workspace's part-B actions (milestones, updates, funding links,
// budget figures and the import), for the matrix in tests/e2e/auth-matrix.ts:
//   import { CLERK_MONEY_ROWS } from './clerk-money-matrix-rows';   …   ...CLERK_MONEY_ROWS
// Every row sends a value that fails validation once past the guard and the committee scope,
// so no demo record changes: allowed roles get 400, committee B's clerk 404 on a committee-A
// commitment (its existence must not leak), others 401/403. Budget lines are Treasury data any
// clerk may edit, so both clerks get 400 there. Ids are looked up when a request is built.
import type { Expected, MatrixRow } from './auth-matrix';
import { readDb } from './auth-fixtures';

const by = (allowed: number, otherCommittee: number = allowed): Expected => ({
	anonymous: 401,
	mp: 403,
	clerkA: allowed,
	clerkB: otherCommittee,
	admin: allowed,
	ministry: 403,
	disabled: 401
});

/** The draft DCAIS/2025/005 (committee A), which other tests do not assert on. */
function target() {
	const [row] = readDb<{ id: number; version: number }>(
		"select id, version from commitments where ref = 'DCAIS/2025/005'"
	);
	if (!row) throw new Error('no DCAIS/2025/005');
	return row;
}
const at = (path: string) => () => `/workspace/commitments/${target().id}/${path}`;

export const CLERK_MONEY_ROWS: readonly MatrixRow[] = [
	{
		routeId: '/(clerk)/workspace/commitments/[id]/milestones',
		action: 'add',
		path: at('milestones?/add'),
		form: () => ({
			title: 'Matrix milestone (test data)',
			planned_on: '2026-01-31',
			weight: 'heavy'
		}),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]/milestones',
		action: 'edit',
		path: at('milestones?/edit'),
		form: () => ({
			milestone_id: 'x',
			version: '1',
			title: 'Matrix',
			planned_on: '2026-01-31',
			weight: '1'
		}),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]/milestones',
		action: 'mark',
		path: at('milestones?/mark'),
		form: () => ({ milestone_id: '1', version: '1', status: 'done' }),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]/updates',
		action: 'record',
		path: at('updates?/record'),
		form: () => ({ version: String(target().version), update_on: '2025-12-01', note: '' }),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]/funding',
		action: 'add',
		path: at('funding?/add'),
		form: () => ({
			budget_line_id: '1',
			share_kind: 'percent',
			share_percent: '150',
			basis: 'indicative'
		}),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]/funding',
		action: 'edit',
		path: at('funding?/edit'),
		form: () => ({
			link_id: 'x',
			stamp: 'x',
			share_kind: 'percent',
			share_percent: '10',
			basis: 'indicative'
		}),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/commitments/[id]/funding',
		action: 'remove',
		path: at('funding?/remove'),
		form: () => ({ link_id: 'x' }),
		expect: by(400, 404)
	},
	{
		routeId: '/(clerk)/workspace/budget',
		action: 'line',
		path: () => '/workspace/budget?/line',
		form: () => ({
			fiscal_year: '2025/27',
			vote_code: '1021',
			vote_name: 'Matrix vote (test data)',
			programme: 'Matrix programme (test data)',
			economic_class: 'recurrent'
		}),
		expect: by(400)
	},
	{
		routeId: '/(clerk)/workspace/budget',
		action: 'figure',
		path: () => '/workspace/budget?/figure',
		form: () => ({
			budget_line_id: '1',
			phase: 'released',
			amount: '-1',
			as_of: '2025-09-30',
			source_title: 'Matrix (test data)'
		}),
		expect: by(400)
	},
	{
		// No file: refused before anything is parsed or stored.
		routeId: '/(clerk)/workspace/budget/import',
		action: 'preview',
		path: () => '/workspace/budget/import?/preview',
		form: () => ({ file: '' }),
		expect: by(400)
	},
	{
		// A job id nobody owns is answered as missing, for every clerk.
		routeId: '/(clerk)/workspace/budget/import',
		action: 'confirm',
		path: () => '/workspace/budget/import?/confirm',
		form: () => ({ job_id: 'matrixMatrixMatrixMatrix' }),
		expect: by(404)
	}
];
