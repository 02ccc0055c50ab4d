// A service's refusal (src/lib/server/errors.ts) as the admin sees it: the committee actions
// called directly, against the app's own `db`, answer a taken abbreviation with a 400 on that
// field of that form, and a committee that does not exist with a 404.
import { isActionFailure, isHttpError, isRedirect } from '@sveltejs/kit';
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/lib/server/audit';
import {
	createSession,
	generateSessionToken,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { db } from '../../src/lib/server/db/client';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { addCommittee } from '../../src/lib/server/services/committees';
import { actions } from '../../src/routes/(admin)/admin/committees/+page.server';
import { addUser } from './auth-helpers';
import { fakeEvent } from './auth-events';

let locals: App.Locals;
beforeAll(async () => {
	await migrateToLatest(db);
	const id = await addUser(db, 'admin@x.example', 'admin');
	const token = generateSessionToken();
	await createSession(db, token, id);
	const { user, session } = await validateSessionToken(db, token);
	locals = { user, session };
	await addCommittee(db, SYSTEM_ACTOR, {
		name: 'Health',
		abbreviation: 'DCH',
		house: 'national_assembly'
	});
});

/** Runs the action; returns what it answered, whether it returned or threw it. */
async function answer(name: 'add' | 'update', form: Record<string, string>) {
	try {
		return await actions[name]!(fakeEvent(`/admin/committees?/${name}`, { form, locals }) as never);
	} catch (e) {
		if (isHttpError(e) || isRedirect(e)) return e;
		throw e;
	}
}

describe('committee refusals', () => {
	it('shows a taken abbreviation next to its field, on the form that was sent', async () => {
		const form = { name: 'Housing', abbreviation: 'DCH', house: 'senate' };
		const result = await answer('add', form);
		expect(isActionFailure(result)).toBe(true);
		expect(result).toMatchObject({
			status: 400,
			data: {
				form: 'add',
				values: form,
				errors: { abbreviation: 'DCH is already used by Health' }
			}
		});
	});

	it('answers 404 for a committee that does not exist', async () => {
		const result = await answer('update', {
			committee_id: '999',
			name: 'Housing',
			abbreviation: 'DCHO',
			house: 'senate'
		});
		expect(result).toMatchObject({ status: 404, body: { message: 'No such committee.' } });
	});
});
