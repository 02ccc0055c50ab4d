// The allow/deny matrix (tests/e2e/auth-matrix.ts) against the built server over HTTP: every
// mutating action × {anonymous, MP, clerk of committee A, clerk of committee B, admin, ministry
// liaison officer, disabled user}. A refusal (any 4xx) must leave every table of the database
// exactly as it was. Then the read rows of the ministry's right of reply (MINISTRY_READS).
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import { getUserByEmail } from '../../src/lib/server/queries/users';
import { createUser, setUserDisabled } from '../../src/lib/server/services/users';
import { ACTORS, MATRIX, type MatrixActor, type MatrixContext } from './auth-matrix';
import { ensureTranscriptOfA } from './clerk-matrix-rows';
import { ensureMinistryFixtures } from './ministry-fixtures';
import { MINISTRY_READS } from './ministry-matrix-rows';
import {
	client,
	dbSnapshot,
	demoAccount,
	ensureDemoUsers,
	formBody,
	signedInClient,
	withAppDb
} from './auth-fixtures';

test.describe.configure({ mode: 'serial' });

const TARGET = 'matrix.target@ahadi.example';
const DISABLED = 'matrix.disabled@ahadi.example';
const PASSWORD = 'matrix set-up password';

let disabledClient: APIRequestContext;
let counter = 0;

async function ensureUser(email: string, role: 'mp' | 'clerk') {
	return withAppDb(async (db) => {
		const existing = await getUserByEmail(db, email);
		if (existing) return existing.id;
		return createUser(db, SYSTEM_ACTOR, {
			email,
			name: email,
			role,
			committeeIds: [],
			password: PASSWORD,
			mustChangePassword: false
		});
	});
}

test.beforeAll(async () => {
	await ensureDemoUsers();
	ensureTranscriptOfA();
	await ensureMinistryFixtures();
	await ensureUser(TARGET, 'mp');
	const disabledId = await ensureUser(DISABLED, 'mp');
	// Sign in while enabled, then disable: the client keeps a cookie whose session has ended.
	await withAppDb((db) => setUserDisabled(db, SYSTEM_ACTOR, disabledId, false));
	disabledClient = await signedInClient(DISABLED, PASSWORD);
	await withAppDb((db) => setUserDisabled(db, SYSTEM_ACTOR, disabledId, true));
});

async function requester(actor: MatrixActor): Promise<APIRequestContext> {
	if (actor === 'anonymous') return client();
	if (actor === 'disabled') return disabledClient;
	const { email, password } = demoAccount(actor);
	return signedInClient(email, password);
}

async function context(): Promise<MatrixContext> {
	return withAppDb(async (db) => {
		const target = (await getUserByEmail(db, TARGET))!;
		const committee = await db
			.selectFrom('committees')
			.select('id')
			.where('slug', '=', 'administration-internal-security')
			.executeTakeFirstOrThrow();
		return {
			targetId: target.id,
			targetVersion: target.version,
			committeeA: committee.id,
			unique: `${Date.now()}-${++counter}`
		};
	});
}

for (const row of [...MATRIX, ...MINISTRY_READS]) {
	for (const actor of ACTORS) {
		const expected = row.expect[actor];
		const method = row.method ?? 'POST';
		const what = row.label ? `${row.action} (${row.label})` : row.action;
		test(`${row.routeId} ${what} as ${actor} → ${expected}`, async () => {
			const api = await requester(actor);
			const ctx = await context();
			const before = dbSnapshot();
			const res = await api.fetch(
				row.path(ctx),
				method === 'GET' ? { method, maxRedirects: 0 } : { method, ...formBody(row.form(ctx)) }
			);
			expect(res.status()).toBe(expected);
			if (expected >= 400) {
				expect(dbSnapshot(), 'a refused request changed the database').toBe(before);
			}
		});
	}
}

test('the disabled user’s old cookie no longer opens any page', async () => {
	const res = await disabledClient.get('/account', { maxRedirects: 0 });
	expect(res.status()).toBe(303);
	expect(res.headers()['location']).toBe('/login?redirectTo=%2Faccount');
});

test('pages that only read refuse POST (405) without touching the database', async () => {
	const admin = await signedInClient(demoAccount('admin').email, demoAccount('admin').password);
	for (const path of ['/admin/audit', '/admin', '/commitments', '/']) {
		const before = dbSnapshot();
		const res = await admin.post(path, formBody({ anything: 'x' }));
		expect(res.status(), path).toBe(405);
		expect(dbSnapshot()).toBe(before);
	}
});
